using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>Instants as nanoseconds since the Unix epoch: exact, and cheap to binary-search.</summary>
internal static class EventTime
{
    internal static readonly Instant Earliest = Instant.FromUtc(1900, 1, 1, 0, 0);
    internal static readonly Instant Latest = Instant.FromUtc(2200, 12, 31, 23, 59, 59);

    /// <summary>The longest window length or offset: a century, so that window arithmetic stays far from overflow.</summary>
    internal static readonly Duration MaxSpan = Duration.FromDays(36_525);

    internal static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>Converts an as-of instant, which must lie in the supported years.</summary>
    internal static long ToNanosChecked(Instant asOf) => asOf >= Earliest && asOf <= Latest
        ? ToNanos(asOf)
        : throw new System.ArgumentOutOfRangeException(nameof(asOf), asOf, $"Behaviors are evaluated as of an instant from {Earliest} to {Latest}.");

    internal static Instant ToInstant(long nanos) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanos);

    /// <summary>Clamps an instant into the range that nanoseconds can hold, so windows reaching far back stay valid.</summary>
    internal static long ToNanosClamped(Instant instant) =>
        instant < Earliest ? ToNanos(Earliest) - 1 : instant > Latest ? ToNanos(Latest) + 1 : ToNanos(instant);
}
