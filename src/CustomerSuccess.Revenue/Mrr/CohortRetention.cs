using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Retention of a cohort between two months (DESIGN section 3, the cohort method): the cohort is the accounts paying
/// in <see cref="From"/>; NRR = their MRR in <see cref="To"/> / their MRR in <see cref="From"/>; GRR caps each account at
/// its opening MRR; gross logo churn = cohort accounts not paying in <see cref="To"/> / cohort size.
/// </summary>
/// <remarks>
/// Amounts are at <see cref="To"/>'s exchange rates (constant currency), so a currency swing does not move the ratios
/// and NRR = closing / opening. Ratios are undefined when the cohort is empty. Immutable and thread-safe.
/// </remarks>
public readonly struct CohortRetention
{
    private readonly CohortSums _sums;
    private readonly bool _includeNewAccounts;
    private readonly string? _group;

    internal CohortRetention(YearMonth from, YearMonth to, string group, Currency currency, in CohortSums sums, bool includeNewAccounts)
    {
        From = from;
        To = to;
        _group = group;
        Currency = currency;
        _sums = sums;
        _includeNewAccounts = includeNewAccounts;
    }

    /// <summary>Gets the opening month, whose paying accounts form the cohort.</summary>
    public YearMonth From { get; }

    /// <summary>Gets the closing month.</summary>
    public YearMonth To { get; }

    /// <summary>Gets the group (the accounts' group in <see cref="From"/>), or the empty string for the total.</summary>
    public string Group => _group ?? string.Empty;

    /// <summary>Gets the reporting currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the number of accounts paying in <see cref="From"/>.</summary>
    public int CohortSize => _sums.Size;

    /// <summary>Gets the cohort's MRR in <see cref="From"/>, at <see cref="To"/>'s rates.</summary>
    public Money OpeningMrr => new(_sums.Opening, Currency);

    /// <summary>Gets the cohort's MRR in <see cref="To"/>.</summary>
    public Money ClosingMrr => new(_sums.Closing, Currency);

    /// <summary>Gets the cohort's MRR in <see cref="To"/> with each account capped at its opening MRR (the numerator of GRR).</summary>
    public Money RetainedMrr => new(_sums.Retained, Currency);

    /// <summary>Gets the number of cohort accounts not paying in <see cref="To"/>.</summary>
    public int CustomersChurned => _sums.Churned;

    /// <summary>Gets the number of accounts paying in <see cref="To"/>, in the cohort or not.</summary>
    public int CustomersClosing => _sums.ClosingCustomers;

    /// <summary>Gets the number of accounts outside the cohort that paid in some month after <see cref="From"/> up to <see cref="To"/>.</summary>
    public int CustomersStartedInPeriod => _sums.Started;

    /// <summary>Gets how many of <see cref="CustomersStartedInPeriod"/> were no longer paying in <see cref="To"/>.</summary>
    public int CustomersStartedAndLost => _sums.StartedLost;

    /// <summary>Gets net revenue retention of the cohort: closing MRR / opening MRR.</summary>
    public Ratio Nrr => Ratio.Of(_sums.Closing, _sums.Opening);

    /// <summary>Gets gross revenue retention of the cohort: retained MRR / opening MRR; never above 1.</summary>
    public Ratio Grr => Ratio.Of(_sums.Retained, _sums.Opening);

    /// <summary>
    /// Gets gross logo churn: churned cohort accounts / cohort size; with
    /// <see cref="MrrOptions.CohortLogoChurnIncludesNewAccounts"/>, (churned + started and lost) / (cohort size + started).
    /// Seed 002: 10 of 40 is 25%.
    /// </summary>
    public Ratio LogoChurn => _includeNewAccounts
        ? Ratio.Of(_sums.Churned + _sums.StartedLost, _sums.Size + _sums.Started)
        : Ratio.Of(_sums.Churned, _sums.Size);

    /// <summary>
    /// Gets the net customer change: (customers in <see cref="To"/> - cohort size) / cohort size. Seed 002: 40 at the
    /// start and 32 at the end is -20%, not to be confused with <see cref="LogoChurn"/>.
    /// </summary>
    public Ratio NetCustomerChange => Ratio.Of(_sums.ClosingCustomers - _sums.Size, _sums.Size);
}

/// <summary>The additive sums behind <see cref="CohortRetention"/>.</summary>
internal struct CohortSums
{
    public decimal Opening;
    public decimal Closing;
    public decimal Retained;
    public int Size;
    public int Churned;
    public int ClosingCustomers;
    public int Started;
    public int StartedLost;

    public void Add(in CohortSums other)
    {
        Opening += other.Opening;
        Closing += other.Closing;
        Retained += other.Retained;
        Size += other.Size;
        Churned += other.Churned;
        ClosingCustomers += other.ClosingCustomers;
        Started += other.Started;
        StartedLost += other.StartedLost;
    }
}

/// <summary>
/// Cohort retention between two months, in total and per group (an account's group in the opening month).
/// Per-group figures add up to the total; reports over disjoint sets of accounts merge exactly. Immutable and thread-safe.
/// </summary>
public sealed class CohortReport
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
