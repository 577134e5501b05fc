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

    internal ResolvedWindow Resolve(in Scope scope)
    {
        long t = scope.T;
        switch (_window.Kind)
        {
            case WindowKind.Last:
                long hi = t - _offset;
                return new ResolvedWindow(hi - _length, hi, true);
            case WindowKind.Ever:
                return new ResolvedWindow(long.MinValue, t, true);
            case WindowKind.Between:
                return new ResolvedWindow(_from, System.Math.Min(_to, t), true);
            case WindowKind.Since:
                long anchor = LatestAnchor(scope);
                return anchor == long.MinValue ? ResolvedWindow.Undefined : new ResolvedWindow(anchor, t, true);
            case WindowKind.First:
                long first = scope.FirstSeen;
                if (first == long.MaxValue || first > t || first - 1 + _length > t)
                {
                    return ResolvedWindow.Undefined; // no first event yet, or the first days are not over: not yet judged
                }

                return new ResolvedWindow(first - 1, first - 1 + _length, true);
            case WindowKind.CalendarPeriod:
                (long start, long end) = Calendar(scope, _window.Periods, 1);
                return new ResolvedWindow(start - 1, System.Math.Min(end - 1, t), true);
            default:
                (long pastStart, long pastEnd) = Calendar(scope, -_window.Periods, _window.Periods);
                return new ResolvedWindow(pastStart - 1, pastEnd - 1, true);
        }
    }

    /// <summary>Start and end (exclusive) instants of <paramref name="count"/> calendar periods starting <paramref name="relative"/> periods from the current one.</summary>
    internal (long Start, long End) Calendar(in Scope scope, int relative, int count) => CalendarPeriods(scope.T, scope.Zone, _window.Unit, relative, count);

    internal static (long Start, long End) CalendarPeriods(long t, DateTimeZone zone, CalendarUnit unit, int relative, int count)
    {
        LocalDate today = EventTime.ToInstant(t).InZone(zone).Date;
        // Plain arithmetic rather than DateAdjusters, which allocate a delegate per call on this hot path.
        LocalDate current = unit == CalendarUnit.Week
            ? today.PlusDays(1 - (int)today.DayOfWeek)
            : new LocalDate(today.Year, today.Month, 1, today.Calendar);
        LocalDate start = unit == CalendarUnit.Week ? current.PlusWeeks(relative) : current.PlusMonths(relative);
        LocalDate end = unit == CalendarUnit.Week ? start.PlusWeeks(count) : start.PlusMonths(count);
        return (StartOfDay(zone, start), StartOfDay(zone, end));
    }

    [System.ThreadStatic]
    private static System.Collections.Generic.Dictionary<(DateTimeZone, LocalDate), long>? t_startOfDay;

    /// <summary>
    /// The first instant of a local date in a zone. AtStartOfDay allocates (it maps through a class), so fixed-offset zones
    /// are computed directly and the others remembered per thread: evaluations of one as-of instant ask for the same few dates.
    /// </summary>
    private static long StartOfDay(DateTimeZone zone, LocalDate date)
    {
        if (zone.MinOffset == zone.MaxOffset)
        {
            return EventTime.ToNanosClamped(new OffsetDateTime(date.AtMidnight(), zone.MinOffset).ToInstant());
        }

        var cache = t_startOfDay ??= [];
        if (!cache.TryGetValue((zone, date), out long start))
        {
            if (cache.Count >= 4096)
            {
                cache.Clear();
            }

            start = EventTime.ToNanosClamped(zone.AtStartOfDay(date).ToInstant());
            cache[(zone, date)] = start;
        }

        return start;
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
