using System;
using System.Collections.Generic;
using System.IO;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Demo;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>The main job: a portfolio summary (paying accounts and ARR by segment and region) for one month.</summary>
internal sealed class PortfolioCommand : ICommand
{
    public string Name => "portfolio";

    public string Summary => "Summarise the portfolio: accounts and ARR by segment and region, retention, MRR movements, health, its backtest and alerts (the default).";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["accounts", "mrr", "rates", "month", "currency", "format", MonthSpan.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} portfolio [options]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine("Without --accounts and --mrr it reads the built-in demo data.");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --accounts <file>   accounts CSV: account_id,name,segment,region,industry,csm");
        output.WriteLine("  --mrr <file>        MRR CSV: account_id,month,mrr[,currency] (month yyyy-MM; a dot for decimals)");
        output.WriteLine("  --rates <file>      exchange rates CSV: month,from,to,rate (1 from = rate to); needed for other currencies");
        output.WriteLine("  --month <yyyy-MM>   the month to summarise (default: the latest month with revenue)");
        output.WriteLine("  --currency <code>   reporting currency, ISO 4217 (default: USD)");
        output.WriteLine("  --format <f>        table (default) or csv: dimension,group,accounts,arr,share,average_arr");
        output.WriteLine("  --max-months <n>    the most months the MRR file may span (default 1200)");
        output.WriteLine("  -h, --help          show this help");
        output.WriteLine();
        output.WriteLine($"'{CliApp.ToolName} demo --out <dir>' writes the demo data in these formats.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = line.Value("format") ?? "table";
        if (format is not ("table" or "csv"))
        {
            throw new UsageException($"--format must be 'table' or 'csv', not '{CliText.Quote(format)}'.");
        }

        Currency currency = RevenueInput.ReportingCurrency(line);
        YearMonth? month = line.Value("month") is { } monthText
            ? MrrCsv.ParseMonth(monthText, problem => new UsageException($"--month {problem}"))
            : null;

        Progress.Stage(IsBuiltInDemo(line) ? "generating the demo company" : "reading the portfolio");
        Portfolio portfolio = LoadPortfolio(line, currency);
        if (portfolio.Snapshots.Count == 0)
        {
            throw new InputException($"{line.Value("mrr") ?? "the demo data"}, field 'mrr': no month has revenue, so there is nothing to summarise.");
        }

        YearMonth asOf = month ?? portfolio.LastMonth;
        if (asOf < portfolio.FirstMonth || asOf > portfolio.LastMonth)
        {
            throw new UsageException($"--month {asOf:uuuu-MM} is outside the data, which runs from {portfolio.FirstMonth:uuuu-MM} to {portfolio.LastMonth:uuuu-MM}.");
        }

        string source = line.Value("mrr") ?? "the demo data";
        PortfolioSummary summary = PortfolioSummary.Compute(portfolio, asOf, source);
        if (format == "csv")
        {
            summary.WriteCsv(output);
            return ExitCodes.Success;
        }

        summary.WriteTable(output);
        Progress.Stage("computing retention");
        try
        {
            PortfolioRetention.WriteTable(portfolio, asOf, output);
        }
        catch (OverflowException e)
        {
            throw new InputException($"{source}: {CliText.Message(e)}");
        }

        if (IsBuiltInDemo(line))
        {
            Progress.Stage("generating 24 months of health snapshots");
            DemoHistory history = DemoHistory.Generate(portfolio);
            Progress.Stage("scoring health");
            PortfolioHealth.WriteTable(portfolio, history.Latest, output);
            Progress.Stage("backtesting the health model");
            PortfolioBacktest.WriteTable(history, output);
            Progress.Stage("evaluating the behavior rules over 90 days of events");
            PortfolioAlerts.WriteTable(portfolio, history.Latest, output);
        }

        return ExitCodes.Success;
    }

    // Health facts exist only for the built-in demo data; files bring revenue only.
    internal static bool IsBuiltInDemo(CommandLine line) => line.Value("accounts") is null && line.Value("mrr") is null;

    internal static Portfolio LoadPortfolio(CommandLine line, Currency currency)
    {
        string? accounts = line.Value("accounts");
        string? mrr = line.Value("mrr");
        string? rates = line.Value("rates");
        if (accounts is null && mrr is null && rates is null)
        {
            Portfolio demo = WingtipDemo.Generate();
            return currency == demo.ReportingCurrency
                ? demo
                : throw new UsageException($"the built-in demo data has rates into {demo.ReportingCurrency} only; --currency {currency} needs your own --rates.");
        }

        if (accounts is null || mrr is null)
        {
            throw new UsageException("--accounts and --mrr go together: give both files, or neither for the demo data.");
        }

        return PortfolioCsv.Load(accounts, mrr, rates, currency, MonthSpan.MaxMonths(line));
    }
}
