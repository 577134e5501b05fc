using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>
/// Segment counts (DESIGN section 9): counts over disjoint accounts, sent as JSON and merged, are the counts over the union,
/// and each segment's count is the size of <see cref="BehaviorEvaluator.Segment"/>'s list.
/// </summary>
[Properties(Arbitrary = new[] { typeof(BehaviorArbitraries) }, MaxTest = 200)]
public class SegmentCountsTests
{
    private static string GroupOf(AccountId account) => account.Value == "a2" ? "smb" : "enterprise";

    [Property]
    public void Counts_SerialisedThenMerged_AreTheCountsOfTheWhole(BehaviorWorld world, BehaviorPredicate p, BehaviorPredicate q, PositiveInt partCount)
    {
        int parts = (partCount.Get % 3) + 1;
        var context = new SignalContext(world.AsOf, world.Zone);
        (string, BehaviorPredicate)[] segments = [("p", p), ("q", q)];
        SegmentCounts whole = Count(world, _ => true, segments, context);

        SegmentCounts travelled = Enumerable.Range(0, parts)
            .Select(part => SegmentCounts.FromJson(Count(world, a => Array.IndexOf(BehaviorWorld.AccountIds, a) % parts == part, segments, context).ToJson()))
            .Aggregate((x, y) => x.Merge(y));

        Assert.Equal(whole.ToJson(), travelled.ToJson());
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        IEnumerable<AccountId> all = BehaviorWorld.AccountIds.Select(a => new AccountId(a));
        Assert.Equal(evaluator.Segment(p, context, all).Count, travelled.Matched("p"));
        Assert.Equal(evaluator.Segment(q, context, all).Count, travelled.Matched("q"));
        Assert.Equal(evaluator.Segment(p, context, all).Count(m => GroupOf(m.Account) == "smb"), travelled.Groups.Contains("smb") ? travelled.Matched("p", "smb") : 0);
        Assert.Equal(3, travelled.Judged);
    }

    [Fact]
    public void ToJson_WritesTheInstantSegmentsAndEachGroupsCounts()
    {
        var at = Instant.FromUtc(2026, 3, 1, 0, 0);
        BehaviorEvent[] events =
        [
            new(new AccountId("a1"), "login", at - Duration.FromDays(1), 1),
            new(new AccountId("a1"), "login", at - Duration.FromDays(2), 1),
            new(new AccountId("a2"), "login", at - Duration.FromDays(3), 1),
        ];
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));

        SegmentCounts counts = SegmentCounts.Count(evaluator, [("active", BehaviorPredicate.Parse("count(login, last 7d) >= 2"))], new SignalContext(at, DateTimeZone.Utc), GroupOf);

        Assert.Equal(
            """{"partial":"segment-counts","version":1,"asOf":"2026-03-01T00:00:00Z","segments":[{"name":"active","predicate":"count(login, last 7d) >= 2"}],"groups":[{"group":"enterprise","judged":1,"matched":[1]},{"group":"smb","judged":1,"matched":[0]}]}""",
            counts.ToJson());
        Assert.Equal(Ratio.Of(1, 2), counts.Share("active"));
        Assert.Equal(1, counts.JudgedIn("smb"));
    }

    [Fact]
    public void Merge_OtherSegmentsOrInstant_IsRefused_AndAnEmptyPartAddsNoGroup()
    {
        var at = Instant.FromUtc(2026, 3, 1, 0, 0);
        var evaluator = new BehaviorEvaluator(EventStore.Create([new BehaviorEvent(new AccountId("a1"), "login", at, 1)]));
        var none = new BehaviorEvaluator(EventStore.Create([]));
        (string, BehaviorPredicate)[] segments = [("active", BehaviorPredicate.Parse("count(login, last 7d) >= 1"))];
        SegmentCounts counts = SegmentCounts.Count(evaluator, segments, new SignalContext(at, DateTimeZone.Utc), GroupOf);

        Assert.Throws<ArgumentException>(() => counts.Merge(SegmentCounts.Count(evaluator, segments, new SignalContext(at + Duration.FromHours(1), DateTimeZone.Utc), GroupOf)));
        Assert.Throws<ArgumentException>(() => counts.Merge(SegmentCounts.Count(evaluator, [("active", BehaviorPredicate.Parse("count(login, last 7d) >= 2"))], new SignalContext(at, DateTimeZone.Utc), GroupOf)));
        SegmentCounts empty = SegmentCounts.Count(none, segments, new SignalContext(at, DateTimeZone.Utc), GroupOf);
        Assert.Equal(["enterprise"], counts.Merge(empty).Groups);
        Assert.Equal(["enterprise"], empty.Merge(counts).Groups);
        Assert.Throws<ArgumentException>(() => SegmentCounts.Count(evaluator, [.. segments, .. segments], new SignalContext(at, DateTimeZone.Utc)));
    }

    [Theory]
    [InlineData("""{"partial":"segment-counts","version":1,"asOf":"yesterday"}""", "$.asOf")]
    [InlineData("""{"partial":"segment-counts","version":1,"asOf":"2026-03-01T00:00:00Z","segments":[{"name":"a","predicate":"x"},{"name":"a","predicate":"y"}]}""", "$.segments[1].name")]
    [InlineData("""{"partial":"segment-counts","version":1,"asOf":"2026-03-01T00:00:00Z","segments":[{"name":"a","predicate":"x"}],"groups":[{"group":"g","judged":1,"matched":[2]}]}""", "$.groups[0].matched[0]")]
    [InlineData("""{"partial":"segment-counts","version":1,"asOf":"2026-03-01T00:00:00Z","segments":[{"name":"a","predicate":"x"}],"groups":[{"group":"g","judged":1,"matched":[1,0]}]}""", "$.groups[0].matched")]
    public void FromJson_CountsThatCannotBe_AreRefusedByPath(string json, string path)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => SegmentCounts.FromJson(json));

        Assert.Equal(path, e.JsonPath);
    }

    private static SegmentCounts Count(BehaviorWorld world, Func<string, bool> mine, (string, BehaviorPredicate)[] segments, SignalContext context)
    {
        var evaluator = new BehaviorEvaluator(
            EventStore.Create(world.Events.Where(e => mine(e.Account.Value))),
            AccountFacts.Create(world.Facts.Where(f => mine(f.Key.Account)).Select(f => (new AccountId(f.Key.Account), f.Key.Fact, f.Value))));
        return SegmentCounts.Count(evaluator, segments, context, GroupOf, BehaviorWorld.AccountIds.Where(mine).Select(a => new AccountId(a)));
    }
}
