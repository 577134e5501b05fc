using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>Lists the accounts that match a predicate over an event file as of an instant.</summary>
internal sealed class SegmentCommand : ICommand
{
    public string Name => "segment";

    public string Summary => "Accounts matching a behavior predicate over an event file as of an instant.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["where", "events", "facts", "as-of", "format", Threads.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} segment --where \"<predicate>\" --events <events.csv> --as-of <instant> [--facts <facts.csv>] [--format csv|json] [--threads <n>]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --where \"<expr>\"    the predicate in the text form, such as \"count(support_case_opened, last 7d) >= 5\"");
        output.WriteLine("  --events <file>     CSV: account_id,user_id,event,occurred_at,value");
        output.WriteLine("  --as-of <instant>   evaluate as of this instant, such as 2026-11-17T09:00:00Z");
        output.WriteLine("  --facts <file>      optional CSV: account_id,fact,value, read by fact(name); its accounts are judged too");
        output.WriteLine("  --format csv|json   output format (default csv)");
        output.WriteLine(Threads.Help(22));
        output.WriteLine();
        output.WriteLine("Output: account_id,evidence, one row per matching account, by account id.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        BehaviorPredicate predicate = BehaviorInput.Predicate(line.Required("where", "\"<predicate>\""));
        Instant asOf = BehaviorInput.AsOf(line);
        BehaviorInput.WarnAboutFacts(line, predicate);
        BehaviorEvaluator evaluator = BehaviorInput.Evaluator(line);
        IEnumerable<AccountId>? withFacts = evaluator.Facts is AccountFacts facts ? facts.Accounts : null;
        IReadOnlyList<PredicateResult> matches = evaluator.Segment(predicate, new SignalContext(asOf, DateTimeZone.Utc), withFacts);
        TableOutput.Write(output, format, ["account_id", "evidence"], matches.Select(m => (IReadOnlyList<Cell>)[Cell.Of(m.Account.Value), Cell.Of(m.ToString())]));
        return ExitCodes.Success;
    }
}
