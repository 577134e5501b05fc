using NodaTime;

namespace HostedScoring;

/// <summary>
/// A clock that reads "now" as a chosen instant at start-up and then moves with the system clock: the demo data ends on
/// October 31, 2026, so the worker scores it as if it were that evening (Scoring:DemoStart).
/// </summary>
/// <param name="inner">The real clock.</param>
/// <param name="start">The instant "now" is at start-up.</param>
internal sealed class ShiftedClock(IClock inner, Instant start) : IClock
{
    private readonly Duration _shift = start - inner.GetCurrentInstant();

    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + _shift;
}
