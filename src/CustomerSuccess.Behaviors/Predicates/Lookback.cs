using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// How far before the as-of instant a predicate can read an event: what a live evaluator (an account grain) must keep.
/// Events older than that cannot change the answer; <see langword="null"/> when some part reads all history (ever,
/// since, first, first_seen, first_time, since_last, users, between fixed instants).
/// </summary>
internal static class Lookback
{
    // Calendar periods are counted generously: the longest month (31 days), plus a day for the time zone's offset and its
    // daylight-saving change, so a period that starts before the as-of instant's own is always inside.
    private static readonly Duration Slack = Duration.FromDays(1);

    public static Duration? Of(BehaviorPredicate predicate) => predicate.Kind switch
    {
        PredicateKind.Compare => Of(predicate.Aggregate!),
        PredicateKind.Performed or PredicateKind.Absent => Of(predicate.Window!),
        PredicateKind.Every => Periods(predicate.Number + 1, predicate.Unit),
        PredicateKind.Stopped or PredicateKind.StartedAgain => Max(Of(predicate.Window!), Of(predicate.Earlier!)),
        PredicateKind.AtLeast or PredicateKind.And or PredicateKind.Or or PredicateKind.Not => Max(predicate.Children),
        _ => null, // first_time, first_seen, users: they ask what happened before any window
    };

    private static Duration? Of(BehaviorAggregate aggregate) => aggregate.Kind switch
    {
        AggregateKind.Fact => Duration.Zero,
        AggregateKind.SinceLast => null,
        AggregateKind.Change => Max(Of(aggregate.Current!), Of(aggregate.Window!)),
        AggregateKind.Ratio => Max(Of(aggregate.Current!), Of(aggregate.Denominator!)),
        _ => Of(aggregate.Window!),
    };

    internal static Duration? Of(BehaviorWindow window) => window.Kind switch
    {
        WindowKind.Last => window.Length + window.Offset,
        WindowKind.CalendarPeriod => Periods(Math.Abs(window.Periods) + 1, window.Unit),
        WindowKind.PastPeriods => Periods(window.Periods + 1, window.Unit),
        _ => null, // ever, since an anchor, the first days, between fixed instants
    };

    private static Duration Periods(int count, CalendarUnit unit) =>
        (Duration.FromDays(unit == CalendarUnit.Week ? 7 : 31) * count) + Slack;

    private static Duration? Max(IEnumerable<BehaviorPredicate> children)
    {
        Duration? longest = Duration.Zero;
        foreach (BehaviorPredicate child in children)
        {
            longest = Max(longest, Of(child));
        }

        return longest;
    }

    private static Duration? Max(Duration? a, Duration? b) => a is { } x && b is { } y ? (x > y ? x : y) : null;
}
