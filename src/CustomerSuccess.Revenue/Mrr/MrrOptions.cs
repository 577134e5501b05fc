using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// How MRR snapshots are read and retention is reported. Each definitional choice on which the usual references
/// (ChartMogul, Baremetrics) disagree is a setting here with a documented default, never silent; see docs/revenue.md.
/// </summary>
public sealed class MrrOptions
{
    /// <summary>Gets or sets the currency figures are reported in.</summary>
    /// <value><see cref="Currency.USD"/>.</value>
    public Currency ReportingCurrency { get; set; } = Currency.USD;

    /// <summary>
    /// Gets or sets the rates that convert every billing currency into <see cref="ReportingCurrency"/> per month.
    /// Needed only when some MRR is in another currency; a missing rate fails naming the pair and month.
    /// </summary>
    /// <value><see cref="ExchangeRateTable.Empty"/>.</value>
    public ExchangeRateTable ExchangeRates { get; set; } = ExchangeRateTable.Empty;

    /// <summary>
    /// Gets or sets whether monthly net revenue retention counts reactivated MRR in its numerator.
    /// </summary>
    /// <value><see langword="false"/>: NRR measures the revenue kept and grown from the customers that opened the month, as ChartMogul's NRR does.</value>
    public bool NrrIncludesReactivation { get; set; }

    /// <summary>Gets or sets how an explicit row with MRR 0 (a move to a free plan) counts.</summary>
    /// <value><see cref="ZeroMrrPolicy.Churn"/>: a $0 row is the same as no row.</value>
    public ZeroMrrPolicy ZeroMrr { get; set; } = ZeroMrrPolicy.Churn;

    /// <summary>Gets or sets what two rows for the same account and month mean.</summary>
    /// <value><see cref="DuplicateRowPolicy.Sum"/>: billing exports list each subscription of an account on its own row.</value>
    public DuplicateRowPolicy DuplicateRows { get; set; } = DuplicateRowPolicy.Sum;

    /// <summary>
    /// Gets or sets whether cohort logo churn also counts accounts that started after the opening month and were gone by
    /// the closing month (adding them to the denominator too).
    /// </summary>
    /// <value><see langword="false"/>: logo churn is the churn of the opening cohort (DESIGN section 3).</value>
    public bool CohortLogoChurnIncludesNewAccounts { get; set; }

    internal MrrOptions Snapshot()
    {
        if (ReportingCurrency.IsDefault)
        {
            throw new InvalidOperationException($"{nameof(MrrOptions)}.{nameof(ReportingCurrency)} is not set.");
        }

        if (!Enum.IsDefined(ZeroMrr))
        {
            throw new InvalidOperationException($"{nameof(MrrOptions)}.{nameof(ZeroMrr)} '{ZeroMrr}' is not a known policy.");
        }

        if (!Enum.IsDefined(DuplicateRows))
        {
            throw new InvalidOperationException($"{nameof(MrrOptions)}.{nameof(DuplicateRows)} '{DuplicateRows}' is not a known policy.");
        }

        return new MrrOptions
        {
            ReportingCurrency = ReportingCurrency,
            ExchangeRates = ExchangeRates ?? throw new InvalidOperationException($"{nameof(MrrOptions)}.{nameof(ExchangeRates)} is null; use ExchangeRateTable.Empty."),
            NrrIncludesReactivation = NrrIncludesReactivation,
            ZeroMrr = ZeroMrr,
            DuplicateRows = DuplicateRows,
            CohortLogoChurnIncludesNewAccounts = CohortLogoChurnIncludesNewAccounts,
        };
    }
}

/// <summary>How an explicit MRR row of 0 counts.</summary>
public enum ZeroMrrPolicy
{
    /// <summary>A $0 row is the same as no row: moving to a free plan is churn, and the account is no longer a customer.</summary>
    Churn = 0,

    /// <summary>A $0 row keeps the account a customer: moving to a free plan is a contraction of all its MRR, not churn.</summary>
    Contraction = 1,
}

/// <summary>What two rows for one account and month mean.</summary>
public enum DuplicateRowPolicy
{
    /// <summary>They are separate subscriptions of the account: their MRR adds up.</summary>
    Sum = 0,

    /// <summary>They are an error in the export: the second row is rejected, naming the account and month.</summary>
    Reject = 1,
}
