using System.Text.Json;
using CustomerSuccess.Json;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Retention of a cohort between two months (docs/design.md section 3, the cohort method): the cohort is the accounts paying
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

    // The JSON form's names, one per field (docs/scale.md): a partial's cohort figures of one group.
    public readonly void Write(Utf8JsonWriter writer)
    {
        writer.WriteNumber("opening", PartialJson.Canonical(Opening));
        writer.WriteNumber("closing", PartialJson.Canonical(Closing));
        writer.WriteNumber("retained", PartialJson.Canonical(Retained));
        writer.WriteNumber("size", Size);
        writer.WriteNumber("churned", Churned);
        writer.WriteNumber("closingCustomers", ClosingCustomers);
        writer.WriteNumber("started", Started);
        writer.WriteNumber("startedLost", StartedLost);
    }

    public static CohortSums Read(JsonAt group) => new()
    {
        Opening = group.Property("opening").Decimal(),
        Closing = group.Property("closing").Decimal(),
        Retained = group.Property("retained").Decimal(),
        Size = group.Property("size").Count32(),
        Churned = group.Property("churned").Count32(),
        ClosingCustomers = group.Property("closingCustomers").Count32(),
        Started = group.Property("started").Count32(),
        StartedLost = group.Property("startedLost").Count32(),
    };
}
