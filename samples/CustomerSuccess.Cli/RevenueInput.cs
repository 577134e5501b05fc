using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;

namespace CustomerSuccess.Cli;

/// <summary>The revenue options shared by the retention commands.</summary>
internal static class RevenueInput
{
    public static MrrOptions Options(CommandLine line)
    {
        string code = line.Value("currency") ?? "USD";
        if (!Currency.TryParse(code, out Currency currency))
        {
            throw new UsageException($"--currency '{CliText.Quote(code)}' is not an ISO 4217 currency code such as USD or EUR.");
        }

        return new MrrOptions
        {
            ReportingCurrency = currency,
            ExchangeRates = line.Value("rates") is { } rates ? PortfolioCsv.ReadRates(rates) : ExchangeRateTable.Empty,
            NrrIncludesReactivation = line.Flag("nrr-includes-reactivation"),
            ZeroMrr = line.Flag("zero-mrr-keeps-customer") ? ZeroMrrPolicy.Contraction : ZeroMrrPolicy.Churn,
            CohortLogoChurnIncludesNewAccounts = line.Flag("logo-churn-includes-new-accounts"),
        };
    }
}
