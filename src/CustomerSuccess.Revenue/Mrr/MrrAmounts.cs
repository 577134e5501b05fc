using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A column of MRR amounts, held as whole units of 10^-<see cref="UnitScale"/> (8 bytes a row, not a decimal's 16) so
/// that the hot loops add 64-bit integers; the results are the same exact sums. Each amount reads back as the decimal it
/// was written, scale included (100 stays 100, 100.50 stays 100.50): rows of another scale than the column's keep their
/// own in a byte column, made only when one appears. An amount that does not fit (at least 10^15 units, or more than six
/// decimals) turns the whole column into decimals, which the calculators then walk on their decimal path.
/// </summary>
internal sealed class MrrAmounts
{
    // Units stay below 10^15 so that a month's sums over many accounts stay far from a long's limit; larger amounts (or
    // more decimals than MaxScale) leave the column on decimals.
    private const long MaxUnits = 1_000_000_000_000_000;
    private const int MaxScale = 6;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private long[]? _units;
    private byte[]? _scales;       // each row's own scale, once rows of more than one scale are written
    private decimal[]? _decimals;  // instead of units, once an amount did not fit
    private int _written;          // one past the highest row written

    /// <summary>Starts a column with room for <paramref name="capacity"/> rows, each 0 until written.</summary>
    /// <remarks>
    /// Zeroed, not uninitialised: rows may be written in any order (a counting sort scatters them), and a rescale or a
    /// turn to decimals reads every row below the highest written. Fresh pages come zeroed from the system anyway.
    /// </remarks>
    public MrrAmounts(int capacity) => _units = new long[Math.Max(capacity, 1)];

    /// <summary>Gets the number of rows the column has room for.</summary>
    public int Capacity => _units?.Length ?? _decimals!.Length;

    /// <summary>Gets the amounts as whole units of 10^-<see cref="UnitScale"/>, or null when some amount does not fit.</summary>
    public long[]? Units => _units;

    /// <summary>Gets the scale of <see cref="Units"/>: the largest scale of the amounts written.</summary>
    public int UnitScale { get; private set; }

    /// <summary>Gets or sets a row's amount.</summary>
    public decimal this[int row]
    {
        get
        {
            if (_units is null)
            {
                return _decimals![row];
            }

            long units = _units[row];
            int scale = UnitScale;
            if (_scales is not null && _scales[row] != scale)
            {
                // Written at a smaller scale and multiplied up since: exact to divide back.
                units /= PowersOfTen[scale - _scales[row]];
                scale = _scales[row];
            }

            ulong magnitude = (ulong)Math.Abs(units);
            return new decimal(unchecked((int)magnitude), (int)(magnitude >> 32), 0, units < 0, (byte)scale);
        }

        set
        {
            if (_units is null || !TrySet(row, value))
            {
                ToDecimals();
                _decimals![row] = value;
            }

            _written = Math.Max(_written, row + 1);
        }
    }

    /// <summary>Formats a sum of units as the decimal it is.</summary>
    public decimal FromUnits(long units) => new decimal(units) / PowersOfTen[UnitScale];

    /// <summary>Copies row <paramref name="from"/> to row <paramref name="to"/> as it is held (no conversion).</summary>
    public void Move(int from, int to)
    {
        _written = Math.Max(_written, to + 1);
        if (_units is null)
        {
            _decimals![to] = _decimals[from];
            return;
        }

        _units[to] = _units[from];
        if (_scales is not null)
        {
            _scales[to] = _scales[from];
        }
    }

    /// <summary>Grows the column to <paramref name="capacity"/> rows, keeping the rows written; the new rows are 0.</summary>
    public void Resize(int capacity)
    {
        if (_units is not null)
        {
            Array.Resize(ref _units, capacity);
            if (_scales is not null)
            {
                Array.Resize(ref _scales, capacity);
            }
        }
        else
        {
            Array.Resize(ref _decimals, capacity);
        }
    }

    private bool TrySet(int row, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        int scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || bits[1] < 0 || scale > MaxScale)
        {
            return false;
        }

        long mantissa = ((long)bits[1] << 32) | unchecked((uint)bits[0]);
        if (scale > UnitScale && !TryRescale(scale))
        {
            return false;
        }

        long multiplier = PowersOfTen[UnitScale - scale];
        if (mantissa > MaxUnits / multiplier)
        {
            return false;
        }

        _units![row] = bits[3] < 0 ? -(mantissa * multiplier) : mantissa * multiplier;
        if (_scales is null && scale != UnitScale)
        {
            KeepScales(UnitScale);
        }

        if (_scales is not null)
        {
            _scales[row] = (byte)scale;
        }

        return true;
    }

    // A row with more decimals than the column's: every row written so far is multiplied up to its scale (rare: a file's
    // amounts usually share one scale).
    private bool TryRescale(int scale)
    {
        long factor = PowersOfTen[scale - UnitScale];
        long[] units = _units!;
        for (int i = 0; i < _written; i++)
        {
            if (units[i] > MaxUnits / factor || units[i] < -(MaxUnits / factor))
            {
                return false;
            }
        }

        for (int i = 0; i < _written; i++)
        {
            units[i] *= factor;
        }

        if (_scales is null && _written > 0)
        {
            KeepScales(UnitScale);
        }

        UnitScale = scale;
        return true;
    }

    // The rows written so far all had the column's scale; from now on each row says its own.
    private void KeepScales(int scale)
    {
        _scales = new byte[_units!.Length];
        _scales.AsSpan(0, _written).Fill((byte)scale);
    }

    // The column holds decimals from now on.
    private void ToDecimals()
    {
        if (_units is null)
        {
            return;
        }

        decimal[] decimals = new decimal[_units.Length];
        for (int i = 0; i < _written; i++)
        {
            decimals[i] = this[i];
        }

        (_units, _scales, _decimals, UnitScale) = (null, null, decimals, 0);
    }
}
