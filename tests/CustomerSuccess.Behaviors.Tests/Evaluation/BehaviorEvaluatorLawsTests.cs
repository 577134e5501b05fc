using System;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>The laws of DESIGN section 5 on random events and predicates.</summary>
[Properties(Arbitrary = new[] { typeof(BehaviorArbitraries) }, MaxTest = 300)]
public class BehaviorEvaluatorLawsTests
{
    [Property]
    public Property Engine_AgreesWithThePlainReference(BehaviorWorld world, BehaviorPredicate predicate)
    {
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var reference = new ReferenceEvaluator(world.Events, world.Facts, world.Zone);
        CompiledPredicate compiled = evaluator.Compile(predicate);
        var context = new SignalContext(world.AsOf, world.Zone);
        foreach (string account in BehaviorWorld.AccountIds)
        {
            bool expected = reference.Matches(predicate, account, world.AsOf);
            bool fast = compiled.Matches(new AccountId(account), context);
            PredicateResult explained = compiled.Evaluate(new AccountId(account), context);
            if (fast != expected || explained.Matched != expected)
            {
                return false.Label($"{account}: predicate {predicate}\nreference {expected}, engine {fast}, explained {explained.Matched}: {explained}\n{world}");
            }
        }

        return true.ToProperty();
    }

    [Property]
    public bool DeMorgan_HoldsForAndAndOr(BehaviorWorld world, BehaviorPredicate p, BehaviorPredicate q)
    {
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var context = new SignalContext(world.AsOf, world.Zone);
        return BehaviorWorld.AccountIds.All(a =>
        {
            var account = new AccountId(a);
            bool notAnd = evaluator.Compile(BehaviorPredicate.Not(p.And(q))).Matches(account, context);
            bool orNots = evaluator.Compile(p.Negate().Or(q.Negate())).Matches(account, context);
            bool notOr = evaluator.Compile(BehaviorPredicate.Not(p.Or(q))).Matches(account, context);
            bool andNots = evaluator.Compile(p.Negate().And(q.Negate())).Matches(account, context);
            return notAnd == orNots && notOr == andNots;
        });
    }

    [Property]
    public bool DoubleNegation_IsTheIdentity(BehaviorWorld world, BehaviorPredicate p)
    {
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var context = new SignalContext(world.AsOf, world.Zone);
        return BehaviorWorld.AccountIds.All(a =>
            evaluator.Compile(p.Negate().Negate()).Matches(new AccountId(a), context) == evaluator.Compile(p).Matches(new AccountId(a), context));
    }

    [Property]
    public Property WiderWindow_NeverLowersACount(BehaviorWorld world)
    {
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events));
        var context = new SignalContext(world.AsOf, world.Zone);
        Gen<(string Name, int Narrow, int Wide)> windows =
            from name in Gen.Elements(BehaviorGen.EventNames)
            from narrow in Gen.Choose(1, 40)
            from extra in Gen.Choose(0, 40)
            select (name, narrow, narrow + extra);
        return Prop.ForAll(windows.ToArbitrary(), w => BehaviorWorld.AccountIds.All(a =>
        {
            decimal Count(int days) => evaluator.Evaluate(
                BehaviorAggregate.Count(w.Name, BehaviorWindow.Last(Duration.FromDays(days))).AtLeast(0), new AccountId(a), context).Evidence[0].Observed!.Value.Number;
            return Count(w.Narrow) <= Count(w.Wide);
        }));
    }

    [Property]
    public Property InputOrder_ChangesNothing(BehaviorWorld world, BehaviorPredicate predicate)
    {
        return Prop.ForAll(Gen.Shuffle(world.Events.ToArray()).ToArbitrary(), shuffled =>
        {
            EventStore original = EventStore.Create(world.Events);
            EventStore reordered = EventStore.Create(shuffled);
            var context = new SignalContext(world.AsOf, world.Zone);
            return original.Accounts.SequenceEqual(reordered.Accounts)
                && original.Accounts.All(a => original.EventsOf(a).SequenceEqual(reordered.EventsOf(a)))
                && BehaviorWorld.AccountIds.All(a =>
                    new BehaviorEvaluator(original, world.AccountFacts).Evaluate(predicate, new AccountId(a), context).ToString()
                    == new BehaviorEvaluator(reordered, world.AccountFacts).Evaluate(predicate, new AccountId(a), context).ToString());
        });
    }

    [Property]
    public Property TextForm_RoundTrips(BehaviorPredicate predicate)
    {
        string text = predicate.ToString();
        BehaviorPredicate parsed = BehaviorPredicate.Parse(text);
        return (parsed.Equals(predicate) && parsed.ToString() == text && parsed.GetHashCode() == predicate.GetHashCode()).Label(text);
    }

    [Property]
    public Property TextToDataToText_RoundTrips(BehaviorPredicate predicate)
    {
        string json = BehaviorJson.Serialize(predicate);
        BehaviorPredicate fromJson = BehaviorJson.Deserialize(json);
        BehaviorPredicate fromText = BehaviorPredicate.Parse(fromJson.ToString());
        return (fromJson.Equals(predicate) && BehaviorJson.Serialize(fromText) == json && fromText.ToString() == predicate.ToString()).Label(json);
    }

    [Property]
    public bool PastEvaluation_IgnoresLaterEvents(BehaviorWorld world, BehaviorPredicate predicate)
    {
        // Point-in-time: adding events after the as-of instant does not change the answer given then.
        var later = world.Events.Select(e => new BehaviorEvent(e.Account, e.Name, world.AsOf + Duration.FromHours(1) + (e.OccurredAt - BehaviorGen.Start), e.Value, e.UserId));
        var context = new SignalContext(world.AsOf, world.Zone);
        var before = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var after = new BehaviorEvaluator(EventStore.Create(world.Events.Concat(later)), world.AccountFacts);
        return BehaviorWorld.AccountIds.All(a =>
            before.Evaluate(predicate, new AccountId(a), context).ToString() == after.Evaluate(predicate, new AccountId(a), context).ToString());
    }

    [Property]
    public bool Segment_ListsExactlyTheMatchingAccounts(BehaviorWorld world, BehaviorPredicate predicate)
    {
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var context = new SignalContext(world.AsOf, world.Zone);
        var everyone = BehaviorWorld.AccountIds.Select(a => new AccountId(a)).ToArray();
        var segment = evaluator.Segment(predicate, context, everyone);
        return segment.Select(r => r.Account).SequenceEqual(everyone.Where(a => evaluator.Compile(predicate).Matches(a, context)))
            && segment.All(r => r.Matched)
            && evaluator.Compile(predicate).CountMatches(context) == segment.Count(r => world.Events.Any(e => e.Account == r.Account && e.OccurredAt <= world.AsOf));
    }

    [Property]
    public bool SegmentAndAlerts_AsOfAnInstant_JudgeOnlyTheAccountsThatExistedThen(BehaviorWorld world, BehaviorPredicate predicate)
    {
        // Without named accounts, an account judged must have an event at or before the instant: one first seen later did not exist.
        var evaluator = new BehaviorEvaluator(EventStore.Create(world.Events), world.AccountFacts);
        var context = new SignalContext(world.AsOf, world.Zone);
        var existed = world.Events.Where(e => e.OccurredAt <= world.AsOf).Select(e => e.Account).ToHashSet();
        var rules = new RuleSet([new BehaviorRule("r", RuleKind.Risk, AlertSeverity.Warning, predicate)]);
        return evaluator.Segment(predicate, context).All(r => existed.Contains(r.Account))
            && evaluator.Alerts(rules, context).All(a => existed.Contains(a.Account));
    }

    [Property(MaxTest = 40)]
    public Property SegmentAndAlerts_OnSeveralThreads_EqualOneThread(BehaviorWorld world, BehaviorPredicate predicate, BehaviorPredicate perUser)
    {
        // The world's accounts copied 1,000 times (3,000 accounts: several parts of 1,024), judged on one thread and on four.
        BehaviorEvent[] events = [.. Enumerable.Range(0, 1000).SelectMany(k => world.Events.Select(e =>
            new BehaviorEvent(new AccountId($"{e.Account}-{k:D4}"), e.Name, e.OccurredAt, e.Value, e.UserId)))];
        var facts = AccountFacts.Create(Enumerable.Range(0, 1000).SelectMany(k => world.Facts.Select(f => (new AccountId($"{f.Key.Account}-{k:D4}"), f.Key.Fact, f.Value))));
        EventStore store = EventStore.Create(events);
        var context = new SignalContext(world.AsOf, world.Zone);
        // A per-user rule judges each user itself, so it cannot hold users(...): such a draw keeps to the account rule.
        BehaviorRule[] judged = perUser.ToString().Contains("users(", StringComparison.Ordinal)
            ? [new BehaviorRule("account", RuleKind.Risk, AlertSeverity.Warning, predicate)]
            : [new BehaviorRule("account", RuleKind.Risk, AlertSeverity.Warning, predicate), new BehaviorRule("user", RuleKind.Opportunity, AlertSeverity.Info, perUser, perUser: true)];
        var rules = new RuleSet(judged);
        var one = new BehaviorEvaluator(store, facts);
        var four = new BehaviorEvaluator(store, facts) { MaxDegreeOfParallelism = 4 };

        string[] alertsOne = [.. one.Alerts(rules, context).Select(a => a.ToString())], alertsFour = [.. four.Alerts(rules, context).Select(a => a.ToString())];
        string[] segmentOne = [.. one.Segment(predicate, context).Select(r => r.ToString())], segmentFour = [.. four.Segment(predicate, context).Select(r => r.ToString())];

        return (alertsOne.SequenceEqual(alertsFour) && segmentOne.SequenceEqual(segmentFour))
            .Label($"alerts {alertsOne.Length} / {alertsFour.Length}, segment {segmentOne.Length} / {segmentFour.Length}");
    }
}
