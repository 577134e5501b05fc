using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// What predicates can still read of events older than their bounded windows reach (<see cref="Recent"/>): per event name,
/// nothing, its extremes (first and last event, per user), its days, its count and sum, or every event. What an
/// <see cref="EventCompactor"/> keeps.
/// </summary>
internal sealed class ReadPlan
{
    private readonly Dictionary<string, OldEventNeed> _names = new(StringComparer.Ordinal);

    internal Duration Recent { get; private set; } = Duration.Zero;

    internal OldEventNeed NeedOf(string name) => _names.TryGetValue(name, out OldEventNeed need) ? need : OldEventNeed.None;

    internal static ReadPlan Of(IEnumerable<BehaviorPredicate> predicates)
    {
        var plan = new ReadPlan();
        foreach (BehaviorPredicate predicate in predicates)
        {
            plan.Walk(predicate);
        }

        return plan;
    }

    private void Walk(BehaviorPredicate predicate)
    {
        switch (predicate.Kind)
        {
            case PredicateKind.Compare:
                Walk(predicate.Aggregate!);
                break;
            case PredicateKind.Performed or PredicateKind.Absent:
                Read(predicate.Event!, predicate.Window!, Counted);
                break;
            case PredicateKind.Every:
                Reach(Lookback.Of(predicate));
                break;
            case PredicateKind.Stopped:
                Read(predicate.Event!, predicate.Window!, Counted);
                Read(predicate.Event!, predicate.Earlier!, Counted);
                break;
            case PredicateKind.StartedAgain or PredicateKind.FirstTime:
                // "at some time before", "never before": whether it ever happened earlier, which the kept extremes tell.
                Read(predicate.Event!, predicate.Window!, Counted);
                if (predicate.Earlier is { } earlier)
                {
                    Read(predicate.Event!, earlier, Counted);
                }

                Need(predicate.Event!, OldEventNeed.Extremes);
                break;
            case PredicateKind.FirstSeen:
                Resolve(predicate.Window!); // the first events of the account and its users are always kept
                break;
            case PredicateKind.Users when Lookback.Of(predicate.Window!) is { } firstSeen:
                // Users first seen in a bounded window did nothing before it: all their events are recent.
                Reach(firstSeen);
                break;
            default: // users over an unbounded window, at_least, and, or, not
                if (predicate.Window is { } window)
                {
                    Resolve(window);
                }

                foreach (BehaviorPredicate child in predicate.Children)
                {
                    Walk(child);
                }

                break;
        }
    }

    private void Walk(BehaviorAggregate aggregate)
    {
        switch (aggregate.Kind)
        {
            case AggregateKind.Fact:
                break;
            case AggregateKind.SinceLast:
                Need(aggregate.Name, OldEventNeed.Extremes);
                break;
            case AggregateKind.Change:
                Walk(aggregate.Current!);
                Read(aggregate.Name, aggregate.Window!, NeedOf(aggregate.Current!.Kind));
                break;
            case AggregateKind.Ratio:
                Walk(aggregate.Current!);
                Walk(aggregate.Denominator!);
                break;
            default:
                Read(aggregate.Name, aggregate.Window!, NeedOf(aggregate.Kind));
                break;
        }
    }

    // Counts: count and sum, and the predicates on events, whose evidence says how many events the window held.
    private const OldEventNeed Counted = OldEventNeed.Extremes | OldEventNeed.Totals;

    private static OldEventNeed NeedOf(AggregateKind kind) => kind switch
    {
        AggregateKind.Count or AggregateKind.Sum => Counted,
        AggregateKind.DistinctDays => OldEventNeed.Extremes | OldEventNeed.Days,
        _ => OldEventNeed.Extremes, // distinct users (each user's extremes), first, last, last value
    };

    private void Read(string name, BehaviorWindow window, OldEventNeed need)
    {
        Resolve(window);
        switch (window.Kind)
        {
            case WindowKind.Ever:
                Need(name, need);
                break;
            case WindowKind.Since or WindowKind.Between or WindowKind.First:
                // They start at an instant of the past that no bound follows: every event of the name is kept.
                Need(name, OldEventNeed.All);
                break;
        }
    }

    private void Resolve(BehaviorWindow window)
    {
        Reach(Lookback.Of(window));
        if (window.Kind == WindowKind.Since)
        {
            Need(window.Anchor!, OldEventNeed.Extremes); // the latest anchor at or before the as-of instant
        }
    }

    private void Reach(Duration? lookback)
    {
        if (lookback is { } span && span > Recent)
        {
            Recent = span;
        }
    }

    private void Need(string name, OldEventNeed need) => _names[name] = NeedOf(name) | need;
}

/// <summary>What a predicate can read of a name's events older than the bounded windows reach.</summary>
[Flags]
internal enum OldEventNeed
{
    None = 0,

    /// <summary>The first and last of each user's (and of those without a user): existence, first, last, last value, users.</summary>
    Extremes = 1,

    /// <summary>The first of each user's on each local day.</summary>
    Days = 2,

    /// <summary>How many the others were and what their values add up to: tallies.</summary>
    Totals = 4,

    /// <summary>Every one.</summary>
    All = 8,
}
