using System;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorEvaluatorTests
{
    [Fact]
    public void CountAndSumLeaves_AllocateNothing_WithoutEvidence()
    {
        var account = new AccountId("acme");
        Instant t = Instant.FromUtc(2026, 11, 17, 0, 0);
        EventStore store = EventStore.Create(Enumerable.Range(0, 500).Select(i =>
            new BehaviorEvent(account, i % 2 == 0 ? "login" : "page_view", t - Duration.FromHours(i), 1 + (i % 7))));
        var evaluator = new BehaviorEvaluator(store);
        CompiledPredicate predicate = evaluator.Compile(BehaviorPredicate.Parse(
            "count(login, last 7d) >= 5 and sum(page_view, last 30d) >= 50 and change(count(login, last 3d), last 3d offset 3d) > -50% and not absent(login, this week)"));
        var context = new SignalContext(t, DateTimeZone.Utc);
        int matched = 0;
        for (int i = 0; i < 100; i++)
        {
            matched += predicate.Matches(account, context) ? 1 : 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            matched += predicate.Matches(account, context) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_100, matched);
    }

    [Fact]
    public void MaxDegreeOfParallelism_BelowOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BehaviorEvaluator(EventStore.Create([])) { MaxDegreeOfParallelism = 0 });
}
