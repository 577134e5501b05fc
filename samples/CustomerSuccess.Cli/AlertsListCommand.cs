using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;

namespace CustomerSuccess.Cli;

/// <summary>Lists the alerts recorded in a store.</summary>
internal sealed class AlertsListCommand : ICommand
{
    public static readonly string[] Columns = ["raised_at", "account_id", "rule_id", "key", "kind", "severity", "message", "evidence", "acknowledged_at", "acknowledged_by"];

    public string Name => "alerts list";

    public string Summary => "List the alerts recorded in a store, oldest first.";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = ["open"];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} alerts list --store <store> [--open] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("  --open   only alerts not acknowledged");
        output.WriteLine();
        output.WriteLine("Output: " + string.Join(',', Columns) + ", by raised_at, then rule, account and key.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        CliStore store = StoreInput.Open(line);
        bool open = line.Flag("open");
        IReadOnlyList<AlertRecord> alerts = StoreInput.Use(store, s => s.GetAlertsAsync(open));
        TableOutput.Write(output, format, Columns, alerts.Select(Row));
        return ExitCodes.Success;
    }

    /// <summary>An alert's row of the output.</summary>
    internal static IReadOnlyList<Cell> Row(AlertRecord a) =>
    [
        Cell.Of(StoreInput.Text(a.RaisedAt)), Cell.Of(a.Identity.Account.Value), Cell.Of(a.Identity.RuleId), a.Identity.Key is { } k ? Cell.Of(k) : Cell.Empty,
        Cell.Of(a.Kind.ToString().ToLowerInvariant()), Cell.Of(a.Severity.ToString().ToLowerInvariant()), Cell.Of(a.Message), Cell.Of(a.Evidence),
        a.AcknowledgedAt is { } at ? Cell.Of(StoreInput.Text(at)) : Cell.Empty, a.AcknowledgedBy is { } by ? Cell.Of(by) : Cell.Empty,
    ];
}
