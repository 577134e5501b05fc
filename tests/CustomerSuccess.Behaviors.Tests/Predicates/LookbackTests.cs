using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>The lookback law: events older than a predicate's lookback cannot change its answer (what an account grain may forget).</summary>
[Properties(Arbitrary = new[] { typeof(BehaviorArbitraries) }, MaxTest = 500)]
public class LookbackTests
{
    [Property]
    public void EventsOlderThanTheLookback_ChangeNoAnswer(BehaviorWorld world, BehaviorPredicate predicate)
    {
        if (predicate.Lookback() is not { } lookback)
        {
            return; // reads all history: nothing may be forgotten
        }

        var context = new SignalContext(world.AsOf, world.Zone);
        var full = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var recent = new BehaviorEvaluator(EventStore.Create(world.Events.Where(e => e.OccurredAt >= world.AsOf - lookback)), world.AccountFacts);
        foreach (string account in BehaviorWorld.AccountIds)
        {
            var id = new AccountId(account);
            Assert.Equal(full.Compile(predicate).Matches(id, context), recent.Compile(predicate).Matches(id, context));
        }
    }

    [Theory]
    [InlineData("count(support_case_opened, last 7d) >= 5", 7)]
    [InlineData("change(count(login, last 30d), last 30d offset 30d) <= -25%", 60)]
    [InlineData("stopped(login, last 14d, last 30d offset 14d)", 44)]
    [InlineData("fact(days_past_due) > 30", 0)]
    [InlineData("every(key_feature_use, 4 weeks)", 36)]
    [InlineData("count(login, this month) >= 1", 32)]
    public void Lookback_OfTheDemoRules_IsTheirLongestWindow(string text, int days)
    {
        Assert.Equal(Duration.FromDays(days), BehaviorPredicate.Parse(text).Lookback());
    }

    [Theory]
    [InlineData("count(login, ever) >= 1")]
    [InlineData("since_last(login) > 3d")]
    [InlineData("first_seen(last 30d)")]
    [InlineData("count(login, last 7d) >= 1 and count(login, since plan_changed) >= 1")]
    public void Lookback_OfWhatReadsAllHistory_IsUndefined(string text)
    {
        Assert.Null(BehaviorPredicate.Parse(text).Lookback());
    }

    [Fact]
    public void Lookback_OfARuleSet_IsItsLongestRule()
    {
        RuleSet rules = RuleSet.Parse("""
            rule a risk warning when count(login, last 7d) >= 1
            rule b risk warning when change(count(login, last 30d), last 30d offset 30d) <= -25%
            """);

        Assert.Equal(Duration.FromDays(60), rules.Lookback());
        Assert.Equal(Duration.Zero, RuleSet.Parse(string.Empty).Lookback());
    }
}
