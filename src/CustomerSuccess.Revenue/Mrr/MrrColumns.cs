using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// The history's rows as columns, account by account: month, amount and group per row. Amounts in the reporting
/// currency are also held as whole units of 10^-<see cref="UnitScale"/> in <see cref="Units"/>, so that the hot loops add
/// 64-bit integers instead of decimals; the results are the same exact sums.
/// </summary>
internal sealed class MrrColumns
{
    // Units stay below 10^15 so that even a million of them add up without overflowing a long; larger amounts
    // (or more decimals than MaxScale) leave the history on the decimal path.
    private const long MaxUnits = 1_000_000_000_000_000;
    private const int MaxScale = 6;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public MrrColumns(int[] months, decimal[] amounts, int[] groups, int count, Currency reporting)
    {
        Months = months;
        Amounts = amounts;
        Groups = groups;
        Count = count;
        UnitCurrency = reporting;
        (Units, UnitScale) = ToUnits(amounts, count);
    }

    public int[] Months { get; }

    public decimal[] Amounts { get; }

    public int[] Groups { get; }

    public int Count { get; }

    /// <summary>Gets the amounts as whole units, or null when some amount does not fit.</summary>
    public long[]? Units { get; }

    public int UnitScale { get; }

    /// <summary>Gets the currency whose accounts may use <see cref="Units"/> (the reporting currency: no conversion).</summary>
    public Currency UnitCurrency { get; }

    public decimal FromUnits(long units) => new decimal(units) / PowersOfTen[UnitScale];

    private static (long[]? Units, int Scale) ToUnits(decimal[] amounts, int count)
    {
        // One pass at the largest scale seen so far; a row with more decimals rescales the rows before it (rare: amounts
        // usually share one scale).
        Span<int> bits = stackalloc int[4];
        var units = new long[count];
        int scale = 0;
        for (int i = 0; i < count; i++)
        {
            decimal.GetBits(amounts[i], bits);
            int s = (bits[3] >> 16) & 0xFF;
            if (bits[2] != 0 || bits[1] < 0 || s > MaxScale)
            {
                return (null, 0);
            }

            if (s > scale)
            {
                long factor = PowersOfTen[s - scale];
                for (int j = 0; j < i; j++)
                {
                    if (Math.Abs(units[j]) > MaxUnits / factor)
                    {
                        return (null, 0);
                    }

                    units[j] *= factor;
                }

                scale = s;
            }

            long mantissa = ((long)bits[1] << 32) | unchecked((uint)bits[0]);
            long multiplier = PowersOfTen[scale - s];
            if (mantissa > MaxUnits / multiplier)
            {
                return (null, 0);
            }

            long value = mantissa * multiplier;
            units[i] = bits[3] < 0 ? -value : value;
        }

        return (units, scale);
    }
}
