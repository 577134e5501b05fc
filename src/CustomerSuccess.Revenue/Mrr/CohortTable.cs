using System.Collections.Generic;

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
