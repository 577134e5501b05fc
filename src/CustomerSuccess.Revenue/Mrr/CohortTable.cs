using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Net revenue retention by first-paid-month cohort across months since start: row <c>c</c>, column <c>k</c> is the
/// MRR in month <c>c + k</c> of the accounts that first paid in month <c>c</c>, over their MRR in month <c>c</c>.
/// </summary>
/// <remarks>
/// Accounts already paying in the first month of the data are that month's cohort, though they may have started
/// earlier. Each cell is at its own month's exchange rates (constant currency). Immutable and thread-safe.
/// </remarks>
public sealed class CohortTable
{
    internal CohortTable(Currency currency, IReadOnlyList<CohortRow> rows)
    {
        ReportingCurrency = currency;
        Rows = ReadOnlyViews.Copy(rows, nameof(rows));
    }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>Gets one row per first-paid month that has accounts, ascending.</summary>
    public IReadOnlyList<CohortRow> Rows { get; }
}

/// <summary>One first-paid-month cohort of a <see cref="CohortTable"/>.</summary>
public sealed class CohortRow
{
    internal CohortRow(YearMonth cohort, int size, IReadOnlyList<CohortCell> cells)
    {
        Cohort = cohort;
        Size = size;
        Cells = ReadOnlyViews.Copy(cells, nameof(cells));
    }

    /// <summary>Gets the month the cohort's accounts first paid.</summary>
    public YearMonth Cohort { get; }

    /// <summary>Gets the number of accounts in the cohort.</summary>
    public int Size { get; }

    /// <summary>Gets one cell per month since start, from 0 (the cohort month, NRR 100%) to the last month of the data.</summary>
    public IReadOnlyList<CohortCell> Cells { get; }
}

/// <summary>One cell of a <see cref="CohortTable"/>: a cohort's retention some months after it started.</summary>
public readonly struct CohortCell
{
    internal CohortCell(int monthsSinceStart, YearMonth month, Money startingMrr, Money mrr, int customers, int size)
    {
        MonthsSinceStart = monthsSinceStart;
        Month = month;
        StartingMrr = startingMrr;
        Mrr = mrr;
        Customers = customers;
        Nrr = Ratio.Of(mrr, startingMrr);
        LogoRetention = Ratio.Of(customers, size);
    }

    /// <summary>Gets the number of months since the cohort month.</summary>
    public int MonthsSinceStart { get; }

    /// <summary>Gets the calendar month of the cell.</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the cohort's MRR in its first month, at this cell's month's rates.</summary>
    public Money StartingMrr { get; }

    /// <summary>Gets the cohort's MRR in <see cref="Month"/>.</summary>
    public Money Mrr { get; }

    /// <summary>Gets the cohort's accounts still paying in <see cref="Month"/>.</summary>
    public int Customers { get; }

    /// <summary>Gets <see cref="Mrr"/> / <see cref="StartingMrr"/>.</summary>
    public Ratio Nrr { get; }

    /// <summary>Gets the share of the cohort's accounts still paying.</summary>
    public Ratio LogoRetention { get; }
}
