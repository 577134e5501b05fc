using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Behaviors;

/// <summary>How literals are written in the text form: durations in the largest whole unit, instants in ISO 8601 UTC.</summary>
internal static class BehaviorText
{
    internal static readonly InstantPattern InstantPattern = InstantPattern.ExtendedIso;

    internal static string Instant(Instant instant) => InstantPattern.Format(instant);

    internal static string Duration(Duration duration)
    {
        long seconds = (long)duration.TotalSeconds;
        return seconds % 86_400 == 0 ? Invariant(seconds / 86_400, "d")
            : seconds % 3_600 == 0 ? Invariant(seconds / 3_600, "h")
            : seconds % 60 == 0 ? Invariant(seconds / 60, "m")
            : Invariant(seconds, "s");
    }

    internal static string Number(decimal value) => Normalise(value).ToString(CultureInfo.InvariantCulture);

    internal static string Percent(decimal fraction) => Number(fraction * 100m) + "%";

    /// <summary>Drops trailing zeros, so that 5.0 and 5 print (and compare) alike.</summary>
    internal static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    internal static bool IsWholeSeconds(Duration duration) => duration.ToInt64Nanoseconds() % 1_000_000_000 == 0;

    private static string Invariant(long amount, string unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}
