using System;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorServicesAndSignalsTests
{
    private static ServiceProvider Build(string json)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        BehaviorRulesBuilder rules = services.AddBehaviorRules();
        foreach (IConfigurationSection set in configuration.GetSection("BehaviorRules").GetChildren())
        {
            services.Configure<BehaviorRuleSetOptions>(set.Key, set);
            rules.AddRuleSet(set.Key);
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public void RuleSetsBindFromConfiguration()
    {
        using ServiceProvider provider = Build("""
            { "BehaviorRules": { "csm": { "Rules": [
                { "Id": "support_case_spike", "Kind": "risk", "Severity": "danger", "Cooldown": "7d", "When": "count(support_case_opened, last 7d) >= 5" },
                { "Id": "power_user_reward", "Kind": "trigger", "Severity": "info", "Cooldown": "forever", "PerUser": true,
                  "When": "count(login, ever) >= 50 and count(page_view, ever) >= 500" } ] } } }
            """);
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

        RuleSet rules = provider.GetRequiredService<BehaviorRuleSets>().Get("csm");

        Assert.Equal(["support_case_spike", "power_user_reward"], rules.Select(r => r.Id));
        Assert.True(rules[1].PerUser);
        Assert.Equal(BehaviorRule.Forever, rules[1].Cooldown);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => provider.GetRequiredService<BehaviorRuleSets>().Get("other"));
    }

    [Theory]
    [InlineData("""{ "Id": "a", "Kind": "risky", "Severity": "danger", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('a'): Kind 'risky' is not risk, opportunity or trigger.")]
    [InlineData("""{ "Id": "a", "Kind": "risk", "Severity": "danger", "When": "count(x, ever) >" }""", "Rule set 'csm', rule 1 ('a'): When: Line 1, column 17: Expected a number")]
    [InlineData("""{ "Id": "ok", "Kind": "risk", "Severity": "danger", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('ok'): the id is also used by rule 0")]
    [InlineData("""{ "Id": "a", "Kind": "risk", "Severity": "danger", "Cooldown": "7 days", "When": "performed(x, ever)" }""", "Rule set 'csm', rule 1 ('a'): Cooldown: '7 days' is not a duration")]
    public void BadRule_FailsAtStart_NamingTheRuleSetRuleAndFault(string badRule, string expected)
    {
        using ServiceProvider provider = Build($$"""
            { "BehaviorRules": { "csm": { "Rules": [
                { "Id": "ok", "Kind": "risk", "Severity": "danger", "When": "performed(x, ever)" }, {{badRule}} ] } } }
            """);

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private sealed record Customer(string Id);

    [Fact]
    public void PredicatesAndAggregatesServeAsHealthSignals()
    {
        var acme = new AccountId("acme");
        var events = Enumerable.Range(0, 4).Select(w => new BehaviorEvent(acme, "run_forecast", Instant.FromUtc(2026, 10, 28, 10, 0) + Duration.FromDays(7 * w)));
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        var context = new SignalContext(Instant.FromUtc(2026, 11, 23, 9, 0), DateTimeZone.Utc);

        ISignal<Customer> established = BehaviorSignals.Predicate<Customer>(
            new SignalId("forecast.weekly"), evaluator, BehaviorPredicate.Every("run_forecast", 4, CalendarUnit.Week), c => new AccountId(c.Id));
        ISignal<Customer> sinceLast = BehaviorSignals.Aggregate<Customer>(
            new SignalId("forecast.days_since"), evaluator, BehaviorAggregate.SinceLast("run_forecast"), c => new AccountId(c.Id), SignalTiming.Leading);
        ISignal<Customer> change = BehaviorSignals.Aggregate<Customer>(
            new SignalId("forecast.change"), evaluator, BehaviorAggregate.Change(BehaviorAggregate.Count("run_forecast", BehaviorWindow.Last(Duration.FromDays(14))), BehaviorWindow.Last(Duration.FromDays(14), Duration.FromDays(14))),
            c => new AccountId(c.Id), SignalTiming.Leading);

        Assert.Equal(SignalTiming.Leading, established.Timing);
        Assert.Equal(SignalValue.Of(true), established.Measure(new Customer("acme"), context));
        Assert.Equal(SignalValue.Of(false), established.Measure(new Customer("other"), context));
        Assert.Equal(4.9583, sinceLast.Measure(new Customer("acme"), context).Value, 4); // Nov 18 10:00 to Nov 23 09:00
        Assert.False(sinceLast.Measure(new Customer("other"), context).IsPresent);
        Assert.Contains("baseline is 0", change.Measure(new Customer("other"), context).MissingReason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BehaviorSignals.Aggregate<Customer>(
            new SignalId("x"), evaluator, BehaviorAggregate.First("login", BehaviorWindow.Ever), c => new AccountId(c.Id), SignalTiming.Lagging));
    }
}
