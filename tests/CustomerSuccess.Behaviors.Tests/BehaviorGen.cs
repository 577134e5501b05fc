using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>A random world: events of a few accounts, facts, an as-of instant and a time zone.</summary>
public sealed record BehaviorWorld(IReadOnlyList<BehaviorEvent> Events, IReadOnlyDictionary<(string Account, string Fact), decimal> Facts, Instant AsOf, DateTimeZone Zone)
{
    public static readonly string[] AccountIds = ["a1", "a2", "a3"];

    public AccountFacts AccountFacts => Behaviors.AccountFacts.Create(Facts.Select(f => (new AccountId(f.Key.Account), f.Key.Fact, f.Value)));

    public override string ToString() =>
        $"as of {AsOf} in {Zone.Id}; facts: {string.Join(", ", Facts.Select(f => $"{f.Key.Account}.{f.Key.Fact}={f.Value}"))}; events:\n  " + string.Join("\n  ", Events);
}

/// <summary>Generators for events, windows, aggregates and predicates over a small vocabulary, so that leaves often match.</summary>
public static class BehaviorGen
{
    // Late February to early April: Paris and Auckland both change their clocks inside the range.
    public static readonly Instant Start = Instant.FromUtc(2026, 2, 20, 0, 0);
    public static readonly string[] EventNames = ["login", "page_view", "case"];
    public static readonly string[] FactNames = ["days_past_due", "licences"];

    private static readonly DateTimeZone[] Zones =
        [DateTimeZone.Utc, DateTimeZoneProviders.Tzdb["Europe/Paris"], DateTimeZoneProviders.Tzdb["Pacific/Auckland"]];

    public static Gen<Instant> InstantInRange(int days) =>
        from hour in Gen.Choose(0, days * 24)
        from minute in Gen.Elements(0, 0, 30, 59)
        select Start + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    public static Gen<BehaviorEvent> Event { get; } =
        from account in Gen.Elements(BehaviorWorld.AccountIds)
        from name in Gen.Elements(EventNames)
        from at in InstantInRange(40)
        from value in Gen.Elements(1m, 2m, 3m, 0.01m, 0.02m, 7.98m, 7.49m, 4.49m, -2.5m)
        from user in Gen.Elements<string?>(null, "u1", "u2", "u3", "u4")
        select new BehaviorEvent(new AccountId(account), name, at, value, user);

    public static Gen<BehaviorWorld> World { get; } =
        from events in Gen.Choose(0, 40).SelectMany(n => Event.ArrayOf(n))
        from facts in Gen.Elements(BehaviorWorld.AccountIds.SelectMany(a => FactNames.Select(f => (a, f))).ToArray())
            .SelectMany(key => Gen.Choose(0, 40).Select(v => (key, (decimal)v))).ListOf()
        from asOf in InstantInRange(45)
        from zone in Gen.Elements(Zones)
        select new BehaviorWorld(events, facts.DistinctBy(f => f.key).ToDictionary(f => f.key, f => f.Item2), asOf, zone);

    public static Gen<Duration> Length { get; } = Gen.Elements(
        Duration.FromHours(1), Duration.FromHours(12), Duration.FromDays(1), Duration.FromDays(3), Duration.FromDays(7), Duration.FromDays(14), Duration.FromDays(30));

    public static Gen<BehaviorWindow> Window { get; } = Gen.OneOf(
        Length.Select(BehaviorWindow.Last),
        Length.Select(BehaviorWindow.Last),
        from length in Length
        from offset in Gen.Elements(Duration.FromDays(1), Duration.FromDays(7), Duration.FromDays(30))
        select BehaviorWindow.Last(length, offset),
        Gen.Constant(BehaviorWindow.Ever),
        from a in InstantInRange(45)
        from hours in Gen.Choose(1, 24 * 20)
        select BehaviorWindow.Between(a, a + Duration.FromHours(hours)),
        Gen.Elements(EventNames).Select(BehaviorWindow.Since),
        Gen.Elements(CalendarUnit.Week, CalendarUnit.Month).Select(BehaviorWindow.This),
        from unit in Gen.Elements(CalendarUnit.Week, CalendarUnit.Month)
        from relative in Gen.Choose(-3, -1)
        select BehaviorWindow.Period(unit, relative),
        from n in Gen.Choose(1, 3)
        from unit in Gen.Elements(CalendarUnit.Week, CalendarUnit.Month)
        select BehaviorWindow.Past(n, unit),
        Length.Select(BehaviorWindow.First));

    private static Gen<BehaviorAggregate> NumericAggregate { get; } =
        from kind in Gen.Elements(AggregateKind.Count, AggregateKind.Count, AggregateKind.Sum, AggregateKind.DistinctUsers, AggregateKind.DistinctDays, AggregateKind.LastValue)
        from name in Gen.Elements(EventNames)
        from window in Window
        select kind switch
        {
            AggregateKind.Count => BehaviorAggregate.Count(name, window),
            AggregateKind.Sum => BehaviorAggregate.Sum(name, window),
            AggregateKind.DistinctUsers => BehaviorAggregate.DistinctUsers(name, window),
            AggregateKind.DistinctDays => BehaviorAggregate.DistinctDays(name, window),
            _ => BehaviorAggregate.LastValue(name, window),
        };

    private static Gen<ComparisonOperator> Operator { get; } = Gen.Elements(
        ComparisonOperator.AtLeast, ComparisonOperator.MoreThan, ComparisonOperator.AtMost, ComparisonOperator.LessThan, ComparisonOperator.EqualTo);

    private static Gen<BehaviorPredicate> Comparison { get; } = Gen.OneOf(
        from aggregate in NumericAggregate
        from op in Operator
        from threshold in Gen.Choose(0, 6)
        from undefined in Gen.Elements(false, false, true)
        select aggregate.Is(op, threshold).WhenUndefined(undefined),
        from aggregate in NumericAggregate
        from low in Gen.Choose(0, 4)
        from width in Gen.Choose(0, 3)
        select aggregate.Between(low, low + width),
        from first in Gen.Elements(true, false)
        from name in Gen.Elements(EventNames)
        from window in Window
        from op in Operator
        from at in InstantInRange(45)
        select (first ? BehaviorAggregate.First(name, window) : BehaviorAggregate.Last(name, window)).Is(op, at),
        from name in Gen.Elements(EventNames)
        from op in Operator
        from length in Length
        select BehaviorAggregate.SinceLast(name).Is(op, length),
        from current in NumericAggregate.Where(a => a.Kind is AggregateKind.Count or AggregateKind.Sum)
        from baseline in Window
        from op in Operator
        from percent in Gen.Elements(-100, -50, -25, 0, 25, 100)
        from undefined in Gen.Elements(false, true)
        select BehaviorAggregate.Change(current, baseline).Is(op, percent / 100m).WhenUndefined(undefined),
        from numerator in NumericAggregate
        from denominator in Gen.OneOf(NumericAggregate, Gen.Elements(FactNames).Select(BehaviorAggregate.Fact))
        from op in Operator
        from tenths in Gen.Choose(0, 20)
        select BehaviorAggregate.Ratio(numerator, denominator).Is(op, tenths / 10m),
        from fact in Gen.Elements(FactNames)
        from op in Operator
        from threshold in Gen.Choose(0, 40)
        from undefined in Gen.Elements(false, true)
        select BehaviorAggregate.Fact(fact).Is(op, threshold).WhenUndefined(undefined));

    private static Gen<BehaviorPredicate> Behavior { get; } = Gen.OneOf(
        from name in Gen.Elements(EventNames)
        from window in Window
        from kind in Gen.Elements(0, 1, 2)
        select kind switch
        {
            0 => BehaviorPredicate.Performed(name, window),
            1 => BehaviorPredicate.Absent(name, window),
            _ => BehaviorPredicate.FirstTime(name, window),
        },
        from name in Gen.Elements(EventNames)
        from n in Gen.Choose(1, 3)
        from unit in Gen.Elements(CalendarUnit.Week, CalendarUnit.Month)
        select BehaviorPredicate.Every(name, n, unit),
        from name in Gen.Elements(EventNames)
        from recent in Window
        from earlier in Window
        from stopped in Gen.Elements(true, false)
        select stopped ? BehaviorPredicate.Stopped(name, recent, earlier) : BehaviorPredicate.StartedAgain(name, recent, earlier),
        Window.Select(BehaviorPredicate.FirstSeen));

    public static Gen<BehaviorPredicate> Leaf { get; } = Gen.Frequency((3, Comparison), (2, Behavior));

    /// <summary>Predicates without <c>users</c>, nested up to <paramref name="depth"/> levels.</summary>
    public static Gen<BehaviorPredicate> Plain(int depth) => depth <= 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, Plain(depth - 1).Select(BehaviorPredicate.Not)),
            (1, Gen.Choose(2, 3).SelectMany(n => Plain(depth - 1).ArrayOf(n)).Select(ps => BehaviorPredicate.And(ps))),
            (1, Gen.Choose(2, 3).SelectMany(n => Plain(depth - 1).ArrayOf(n)).Select(ps => BehaviorPredicate.Or(ps))),
            (1, from n in Gen.Choose(2, 3)
                from ps in Plain(depth - 1).ArrayOf(n)
                from k in Gen.Choose(1, n)
                select BehaviorPredicate.AtLeast(k, ps)));

    public static Gen<BehaviorPredicate> Predicate { get; } = Gen.Frequency(
        (4, Plain(2)),
        (1, from quantifier in Gen.Elements(UserQuantifier.Any, UserQuantifier.All, UserQuantifier.AtLeast)
            from count in quantifier == UserQuantifier.AtLeast ? Gen.Choose(1, 3) : Gen.Constant(1)
            from window in Window
            from inner in Plain(1)
            select BehaviorPredicate.Users(quantifier, window, inner, count)),
        (1, from users in Plain(0).Select(p => BehaviorPredicate.Users(UserQuantifier.Any, BehaviorWindow.Ever, p))
            from other in Plain(1)
            select BehaviorPredicate.And(users, other)));
}

public static class BehaviorArbitraries
{
    public static Arbitrary<BehaviorWorld> World() => BehaviorGen.World.ToArbitrary();

    public static Arbitrary<BehaviorPredicate> Predicate() => BehaviorGen.Predicate.ToArbitrary();
}
