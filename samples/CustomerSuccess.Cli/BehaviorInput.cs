using System;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Cli.Csv;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>What <c>alerts</c> and <c>segment</c> read: events, optional facts, rules and the as-of instant.</summary>
internal static class BehaviorInput
{
    // The instants the behavior engine evaluates at (EventTime's range): events and as-of instants are nanoseconds in 64 bits.
    internal static readonly Instant Earliest = Instant.FromUtc(1900, 1, 1, 0, 0);
    internal static readonly Instant Latest = Instant.FromUtc(2200, 12, 31, 23, 59, 59);

    public static Instant AsOf(CommandLine line)
    {
        string text = line.Required("as-of", "<instant>");
        Instant asOf = InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--as-of '{CliText.Quote(text)}' is not an instant; use ISO 8601 in UTC, such as 2026-11-17T09:00:00Z.");
        return asOf >= Earliest && asOf <= Latest
            ? asOf
            : throw new UsageException($"--as-of {CliText.Quote(text)} is outside the supported range {InstantPattern.ExtendedIso.Format(Earliest)} to {InstantPattern.ExtendedIso.Format(Latest)}.");
    }

    /// <summary>Warns, naming the rules, when rules read facts and no facts file was given: those rules cannot fire.</summary>
    public static void WarnAboutFacts(CommandLine line, RuleSet rules)
    {
        string[] reading = rules.Where(r => r.When.FactNamesUsed().Count > 0).Select(r => $"rule '{r.Id}' ({Facts(r.When)})").ToArray();
        if (line.Value("facts") is null && reading.Length > 0)
        {
            line.Warnings.Add($"no --facts file was given, so {string.Join(", ", reading)} cannot fire: every fact is undefined. Pass --facts <file>.");
        }
    }

    /// <summary>Warns when the predicate reads facts and no facts file was given: a fact leaf is then undefined.</summary>
    public static void WarnAboutFacts(CommandLine line, BehaviorPredicate predicate)
    {
        if (line.Value("facts") is null && predicate.FactNamesUsed().Count > 0)
        {
            line.Warnings.Add($"no --facts file was given, so {Facts(predicate)} is undefined for every account. Pass --facts <file>.");
        }
    }

    private static string Facts(BehaviorPredicate predicate) => string.Join(", ", predicate.FactNamesUsed().Select(f => $"fact({f})"));

    public static BehaviorEvaluator Evaluator(CommandLine line)
    {
        int threads = Threads.Read(line); // a bad --threads is a usage error before any file is read
        EventStore store = EventCsv.ReadStore(line.Required("events", "<events.csv>"), threads);
        return new BehaviorEvaluator(store, line.Value("facts") is { } facts ? FactCsv.Read(facts) : null) { MaxDegreeOfParallelism = threads };
    }

    public static RuleSet Rules(string path)
    {
        string text = InputFiles.ReadText(path);
        try
        {
            return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? BehaviorJson.DeserializeRules(text) : RuleSet.Parse(text);
        }
        catch (CustomerSuccessValidationException e) when (e.InnerException is JsonException malformed)
        {
            throw new InputException(CliText.Json(path, malformed, text));
        }
        catch (CustomerSuccessValidationException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
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
