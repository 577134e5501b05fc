using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// The history's rows as columns, account by account: month, amount and group per row. The amounts are whole units where
/// they fit (<see cref="MrrAmounts"/>), so that the hot loops add 64-bit integers; the group column exists only when the
/// rows name more than one group (an ungrouped history of millions of rows does not carry a column of zeros).
/// </summary>
internal sealed class MrrColumns(int[] months, MrrAmounts amounts, int[]? groups, int count, Currency reporting)
{
    public int[] Months { get; } = months;

    public MrrAmounts Amounts { get; } = amounts;

    public int Count { get; } = count;

    /// <summary>Gets the amounts as whole units, or null when some amount does not fit.</summary>
    public long[]? Units => Amounts.Units;

    public int UnitScale => Amounts.UnitScale;

    /// <summary>Gets the currency whose accounts may use <see cref="Units"/> (the reporting currency: no conversion).</summary>
    public Currency UnitCurrency { get; } = reporting;

    /// <summary>A row's group, an index into the history's ordinal-sorted group names.</summary>
    public int Group(int row) => groups is null ? 0 : groups[row];

    public decimal Amount(int row) => Amounts[row];

    public decimal FromUnits(long units) => Amounts.FromUnits(units);

    /// <summary>The same rows with every row in group 0.</summary>
    public MrrColumns WithoutGroups() => new(Months, Amounts, null, Count, UnitCurrency);
}
