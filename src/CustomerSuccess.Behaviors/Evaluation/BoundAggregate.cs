using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>An aggregate with its event resolved to the store's name index.</summary>
internal sealed class BoundAggregate
{
    private readonly BehaviorAggregate _aggregate;
    private readonly int _name;
    private readonly BoundWindow? _window;
    private readonly BoundAggregate? _current;
    private readonly BoundAggregate? _denominator;

    internal BoundAggregate(BehaviorAggregate aggregate, EventStore store)
    {
        _aggregate = aggregate;
        _name = store.NameOf(aggregate.Name);
        _window = aggregate.Window is null ? null : new BoundWindow(aggregate.Window, store);
        _current = aggregate.Current is null ? null : new BoundAggregate(aggregate.Current, store);
        _denominator = aggregate.Denominator is null ? null : new BoundAggregate(aggregate.Denominator, store);
        Text = aggregate.ToString();
    }

    internal string Text { get; }

    internal AggregateKind Kind => _aggregate.Kind;

    /// <summary>Observes the value; false (with the reason) when it is undefined.</summary>
    internal bool Observe(ref Scope scope, out BehaviorValue value, out string? undefinedReason)
    {
        undefinedReason = null;
        switch (_aggregate.Kind)
        {
            case AggregateKind.Fact:
                if (scope.Facts is not null && scope.Facts.TryGetFact(scope.AccountId, _aggregate.Name, scope.AsOf, out decimal fact))
                {
                    value = BehaviorValue.OfNumber(fact);
                    return true;
                }

                value = default;
                undefinedReason = "fact not supplied";
                return false;
            case AggregateKind.SinceLast:
                return SinceLast(ref scope, out value, out undefinedReason);
            case AggregateKind.Change:
                return Change(ref scope, out value, out undefinedReason);
            case AggregateKind.Ratio:
                return Ratio(ref scope, out value, out undefinedReason);
            default:
                ResolvedWindow span = _window!.Resolve(scope);
                if (!span.Defined)
                {
                    value = default;
                    undefinedReason = "window undefined: " + UndefinedWindowReason();
                    return false;
                }

                return Over(ref scope, span, out value, out undefinedReason);
        }
    }

    /// <summary>Counts the events in a span: the fast path of performed, absent, every and the lifecycle filters.</summary>
    internal static int CountIn(in Scope scope, int name, ResolvedWindow span)
    {
        if (!span.Defined)
        {
            return 0;
        }

        EventStore store = scope.Store;
        (int s, int e) = store.Series(scope.Account, name);
        int from = store.UpperBound(s, e, span.Lo);
        int to = store.UpperBound(from, e, span.Hi);
        long carried = store.CarriedIn(s, from, to, scope.User).Count;
        if (scope.User < 0)
        {
            return checked((int)(to - from + carried));
        }

        int count = checked((int)carried);
        int[] users = store.UserOf;
        for (int i = from; i < to; i++)
        {
            count += users[i] == scope.User ? 1 : 0;
        }

        return count;
    }

    internal bool Over(ref Scope scope, ResolvedWindow span, out BehaviorValue value, out string? undefinedReason)
    {
        undefinedReason = null;
        EventStore store = scope.Store;
        (int s, int e) = store.Series(scope.Account, _name);
        int from = span.Lo >= span.Hi ? e : store.UpperBound(s, e, span.Lo);
        int to = span.Lo >= span.Hi ? e : store.UpperBound(from, e, span.Hi);
        int user = scope.User;

        EventStore.Carried carried = store.CarriedIn(s, from, to, user);
        switch (_aggregate.Kind)
        {
            case AggregateKind.Count when user < 0:
                value = BehaviorValue.OfNumber(to - from + carried.Count);
                return true;
            case AggregateKind.Sum when user < 0:
                value = BehaviorValue.OfNumber(carried.Units == 0 ? store.Sum(s, from, to) : store.Sum(s, from, to) + EventValues.ToDecimal(carried.Units));
                return true;
            case AggregateKind.Count or AggregateKind.Sum:
                // Units for a sum, events for a count. 128 bits: one user's share of a series can exceed what the series' running
                // sums hold when values of both signs mix, but never 2^127.
                bool sum = _aggregate.Kind == AggregateKind.Sum;
                Int128 total = sum ? carried.Units : carried.Count;
                for (int i = from; i < to; i++)
                {
                    if (store.UserOf[i] == user)
                    {
                        total += sum ? store.Value(s, i) : 1;
                    }
                }

                value = BehaviorValue.OfNumber(sum ? (decimal)total / EventValues.Scale : (decimal)total);
                return true;
            case AggregateKind.DistinctUsers:
                var users = new HashSet<int>();
                for (int i = from; i < to; i++)
                {
                    int u = store.UserOf[i];
                    if (u >= 0 && (user < 0 || u == user))
                    {
                        users.Add(u);
                    }
                }

                value = BehaviorValue.OfNumber(users.Count);
                return true;
            case AggregateKind.DistinctDays:
                var days = new HashSet<LocalDate>();
                for (int i = from; i < to; i++)
                {
                    if (user < 0 || store.UserOf[i] == user)
                    {
                        days.Add(EventTime.ToInstant(store.Times[i]).InZone(scope.Zone).Date);
                    }
                }

                value = BehaviorValue.OfNumber(days.Count);
                return true;
            case AggregateKind.LastValue:
                for (int i = to - 1; i >= from; i--)
                {
                    if (user < 0 || store.UserOf[i] == user)
                    {
                        value = BehaviorValue.OfNumber(EventValues.ToDecimal(store.Value(s, i)));
                        return true;
                    }
                }

                value = default;
                undefinedReason = "no event in the window";
                return false;
            default: // first or last
                bool first = _aggregate.Kind == AggregateKind.First;
                for (int k = 0; k < to - from; k++)
                {
                    int i = first ? from + k : to - 1 - k;
                    if (user < 0 || store.UserOf[i] == user)
                    {
                        value = BehaviorValue.OfNanos(BehaviorValueKind.Instant, store.Times[i]);
                        return true;
                    }
                }

                value = default;
                undefinedReason = "no event in the window";
                return false;
        }
    }

    private bool SinceLast(ref Scope scope, out BehaviorValue value, out string? undefinedReason)
    {
        EventStore store = scope.Store;
        (int s, int e) = store.Series(scope.Account, _name);
        for (int i = store.UpperBound(s, e, scope.T) - 1; i >= s; i--)
        {
            if (scope.User < 0 || store.UserOf[i] == scope.User)
            {
                value = BehaviorValue.OfNanos(BehaviorValueKind.Duration, scope.T - store.Times[i]);
                undefinedReason = null;
                return true;
            }
        }

        value = default;
        undefinedReason = "never happened";
        return false;
    }

    private bool Change(ref Scope scope, out BehaviorValue value, out string? undefinedReason)
    {
        value = default;
        if (!_current!.Observe(ref scope, out BehaviorValue current, out undefinedReason))
        {
            return false;
        }

        ResolvedWindow baselineSpan = _window!.Resolve(scope);
        if (!baselineSpan.Defined)
        {
            undefinedReason = "baseline window undefined: " + UndefinedWindowReason();
            return false;
        }

        if (!_current.Over(ref scope, baselineSpan, out BehaviorValue baseline, out string? baselineReason))
        {
            undefinedReason = "baseline: " + baselineReason;
            return false;
        }

        if (baseline.Number == 0m)
        {
            undefinedReason = "baseline is 0";
            return false;
        }

        value = BehaviorValue.OfFraction((current.Number - baseline.Number) / baseline.Number);
        return true;
    }

    private bool Ratio(ref Scope scope, out BehaviorValue value, out string? undefinedReason)
    {
        value = default;
        if (!_current!.Observe(ref scope, out BehaviorValue numerator, out undefinedReason)
            || !_denominator!.Observe(ref scope, out BehaviorValue denominator, out undefinedReason))
        {
            return false;
        }

        if (denominator.Number == 0m)
        {
            undefinedReason = "denominator is 0";
            return false;
        }

        value = BehaviorValue.OfFraction(numerator.Number / denominator.Number);
        return true;
    }

    private string UndefinedWindowReason() =>
        (_aggregate.Window ?? _aggregate.Current?.Window)?.Kind == WindowKind.Since ? "the anchor event never happened" : "the first days are not over yet";
}
