using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>A window with its anchor event resolved to the store's name index and its lengths in nanoseconds.</summary>
internal sealed class BoundWindow
{
    private readonly BehaviorWindow _window;
    private readonly long _length;
    private readonly long _offset;
    private readonly long _from;
    private readonly long _to;
    private readonly int _anchor;

    internal BoundWindow(BehaviorWindow window, EventStore store)
    {
        _window = window;
        _length = window.Length.ToInt64Nanoseconds();
        _offset = window.Offset.ToInt64Nanoseconds();
        _from = EventTime.ToNanosClamped(window.From);
        _to = EventTime.ToNanosClamped(window.To);
        _anchor = window.Anchor is null ? -1 : store.NameOf(window.Anchor);
    }

    internal string Text => _window.ToString();

    internal Span Resolve(in Scope scope)
    {
        long t = scope.T;
        switch (_window.Kind)
        {
            case WindowKind.Last:
                long hi = t - _offset;
                return new Span(hi - _length, hi, true);
            case WindowKind.Ever:
                return new Span(long.MinValue, t, true);
            case WindowKind.Between:
                return new Span(_from, System.Math.Min(_to, t), true);
            case WindowKind.Since:
                long anchor = LatestAnchor(scope);
                return anchor == long.MinValue ? Span.Undefined : new Span(anchor, t, true);
            case WindowKind.First:
                long first = scope.FirstSeen;
                if (first == long.MaxValue || first > t || first - 1 + _length > t)
                {
                    return Span.Undefined; // no first event yet, or the first days are not over: not yet judged
                }

                return new Span(first - 1, first - 1 + _length, true);
            case WindowKind.CalendarPeriod:
                (long start, long end) = Calendar(scope, _window.Periods, 1);
                return new Span(start - 1, System.Math.Min(end - 1, t), true);
            default:
                (long pastStart, long pastEnd) = Calendar(scope, -_window.Periods, _window.Periods);
                return new Span(pastStart - 1, pastEnd - 1, true);
        }
    }

    /// <summary>Start and end (exclusive) instants of <paramref name="count"/> calendar periods starting <paramref name="relative"/> periods from the current one.</summary>
    internal (long Start, long End) Calendar(in Scope scope, int relative, int count) => CalendarPeriods(scope.T, scope.Zone, _window.Unit, relative, count);

    internal static (long Start, long End) CalendarPeriods(long t, DateTimeZone zone, CalendarUnit unit, int relative, int count)
    {
        LocalDate today = EventTime.ToInstant(t).InZone(zone).Date;
        LocalDate current = unit == CalendarUnit.Week
            ? today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))
            : today.With(DateAdjusters.StartOfMonth);
        LocalDate start = unit == CalendarUnit.Week ? current.PlusWeeks(relative) : current.PlusMonths(relative);
        LocalDate end = unit == CalendarUnit.Week ? start.PlusWeeks(count) : start.PlusMonths(count);
        return (EventTime.ToNanosClamped(zone.AtStartOfDay(start).ToInstant()), EventTime.ToNanosClamped(zone.AtStartOfDay(end).ToInstant()));
    }

    private long LatestAnchor(in Scope scope)
    {
        EventStore store = scope.Store;
        (int s, int e) = store.Series(scope.Account, _anchor);
        int i = store.UpperBound(s, e, scope.T) - 1;
        for (; i >= s; i--)
        {
            if (scope.User < 0 || store.UserOf[i] == scope.User)
            {
                return store.Times[i];
            }
        }

        return long.MinValue;
    }
}
