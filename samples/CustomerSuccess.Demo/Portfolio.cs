using System;
using System.Collections.Generic;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>A vendor's customers, their monthly MRR and the exchange rates to report them in one currency: the built-in demo data, or the same read from CSV files.</summary>
public sealed class Portfolio
{
    /// <summary>Initializes a portfolio.</summary>
    /// <param name="companyName">The vendor's name.</param>
    /// <param name="accounts">The customers.</param>
    /// <param name="snapshots">Positive MRR per account per month.</param>
    /// <param name="rates">Rates to convert every billing currency into <paramref name="reportingCurrency"/> each month.</param>
    /// <param name="reportingCurrency">The currency figures are reported in.</param>
    /// <param name="contracts">The contract ledger behind committed MRR; empty when there is none.</param>
    public Portfolio(
        string companyName,
        IReadOnlyList<PortfolioAccount> accounts,
        IReadOnlyList<MrrRow> snapshots,
        ExchangeRateTable rates,
        Currency reportingCurrency,
        IReadOnlyList<ContractLine>? contracts = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(snapshots);
        CompanyName = companyName;
        Accounts = accounts;
        Snapshots = snapshots;
        Rates = rates;
        ReportingCurrency = reportingCurrency;
        Contracts = contracts ?? [];
        if (snapshots.Count > 0)
        {
            FirstMonth = snapshots[0].Month;
            LastMonth = snapshots[0].Month;
            foreach (MrrRow snapshot in snapshots)
            {
                FirstMonth = snapshot.Month < FirstMonth ? snapshot.Month : FirstMonth;
                LastMonth = snapshot.Month > LastMonth ? snapshot.Month : LastMonth;
            }
        }
    }

    /// <summary>Gets the vendor's name.</summary>
    public string CompanyName { get; }

    /// <summary>Gets the customers.</summary>
    public IReadOnlyList<PortfolioAccount> Accounts { get; }

    /// <summary>Gets positive MRR per account per month, ordered by month then account.</summary>
    public IReadOnlyList<MrrRow> Snapshots { get; }

    /// <summary>Gets the exchange rates into <see cref="ReportingCurrency"/>.</summary>
    public ExchangeRateTable Rates { get; }

    /// <summary>Gets the currency figures are reported in.</summary>
    public Currency ReportingCurrency { get; }

    /// <summary>Gets the contract lines behind committed MRR; empty when there is none.</summary>
    public IReadOnlyList<ContractLine> Contracts { get; }

    /// <summary>Gets the billing system's subscription log the MRR comes from; empty when the MRR was read as such.</summary>
    public IReadOnlyList<SubscriptionEvent> Subscriptions { get; init; } = [];

    /// <summary>Gets the first month with revenue.</summary>
    public YearMonth FirstMonth { get; }

    /// <summary>Gets the last month with revenue.</summary>
    public YearMonth LastMonth { get; }
}
