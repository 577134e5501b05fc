using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Derives the churn outcomes a backtest needs from an MRR file: a team's own export is enough.</summary>
internal sealed class OutcomesCommand : ICommand
{
    public string Name => "outcomes";

    public string Summary => "Churn outcomes (account_id,churned_on,observed_until) derived from an MRR file, for backtest and fit.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["mrr", "observed-until", "format", MonthSpan.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} outcomes --mrr <mrr.csv> [--observed-until yyyy-MM-dd] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --mrr <file>                  MRR in the retention format: account_id,month,mrr[,currency] (docs/cli.md)");
        output.WriteLine("  --observed-until <date>       the last day the accounts were watched (default: the last day of the file's last month)");
        output.WriteLine("  --max-months <n>              the most months the file may span (default 1200)");
        output.WriteLine("  --format csv|json             output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: account_id,churned_on,observed_until, one row per account in ordinal order of account_id.");
        output.WriteLine("churned_on is the first day of the month after the account's last positive month, when that month is");
        output.WriteLine("inside the file (a later reactivation means not churned); empty when it still pays, never paid, or");
        output.WriteLine("churned after --observed-until.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string path = line.Required("mrr", "<mrr.csv>");
        LocalDate? observedUntil = line.Value("observed-until") is { } text
            ? LocalDatePattern.Iso.Parse(text) is { Success: true } parsed && parsed.Value.Year is >= 1900 and <= 2200
                ? parsed.Value
                : throw new UsageException($"--observed-until '{CliText.Quote(text)}' is not a date from 1900 to 2200; use yyyy-MM-dd, such as 2026-10-31.")
            : null;

        // The last month each account paid in; null for an account whose every row is 0.
        var lastPaid = new Dictionary<AccountId, YearMonth?>();
        var span = new MonthSpan(path, MonthSpan.MaxMonths(line));
        foreach ((Revenue.MrrRow row, int rowLine) in MrrCsv.ReadRows(path, groupColumn: null, Currency.USD))
        {
            span.Add(row.Month, rowLine);
            YearMonth? paid = lastPaid.GetValueOrDefault(row.Account);
            lastPaid[row.Account] = row.Mrr.Amount > 0 && (paid is null || row.Month > paid.Value) ? row.Month : paid;
        }

        span.Check();
        LocalDate until = observedUntil ?? span.Last?.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1) ?? default;
        string[] columns = HistoryCsv.OutcomeColumns;
        TableOutput.Write(output, format, columns, lastPaid
            .OrderBy(a => a.Key.Value, StringComparer.Ordinal)
            .Select(a =>
            {
                LocalDate? churned = a.Value is { } paid && paid < span.Last!.Value ? paid.PlusMonths(1).OnDayOfMonth(1) : null;
                return (IReadOnlyList<Cell>)[Cell.Of(a.Key.Value), churned is { } day && day <= until ? Date(day) : Cell.Empty, Date(until)];
            }));
        return ExitCodes.Success;
    }

    private static Cell Date(LocalDate date) => Cell.Of(LocalDatePattern.Iso.Format(date));
}
