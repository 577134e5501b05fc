using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Monthly MRR movements and retention for every month in (<see cref="From"/>, <see cref="To"/>], in total and per
/// group, in the reporting currency. Per-group figures add up to the totals.
/// </summary>
/// <remarks>
/// <para>
/// A month's figures for an account go to the group it had in the month before (its opening group), or, for a new or
/// reactivated account, to its group in the month itself. So when an account moves group, its group's closing MRR of
/// one month and opening MRR of the next differ; the totals always chain.
/// </para>
/// <para>
/// Reports computed over disjoint sets of accounts for the same period merge (<see cref="Merge(MrrMovementReport)"/>)
/// into the report over their union, exactly: the figures are sums. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial class MrrMovementReport
{
    private readonly int _from;
    private readonly int _monthCount;
    private readonly string[] _groups;
    private readonly Dictionary<string, int> _groupIndex;
    private readonly MrrFigureSums[] _sums; // [group * _monthCount + month]
    private readonly MrrFigureSums[] _totals;
    private readonly bool _nrrIncludesReactivation;

    internal MrrMovementReport(int from, int to, Currency currency, bool nrrIncludesReactivation, string[] groups, MrrFigureSums[] sums)
    {
        _from = from;
        _monthCount = to - from;
        _groups = groups;
        _groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < groups.Length; g++)
        {
            _groupIndex.Add(groups[g], g);
        }

        _sums = sums;
        _nrrIncludesReactivation = nrrIncludesReactivation;
        ReportingCurrency = currency;
        From = MonthIndex.ToMonth(from);
        To = MonthIndex.ToMonth(to);
        Months = ReadOnlyViews.Wrap(Enumerable.Range(from + 1, _monthCount).Select(MonthIndex.ToMonth).ToArray());
        _totals = new MrrFigureSums[_monthCount];
        for (int g = 0; g < groups.Length; g++)
        {
            for (int m = 0; m < _monthCount; m++)
            {
                _totals[m].Add(sums[(g * _monthCount) + m]);
            }
        }
    }

    /// <summary>Gets the month before the first month with figures: its closing MRR is the first opening MRR.</summary>
    public YearMonth From { get; }

    /// <summary>Gets the last month with figures.</summary>
    public YearMonth To { get; }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>Gets the months with figures, ascending: every month after <see cref="From"/> up to <see cref="To"/>.</summary>
    public IReadOnlyList<YearMonth> Months { get; }

    /// <summary>Gets the groups, in ordinal order; a single empty-string group when the rows carried none.</summary>
    public IReadOnlyList<string> Groups => ReadOnlyViews.Wrap(_groups);

    /// <summary>Returns the month's figures over all accounts.</summary>
    /// <param name="month">A month in <see cref="Months"/>.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside the report.</exception>
    public MrrMonthFigures Total(YearMonth month) =>
        new(month, string.Empty, ReportingCurrency, _totals[Offset(month)], _nrrIncludesReactivation);

    /// <summary>Returns a group's figures for a month; zero figures when the group had no customers then.</summary>
    /// <param name="group">A group in <see cref="Groups"/>.</param>
    /// <param name="month">A month in <see cref="Months"/>.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="group"/> is not in the report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is outside the report.</exception>
    public MrrMonthFigures ForGroup(string group, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(group);
        int g = _groupIndex.TryGetValue(group, out int index)
            ? index
            : throw new KeyNotFoundException($"The report has no group '{group}'; its groups are {string.Join(", ", _groups.Select(x => "'" + x + "'"))}.");
        return new MrrMonthFigures(month, group, ReportingCurrency, _sums[(g * _monthCount) + Offset(month)], _nrrIncludesReactivation);
    }

    /// <summary>Returns the totals of every month, in order.</summary>
    /// <returns>One set of figures per month.</returns>
    public IEnumerable<MrrMonthFigures> TotalByMonth() => Months.Select(Total);

    /// <summary>
    /// Merges a report over a disjoint set of accounts into one over both. Associative and commutative; exact.
    /// </summary>
    /// <param name="other">A report over the same period, currency and options.</param>
    /// <returns>The merged report.</returns>
    /// <exception cref="ArgumentException">The reports cover different periods, currencies or NRR definitions.</exception>
    public MrrMovementReport Merge(MrrMovementReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._from != _from || other._monthCount != _monthCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot merge a report over {other.From:uuuu'-'MM}..{other.To:uuuu'-'MM} into one over {From:uuuu'-'MM}..{To:uuuu'-'MM}; compute every part over the same period."),
                nameof(other));
        }

        if (other.ReportingCurrency != ReportingCurrency || other._nrrIncludesReactivation != _nrrIncludesReactivation)
        {
            throw new ArgumentException("Cannot merge reports computed with a different reporting currency or NRR definition.", nameof(other));
        }

        string[] groups = _groups.Union(other._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sums = new MrrFigureSums[groups.Length * _monthCount];
        AddInto(this, groups, sums);
        AddInto(other, groups, sums);
        return new MrrMovementReport(_from, _from + _monthCount, ReportingCurrency, _nrrIncludesReactivation, groups, sums);
    }

    private static void AddInto(MrrMovementReport source, string[] groups, MrrFigureSums[] sums)
    {
        int months = source._monthCount;
        for (int g = 0; g < source._groups.Length; g++)
        {
            int target = Array.BinarySearch(groups, source._groups[g], StringComparer.Ordinal);
            for (int m = 0; m < months; m++)
            {
                sums[(target * months) + m].Add(source._sums[(g * months) + m]);
            }
        }
    }

    private int Offset(YearMonth month)
    {
        int offset = MonthIndex.Of(month) - _from - 1;
        return offset >= 0 && offset < _monthCount
            ? offset
            : throw new ArgumentOutOfRangeException(nameof(month), month,
                string.Create(CultureInfo.InvariantCulture, $"The report has figures for {Months[0]:uuuu'-'MM} to {To:uuuu'-'MM} only."));
    }
}
