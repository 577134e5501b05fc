using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>
/// The compaction law: from the instant of a compaction on, the kept events and tallies answer every predicate of the set
/// exactly as the whole history does, whatever the predicate reads (bounded windows, ever, since, first days, users).
/// </summary>
[Properties(Arbitrary = new[] { typeof(BehaviorArbitraries) }, MaxTest = 1000)]
public class EventCompactorTests
{
    private static readonly Duration[] Later = [Duration.Zero, Duration.FromHours(5), Duration.FromDays(3), Duration.FromDays(20)];

    [Property]
    public void CompactedEvents_AnswerAsTheWholeHistory_FromTheCompactionOn(BehaviorWorld world, BehaviorPredicate predicate, BehaviorPredicate other, NonNegativeInt later, NonNegativeInt then)
    {
        EventCompactor compactor = EventCompactor.For([predicate, other], world.Zone);
        Instant first = world.AsOf - Later[later.Get % Later.Length];
        Instant second = first + Later[then.Get % Later.Length];
        CompactedEvents once = compactor.Compact(world.Events, [], first);
        CompactedEvents twice = compactor.Compact(once.Events, once.Tallies, second);

        var full = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        foreach ((CompactedEvents compacted, Instant from) in new[] { (once, first), (twice, second) })
        {
            var kept = new BehaviorEvaluator(compacted.ToStore(), world.AccountFacts);
            foreach (Instant asOf in new[] { from, Max(from, world.AsOf), from + Duration.FromDays(9) })
            {
                var context = new SignalContext(asOf, world.Zone);
                foreach (BehaviorPredicate p in new[] { predicate, other })
                {
                    foreach (string account in BehaviorWorld.AccountIds)
                    {
                        var id = new AccountId(account);
                        Assert.Equal(full.Evaluate(p, id, context).ToString(), kept.Evaluate(p, id, context).ToString());
                        Assert.Equal(full.Compile(p).Matches(id, context), kept.Compile(p).Matches(id, context));
                    }
                }
            }
        }

        Assert.Equal(world.Events.Count, once.Events.Count + once.Forgotten);
    }

    // Predicates that read all history beside short windows, so that most events are old and compacting them takes tallies.
    private static readonly Gen<BehaviorPredicate> EverLeaf =
        from kind in Gen.Elements(AggregateKind.Count, AggregateKind.Count, AggregateKind.Sum, AggregateKind.DistinctDays, AggregateKind.DistinctUsers, AggregateKind.LastValue)
        from name in Gen.Elements(BehaviorGen.EventNames)
        from op in Gen.Elements(ComparisonOperator.AtLeast, ComparisonOperator.LessThan, ComparisonOperator.EqualTo)
        from threshold in Gen.Elements(0m, 1m, 2m, 3m, 5m, 8m, 13m, 2.01m)
        select Aggregate(kind, name).Is(op, threshold);

    private static readonly Gen<BehaviorPredicate> EverHeavy = Gen.OneOf(
        EverLeaf,
        from a in EverLeaf from b in BehaviorGen.Leaf select a.And(b),
        from a in EverLeaf from b in EverLeaf select a.Or(b.Negate()),
        from a in EverLeaf select BehaviorPredicate.Users(UserQuantifier.Any, BehaviorWindow.Ever, a),
        from a in EverLeaf from n in Gen.Choose(1, 2) select BehaviorPredicate.Users(UserQuantifier.AtLeast, BehaviorWindow.Ever, a, n),
        from name in Gen.Elements(BehaviorGen.EventNames) select BehaviorAggregate.Change(BehaviorAggregate.Count(name, BehaviorWindow.Ever), BehaviorWindow.Last(Duration.FromDays(3))).AtMost(0.5m));

    [Property(MaxTest = 1000)]
    public Property Tallies_AnswerAsTheWholeHistory()
    {
        Gen<BehaviorWorld> busy =
            from world in BehaviorGen.World
            from events in Gen.Choose(40, 160).SelectMany(n => BehaviorGen.Event.ArrayOf(n))
            select world with { Events = events };
        return Prop.ForAll(
            busy.ToArbitrary(),
            EverHeavy.ToArbitrary(),
            Gen.Elements(1, 5, 12, 30).ToArbitrary(),
            (world, predicate, days) =>
            {
                Instant at = world.AsOf + Duration.FromDays(days);
                CompactedEvents compacted = EventCompactor.For([predicate], world.Zone).Compact(world.Events, [], at);
                var full = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
                var kept = new BehaviorEvaluator(compacted.ToStore(), world.AccountFacts);
                foreach (Instant asOf in new[] { at, at + Duration.FromDays(2) })
                {
                    var context = new SignalContext(asOf, world.Zone);
                    foreach (string account in BehaviorWorld.AccountIds)
                    {
                        var id = new AccountId(account);
                        Assert.Equal(full.Evaluate(predicate, id, context).ToString(), kept.Evaluate(predicate, id, context).ToString());
                    }
                }

                return true.Classify(compacted.Tallies.Count > 0, "with tallies").Classify(compacted.Forgotten > 0, "forgot events");
            });
    }

    [Fact]
    public void Counts_AndSums_OverAllHistory_AreKeptAsTallies()
    {
        Instant t0 = Instant.FromUtc(2026, 1, 1, 0, 0);
        var account = new AccountId("a1");
        BehaviorEvent[] events = [.. Enumerable.Range(0, 100).Select(d => new BehaviorEvent(account, "login", t0 + Duration.FromDays(d), 0.5m, d % 2 == 0 ? "u1" : "u2"))];
        var predicates = new[]
        {
            BehaviorPredicate.Parse("count(login, ever) >= 100"),
            BehaviorPredicate.Parse("sum(login, ever) >= 50"),
            BehaviorPredicate.Parse("count(login, last 7d) >= 7"),
        };
        Instant asOf = t0 + Duration.FromDays(99);

        CompactedEvents compacted = EventCompactor.For(predicates, DateTimeZone.Utc).Compact(events, [], asOf);

        // Seven days kept whole (from the instant exactly seven days back, which leaves the window next); of the 92 older
        // events, the first and last of each user; the other 88 are two tallies.
        Assert.Equal(Duration.FromDays(7), EventCompactor.For(predicates, DateTimeZone.Utc).Recent);
        Assert.Equal(8 + 4, compacted.Events.Count);
        Assert.Equal(88, compacted.Forgotten);
        Assert.Equal(88, compacted.Tallies.Sum(t => t.Count));
        Assert.Equal(["u1", "u2"], compacted.Tallies.Select(t => t.UserId));
        var evaluator = new BehaviorEvaluator(compacted.ToStore());
        var context = new SignalContext(asOf, DateTimeZone.Utc);
        Assert.All(predicates, p => Assert.True(evaluator.Evaluate(p, account, context).Matched, p.ToString()));
        Assert.Equal("count(login, ever) = 100", evaluator.Evaluate(predicates[0], account, context).Evidence[0].ToString().Split(" (")[0]);
    }

    [Fact]
    public void BoundedRules_KeepOnlyTheirWindow_AndTheFirstEvents()
    {
        Instant t0 = Instant.FromUtc(2026, 1, 1, 0, 0);
        var account = new AccountId("a1");
        BehaviorEvent[] events = [.. Enumerable.Range(0, 60).Select(d => new BehaviorEvent(account, d % 3 == 0 ? "case" : "login", t0 + Duration.FromDays(d), 1m, d < 50 ? "u1" : "u2"))];
        RuleSet rules = RuleSet.Parse("rule busy risk warning when count(case, last 7d) >= 2");

        CompactedEvents compacted = EventCompactor.For(rules, DateTimeZone.Utc).Compact(events, [], t0 + Duration.FromDays(59));

        // Days 52 to 59 whole, the account's (and u1's) first event on day 0, u2's on day 50.
        Assert.Equal(
            [0, 50, 52, 53, 54, 55, 56, 57, 58, 59],
            compacted.Events.Select(e => (int)(e.OccurredAt - t0).TotalDays));
        Assert.Empty(compacted.Tallies);
    }

    [Fact]
    public void EventsThatShareAnId_AreOneEvent_AsInTheStore()
    {
        Instant t0 = Instant.FromUtc(2026, 1, 1, 0, 0);
        var account = new AccountId("a1");
        BehaviorEvent[] events =
        [
            .. Enumerable.Range(0, 20).Select(d => new BehaviorEvent(account, "login", t0 + Duration.FromDays(d), 1m, id: $"e{d}")),
            .. Enumerable.Range(0, 20).Select(d => new BehaviorEvent(account, "login", t0 + Duration.FromDays(d), 1m, id: $"e{d}")),
        ];
        BehaviorPredicate ever = BehaviorPredicate.Parse("count(login, ever) >= 20");

        CompactedEvents compacted = EventCompactor.For([ever], DateTimeZone.Utc).Compact(events, [], t0 + Duration.FromDays(30));

        Assert.Equal(20, compacted.Tallies.Sum(t => t.Count) + compacted.Events.Count);
        var context = new SignalContext(t0 + Duration.FromDays(30), DateTimeZone.Utc);
        Assert.Equal(
            new BehaviorEvaluator(EventStore.Create(events)).Evaluate(ever, account, context).ToString(),
            new BehaviorEvaluator(compacted.ToStore()).Evaluate(ever, account, context).ToString());
    }

    [Fact]
    public void ATally_WithoutAKeptEventOfItsSeries_IsRefused_NamingIt()
    {
        var account = new AccountId("a1");
        BehaviorEvent[] events = [new(account, "login", Instant.FromUtc(2026, 1, 1, 0, 0))];

        var e = Assert.Throws<ArgumentException>(() => EventStore.Create(events, [new EventTally(account, "export", null, 3, 3m)]));
        Assert.Contains("'export' events of account 'a1'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EventStore.Create(events, [new EventTally(account, "login", null, 0, 0m)]));
        Assert.Throws<ArgumentException>(() => EventStore.Create(events, [new EventTally(account, "login", null, 1, 0.00001m)]));
    }

    private static BehaviorAggregate Aggregate(AggregateKind kind, string name) => kind switch
    {
        AggregateKind.Count => BehaviorAggregate.Count(name, BehaviorWindow.Ever),
        AggregateKind.Sum => BehaviorAggregate.Sum(name, BehaviorWindow.Ever),
        AggregateKind.DistinctDays => BehaviorAggregate.DistinctDays(name, BehaviorWindow.Ever),
        AggregateKind.DistinctUsers => BehaviorAggregate.DistinctUsers(name, BehaviorWindow.Ever),
        _ => BehaviorAggregate.LastValue(name, BehaviorWindow.Ever),
    };

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
