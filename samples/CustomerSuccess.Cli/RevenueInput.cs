using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;

namespace CustomerSuccess.Cli;

/// <summary>The revenue options shared by the retention commands, the main job and the report.</summary>
internal static class RevenueInput
{
    /// <summary>The --currency option: the reporting currency, USD by default.</summary>
    public static Currency ReportingCurrency(CommandLine line)
    {
        string code = line.Value("currency") ?? "USD";
        return Currency.TryParse(code, out Currency currency)
            ? currency
            : throw new UsageException($"--currency '{CliText.Quote(code)}' is not an ISO 4217 currency code such as USD or EUR.");
    }

    public static MrrOptions Options(CommandLine line) => new()
    {
        ReportingCurrency = ReportingCurrency(line),
        ExchangeRates = line.Value("rates") is { } rates ? PortfolioCsv.ReadRates(rates) : ExchangeRateTable.Empty,
        NrrIncludesReactivation = line.Flag("nrr-includes-reactivation"),
        ZeroMrr = line.Flag("zero-mrr-keeps-customer") ? ZeroMrrPolicy.Contraction : ZeroMrrPolicy.Churn,
        CohortLogoChurnIncludesNewAccounts = line.Flag("logo-churn-includes-new-accounts"),
    };
}
