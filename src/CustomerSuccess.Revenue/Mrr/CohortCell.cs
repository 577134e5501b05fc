using NodaTime;

namespace CustomerSuccess.Revenue;

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
