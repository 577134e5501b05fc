using NodaTime;

namespace CustomerSuccess.Orleans;

// Instants as nanoseconds since the Unix epoch, as the event store keeps them: exact, for the wire and the grain state.
internal static class UnixNanos
{
    public static long Of(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public static Instant ToInstant(long nanos) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanos);
}
