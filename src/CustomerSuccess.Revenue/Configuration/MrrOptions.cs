using System;
using System.Collections.Generic;

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
    /// <value><see langword="false"/>: logo churn is the churn of the opening cohort (docs/design.md section 3).</value>
    public bool CohortLogoChurnIncludesNewAccounts { get; set; }

    /// <summary>Checks every setting and copies the options, so that later changes to this instance change nothing built from it.</summary>
    /// <returns>The copy.</returns>
    /// <exception cref="CustomerSuccessValidationException">A setting is invalid; the exception lists every one, by name.</exception>
    internal MrrOptions Snapshot()
    {
        var problems = new List<string>();
        if (ReportingCurrency.IsDefault)
        {
            problems.Add($"{nameof(MrrOptions)}.{nameof(ReportingCurrency)} is not set.");
        }

        if (ExchangeRates is null)
        {
            problems.Add($"{nameof(MrrOptions)}.{nameof(ExchangeRates)} is null; use ExchangeRateTable.Empty.");
        }

        if (!Enum.IsDefined(ZeroMrr))
        {
            problems.Add($"{nameof(MrrOptions)}.{nameof(ZeroMrr)} '{ZeroMrr}' is not a known policy ({string.Join(", ", Enum.GetNames<ZeroMrrPolicy>())}).");
        }

        if (!Enum.IsDefined(DuplicateRows))
        {
            problems.Add($"{nameof(MrrOptions)}.{nameof(DuplicateRows)} '{DuplicateRows}' is not a known policy ({string.Join(", ", Enum.GetNames<DuplicateRowPolicy>())}).");
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
        return new MrrOptions
        {
            ReportingCurrency = ReportingCurrency,
            ExchangeRates = ExchangeRates!,
            NrrIncludesReactivation = NrrIncludesReactivation,
            ZeroMrr = ZeroMrr,
            DuplicateRows = DuplicateRows,
            CohortLogoChurnIncludesNewAccounts = CohortLogoChurnIncludesNewAccounts,
        };
    }
}
