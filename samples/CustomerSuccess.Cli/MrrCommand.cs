using System.Collections.Generic;
using System.IO;
using CustomerSuccess.Revenue;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Month-end MRR from a billing system's subscription log: the rows every revenue command reads.</summary>
internal sealed class MrrCommand : ICommand
{
    public static readonly string[] Columns = ["account_id", "month", "mrr", "currency"];

    public string Name => "mrr";

    public string Summary => "Month-end MRR (account_id,month,mrr,currency) from a subscription event log: seats, intervals, discounts, trials, pauses.";

    public IReadOnlyCollection<string> ValueOptions { get; } = [SubscriptionInput.Option, .. SubscriptionInput.RangeOptions, .. SubscriptionInput.PolicyOptions, "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} mrr --subscriptions <events.csv> [--from <yyyy-MM>] [--to <yyyy-MM>] [--zone <tz>] [--discounts deduct|ignore] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        SubscriptionInput.WriteHelp(output, range: true);
        output.WriteLine("  --format csv|json             output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: account_id,month,mrr,currency, one row per account, month and currency with MRR above 0, sorted by");
        output.WriteLine("account_id (ordinal), month, currency; the file 'retention --mrr' reads. Definitions: docs/revenue.md.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        IReadOnlyList<(MrrRow Row, int Line)> rows = SubscriptionInput.Rows(line, range: true);
        var cells = new List<IReadOnlyList<Cell>>(rows.Count);
        foreach ((MrrRow row, int _) in rows)
        {
            cells.Add([Cell.Of(row.Account.Value), Cell.Of(YearMonthPattern.Iso.Format(row.Month)), Cell.Of(row.Mrr), Cell.Of(row.Mrr.Currency.Code)]);
        }

        TableOutput.Write(output, format, Columns, cells);
        return ExitCodes.Success;
    }
}
