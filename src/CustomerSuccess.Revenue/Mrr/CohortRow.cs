using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Revenue;

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
