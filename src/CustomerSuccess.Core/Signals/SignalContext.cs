using System;
using NodaTime;

namespace CustomerSuccess.Signals;

/// <summary>
/// The point in time a signal is measured as of, and the time zone that calendar logic (today, this week,
/// this month) uses. Measurement is point-in-time: a signal must not read data recorded after <see cref="AsOf"/>,
/// so re-scoring a past date gives the answer it gave then.
/// </summary>
/// <remarks>Passed by <see langword="in"/> reference to <see cref="ISignal{TAccount}.Measure"/>. Immutable and thread-safe.</remarks>
public readonly struct SignalContext
{
    private readonly DateTimeZone? _zone;

    /// <summary>Initializes a context.</summary>
    /// <param name="asOf">The instant measured as of.</param>
    /// <param name="zone">The time zone for calendar logic.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public SignalContext(Instant asOf, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        AsOf = asOf;
        _zone = zone;
    }

    /// <summary>Gets the instant measured as of; data after it does not exist for the signal.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the time zone for calendar logic; UTC for <c>default(SignalContext)</c>.</summary>
    public DateTimeZone Zone => _zone ?? DateTimeZone.Utc;

    /// <summary>Gets the local date of <see cref="AsOf"/> in <see cref="Zone"/>.</summary>
    public LocalDate AsOfDate => AsOf.InZone(Zone).Date;

    /// <summary>Creates a context for the current instant of a clock.</summary>
    /// <param name="clock">The clock; inject <c>SystemClock.Instance</c> in production and a fake in tests.</param>
    /// <param name="zone">The time zone for calendar logic.</param>
    /// <returns>The context.</returns>
    public static SignalContext Now(IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new SignalContext(clock.GetCurrentInstant(), zone);
    }
}
