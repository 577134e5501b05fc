using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Acknowledges an open alert in a store: someone has followed it up, so it is no longer open.</summary>
internal sealed class AlertsAckCommand : ICommand
{
    public string Name => "alerts ack";

    public string Summary => "Acknowledge an open alert recorded in a store (it stays in the log, no longer open).";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "account", "rule", "key", "raised-at", "by", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} alerts ack --store <store> --account <id> --rule <rule> [--key <key>] --raised-at <instant> [--by <name>] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("The alert is the one 'alerts list' prints with that account_id, rule_id, key (empty: give no --key) and");
        output.WriteLine("raised_at (such as 2026-10-31T23:59:59Z). It is acknowledged now, by --by (default: the user's login name).");
        output.WriteLine("Output: the alert, as 'alerts list' prints it. An alert that is not recorded, or not open, exits 1.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        var identity = new AlertIdentity(line.Required("rule", "<rule>"), new AccountId(line.Required("account", "<id>")), line.Value("key"));
        string raisedText = line.Required("raised-at", "<instant>");
        Instant raisedAt = InstantPattern.ExtendedIso.Parse(raisedText) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--raised-at '{CliText.Quote(raisedText)}' is not an instant; use the raised_at of 'alerts list', such as 2026-10-31T23:59:59Z.");
        string by = line.Value("by") ?? Environment.UserName;
        CliStore store = StoreInput.Open(line);
        Instant now = SystemClock.Instance.GetCurrentInstant();
        if (!StoreInput.Use(store, s => s.AcknowledgeAsync(identity, raisedAt, string.IsNullOrWhiteSpace(by) ? "unknown" : by, now)))
        {
            bool recorded = StoreInput.Use(store, s => s.GetAlertsAsync(openOnly: false)).Any(a => a.Identity == identity && a.RaisedAt == raisedAt);
            throw new InputException($"{CliText.Quote(store.Name)}: {(recorded ? "the alert is acknowledged already" : "no alert is recorded")} for rule '{CliText.Quote(identity.RuleId)}', account '{CliText.Quote(identity.Account.Value)}'{(identity.Key is { } k ? $", key '{CliText.Quote(k)}'" : string.Empty)}, raised at {StoreInput.Text(raisedAt)}; '{CliApp.ToolName} alerts list --store <store> --open' lists the open ones.");
        }

        AlertRecord record = StoreInput.Use(store, s => s.GetAlertsAsync(openOnly: false)).Single(a => a.Identity == identity && a.RaisedAt == raisedAt);
        TableOutput.Write(output, format, AlertsListCommand.Columns, [AlertsListCommand.Row(record)]);
        return ExitCodes.Success;
    }
}
