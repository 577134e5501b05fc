using System;
using System.Threading;
using NodaTime;

namespace HostedScoring;

/// <summary>
/// A clock whose first reading is a chosen instant and which then moves with real time: the demo data ends on October 31,
/// 2026, so the worker scores it as if it were that evening (Scoring:DemoStart). The clock is anchored at its first reading,
/// not when it is created, so the host's start-up time never pushes the first run past the configured instant.
/// </summary>
/// <param name="time">The real passage of time.</param>
/// <param name="start">The instant of the first reading.</param>
internal sealed class ShiftedClock(TimeProvider time, Instant start) : IClock
{
    private long _anchor = long.MinValue; // the timestamp of the first reading

    public Instant GetCurrentInstant()
    {
        long now = time.GetTimestamp();
        long anchor = Interlocked.CompareExchange(ref _anchor, now, long.MinValue);
        return anchor == long.MinValue ? start : start + Duration.FromTimeSpan(time.GetElapsedTime(anchor, now));
    }
}
