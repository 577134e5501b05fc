using System;
using System.Globalization;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Event values held exactly: as whole ten-thousandths in 64-bit integers, so that sums over windows (money, minutes,
/// seats) compare exactly with thresholds such as 19.96, and a running sum that would overflow is refused, not wrapped.
/// </summary>
internal static class EventValues
{
    /// <summary>The decimal places an event value may have.</summary>
    public const int Decimals = 4;

    /// <summary>Units per 1: values are held as multiples of 1 / <see cref="Scale"/>.</summary>
    public const long Scale = 10_000;

    /// <summary>The largest magnitude of one value: a hundred trillion, far beyond any event's amount.</summary>
    public const decimal MaxMagnitude = 100_000_000_000_000m;

    /// <summary>Why a value cannot be held exactly, or null when it can.</summary>
    public static string? Problem(decimal value)
    {
        if (Math.Abs(value) > MaxMagnitude)
        {
            return string.Create(CultureInfo.InvariantCulture, $"value {value} is beyond {MaxMagnitude:N0} in magnitude");
        }

        return decimal.Round(value, Decimals) != value
            ? string.Create(CultureInfo.InvariantCulture, $"value {value} has more than {Decimals} decimal places; event values are held exactly to {Decimals}")
            : null;
    }

    /// <summary>The value in units (exact for a value <see cref="Problem"/> accepts).</summary>
    public static long ToUnits(decimal value) => (long)(value * Scale);

    /// <summary>Units back to an exact decimal of scale <see cref="Decimals"/> (0.0300 for 300 units: equal to 0.03; texts normalise).</summary>
    /// <remarks>On the hot path of every sum leaf: built from the bits, without the division a normalised scale would cost.</remarks>
    public static decimal ToDecimal(long units)
    {
        ulong magnitude = units < 0 ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, Decimals);
    }

    /// <summary>Units back to an exact decimal without trailing zeros (2 rather than 2.0000), for values handed back to callers.</summary>
    public static decimal ToNormalisedDecimal(long units) => BehaviorText.Normalise(ToDecimal(units));
}
