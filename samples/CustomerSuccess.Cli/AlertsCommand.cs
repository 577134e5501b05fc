using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>Evaluates a rule set over an event file as of an instant and lists the alerts.</summary>
internal sealed class AlertsCommand : ICommand
{
    public string Name => "alerts";

    public string Summary => "Alerts a rule set raises over an event file as of an instant.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["rules", "events", "facts", "as-of", "format", Threads.Option, StoreInput.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} alerts --rules <rules.txt|rules.json> --events <events.csv> --as-of <instant> [--facts <facts.csv>] [--store <store>] [--format csv|json] [--threads <n>]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --rules <file>      the rule set in the text form (.txt) or JSON (.json); see docs/behaviors.md");
        output.WriteLine("  --events <file>     CSV: account_id,user_id,event,occurred_at,value (occurred_at ISO 8601 UTC; user_id and value may be empty; value defaults to 1)");
        output.WriteLine("  --as-of <instant>   evaluate as of this instant, such as 2026-11-17T09:00:00Z; later events do not exist");
        output.WriteLine("  --facts <file>      optional CSV: account_id,fact,value, read by fact(name); its accounts are judged too");
        output.WriteLine("  --store <store>     a SQLite file or PostgreSQL connection string: cooldowns run from its alerts, which record these");
        output.WriteLine("  --format csv|json   output format (default csv)");
        output.WriteLine(Threads.Help(22));
        output.WriteLine();
        output.WriteLine("Output: account_id,rule_id,kind,severity,evidence, by account id, then rule order, then user.");
        output.WriteLine("Evidence lists every leaf as 'leaf = observed (condition)', joined with '; '. Without --store no cooldowns apply");
        output.WriteLine("(no earlier alerts are read); with it, an alert within its rule's cooldown of the stored one is not raised.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        Instant asOf = BehaviorInput.AsOf(line);
        RuleSet rules = BehaviorInput.Rules(line.Required("rules", "<rules.txt|rules.json>"));
        BehaviorInput.WarnAboutFacts(line, rules);
        BehaviorEvaluator evaluator = BehaviorInput.Evaluator(line);
        IEnumerable<AccountId>? withFacts = evaluator.Facts is AccountFacts facts ? facts.Accounts : null;
        CliStore? store = line.Value(StoreInput.Option) is null ? null : StoreInput.Open(line);
        IEnumerable<Alert>? earlier = store is null ? null : StoreInput.Use(store, s => s.GetLatestAsync(asOf)).Select(a => a.ToAlert());
        IReadOnlyList<Alert> alerts = evaluator.Alerts(rules, new SignalContext(asOf, DateTimeZone.Utc), earlier, withFacts);
        if (store is not null)
        {
            StoreInput.Use(store, s => s.RecordAlertsAsync(alerts));
        }

        TableOutput.Write(output, format, ["account_id", "rule_id", "kind", "severity", "evidence"], alerts.Select(a => (IReadOnlyList<Cell>)
        [
            Cell.Of(a.Account.Value), Cell.Of(a.RuleId), Cell.Of(a.Kind.ToString().ToLowerInvariant()), Cell.Of(a.Severity.ToString().ToLowerInvariant()), Cell.Of(EvidenceOf(a)),
        ]));
        return ExitCodes.Success;
    }

    // A per-user alert names its user first, so that two alerts of one rule and account stay apart.
    private static string EvidenceOf(Alert alert) => alert.Key is null ? alert.EvidenceText() : $"user {alert.Key}: {alert.EvidenceText()}";
}
