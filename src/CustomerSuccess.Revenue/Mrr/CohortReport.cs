using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Cohort retention between two months, in total and per group (an account's group in the opening month).
/// Per-group figures add up to the total; reports over disjoint sets of accounts merge exactly. Immutable and thread-safe.
/// </summary>
public sealed partial class CohortReport
{
    private readonly int _from;
    private readonly int _to;
    private readonly string[] _groups;
    private readonly CohortSums[] _sums;
    private readonly CohortSums _total;
    private readonly bool _includeNewAccounts;

    internal CohortReport(int from, int to, Currency currency, bool includeNewAccounts, string[] groups, CohortSums[] sums)
    {
        _from = from;
        _to = to;
        _groups = groups;
        _sums = sums;
        _includeNewAccounts = includeNewAccounts;
        ReportingCurrency = currency;
        foreach (CohortSums s in sums)
        {
            _total.Add(s);
        }
    }

    /// <summary>Gets the opening month.</summary>
    public YearMonth From => MonthIndex.ToMonth(_from);

    /// <summary>Gets the closing month.</summary>
    public YearMonth To => MonthIndex.ToMonth(_to);

    /// <summary>Gets the currency of every amount.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>Gets the groups, in ordinal order; a single empty-string group when the rows carried none.</summary>
    public IReadOnlyList<string> Groups => ReadOnlyViews.Wrap(_groups);

    /// <summary>Gets the cohort figures over all accounts.</summary>
    public CohortRetention Total => new(From, To, string.Empty, ReportingCurrency, _total, _includeNewAccounts);

    /// <summary>Returns one group's cohort figures.</summary>
    /// <param name="group">A group in <see cref="Groups"/>.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="group"/> is not in the report.</exception>
    public CohortRetention ForGroup(string group)
    {
        int g = Array.BinarySearch(_groups, group, StringComparer.Ordinal);
        return g >= 0
            ? new CohortRetention(From, To, group, ReportingCurrency, _sums[g], _includeNewAccounts)
            : throw new KeyNotFoundException($"The report has no group '{group}'; its groups are {string.Join(", ", _groups.Select(x => "'" + x + "'"))}.");
    }

    /// <summary>Merges a report over a disjoint set of accounts into one over both. Associative and commutative; exact.</summary>
    /// <param name="other">A report over the same months, currency and options.</param>
    /// <returns>The merged report.</returns>
    /// <exception cref="ArgumentException">The reports cover different months, currencies or logo-churn definitions.</exception>
    public CohortReport Merge(CohortReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._from != _from || other._to != _to || other.ReportingCurrency != ReportingCurrency || other._includeNewAccounts != _includeNewAccounts)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot merge a cohort report over {other.From:uuuu'-'MM}..{other.To:uuuu'-'MM} in {other.ReportingCurrency} into one over {From:uuuu'-'MM}..{To:uuuu'-'MM} in {ReportingCurrency} (or the logo-churn definitions differ)."),
                nameof(other));
        }

        string[] groups = _groups.Union(other._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sums = new CohortSums[groups.Length];
        foreach (CohortReport source in new[] { this, other })
        {
            for (int g = 0; g < source._groups.Length; g++)
            {
                sums[Array.BinarySearch(groups, source._groups[g], StringComparer.Ordinal)].Add(source._sums[g]);
            }
        }

        return new CohortReport(_from, _to, ReportingCurrency, _includeNewAccounts, groups, sums);
    }
}
