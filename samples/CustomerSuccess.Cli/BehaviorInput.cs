using System;
using System.IO;
using System.Text.Json;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Cli.Csv;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>What <c>alerts</c> and <c>segment</c> read: events, optional facts, rules and the as-of instant.</summary>
internal static class BehaviorInput
{
    public static Instant AsOf(CommandLine line)
    {
        string text = line.Required("as-of", "<instant>");
        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--as-of '{CliText.Quote(text)}' is not an instant; use ISO 8601 in UTC, such as 2026-11-17T09:00:00Z.");
    }

    public static BehaviorEvaluator Evaluator(CommandLine line)
    {
        EventStore store = EventCsv.ReadStore(line.Required("events", "<events.csv>"));
        return new BehaviorEvaluator(store, line.Value("facts") is { } facts ? FactCsv.Read(facts) : null);
    }

    public static RuleSet Rules(string path)
    {
        string text = InputFiles.ReadText(path);
        try
        {
            return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? BehaviorJson.DeserializeRules(text) : RuleSet.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(CliText.Json(path, e));
        }
        catch (BehaviorSyntaxException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    public static BehaviorPredicate Predicate(string text)
    {
        try
        {
            return BehaviorPredicate.Parse(text);
        }
        catch (BehaviorSyntaxException e)
        {
            throw new UsageException($"--where: {CliText.Message(e)}");
        }
    }
}
