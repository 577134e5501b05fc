using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;
using DemoAccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>
/// The daily loop against a store (issue 18): score every account with the stored overrides applied, evaluate the rules
/// with cooldowns measured from the stored alerts, and record the snapshots, the new alerts and the run in one transaction,
/// once per as-of date.
/// </summary>
internal sealed class RunCommand : ICommand
{
    public static readonly string[] Columns = ["as_of", "accounts_scored", "green", "yellow", "red", "undefined", "new_alerts", "suppressed_by_cooldown"];

    public string Name => "run";

    public string Summary => "Score every account and raise alerts as of a date, recording both in a store (overrides and cooldowns applied).";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "as-of", "format", "model", "accounts", "rules", "events", "facts", Threads.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} run --store <store> [--as-of <yyyy-MM-dd>] [--model <model.json> --accounts <accounts.csv>] [--rules <rules> --events <events.csv> [--facts <facts.csv>]] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --store <store>      a SQLite file (created with its schema on first use) or a PostgreSQL connection string");
        output.WriteLine("  --as-of <date>       the date to run as of, judged at its last second in UTC (default: the demo's last day,");
        output.WriteLine("                       2026-10-31, on the demo data; today otherwise)");
        output.WriteLine("  --model, --accounts  the health model and the accounts' signal values, as 'score' reads them");
        output.WriteLine("  --rules, --events    the rule set and the event file, as 'alerts' reads them; --facts optional");
        output.WriteLine("  --format csv|json    output format (default csv)");
        output.WriteLine();
        output.WriteLine("With no inputs it runs on the built-in demo data. Running a date already recorded records nothing and");
        output.WriteLine("prints the recorded run (a stored snapshot is the answer as of its date; it is never recomputed).");
        output.WriteLine();
        output.WriteLine("Output: " + string.Join(',', Columns) + " (one row).");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        Instant started = SystemClock.Instance.GetCurrentInstant();
        bool scoresFromFiles = Pair(line, "model", "accounts");
        bool alertsFromFiles = Pair(line, "rules", "events");
        if (line.Value("facts") is not null && !alertsFromFiles)
        {
            throw new UsageException("--facts goes with --rules and --events.");
        }

        bool demo = !scoresFromFiles && !alertsFromFiles;
        int threads = Threads.Read(line);
        LocalDate asOf = StoreInput.Date(line, "as-of")
            ?? (demo ? DemoFacts.AsOf.InUtc().Date : started.InUtc().Date);
        CliStore store = StoreInput.Open(line);
        if (StoreInput.Use(store, s => s.GetRunAsync(asOf)) is { } recorded)
        {
            line.Warnings.Add($"{StoreInput.Text(asOf)} is recorded already (run {recorded.Id}); nothing was written.");
            Write(output, format, recorded);
            return ExitCodes.Success;
        }

        Instant at = StoreInput.EndOf(asOf);
        var context = new SignalContext(at, DateTimeZone.Utc);
        IReadOnlyDictionary<AccountId, ManualOverride> overrides = OverrideRecord.InForce(StoreInput.Use(store, s => s.GetOverridesAsync()), at);

        Portfolio? portfolio = demo ? WingtipDemo.Generate() : null;
        IReadOnlyDictionary<AccountId, DemoAccountFacts>? facts = portfolio is null ? null : DemoFacts.Generate(portfolio);
        Progress.Stage("scoring");
        // The model is recorded with the run, so that the stored history can be backtested with it later.
        HealthModel[] models = demo ? [DemoHealthModel.Model] : scoresFromFiles ? [HealthInput.Model(line.Required("model", "<model.json>"))] : [];
        IReadOnlyList<ScoreSnapshot> snapshots = demo ? DemoScores(portfolio!, facts!, asOf, context, overrides)
            : scoresFromFiles ? FileScores(line, models[0], asOf, context, overrides, threads) : [];
        Progress.Stage("evaluating the rules");
        (IReadOnlyList<Alert> alerts, int suppressed) = demo || alertsFromFiles ? Alerts(line, store, portfolio, facts, context, threads) : ([], 0);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["accounts_scored"] = snapshots.Count,
            ["green"] = snapshots.Count(s => s.Band == "green"),
            ["yellow"] = snapshots.Count(s => s.Band == "yellow"),
            ["red"] = snapshots.Count(s => s.Band == "red"),
            ["undefined"] = snapshots.Count(s => s.Score is null),
            ["new_alerts"] = alerts.Count,
            ["suppressed_by_cooldown"] = suppressed,
        };
        Progress.Stage("recording the run");
        var run = new RunRecord(Guid.NewGuid(), asOf, started, SystemClock.Instance.GetCurrentInstant(), counts);
        if (!StoreInput.Use(store, s => s.RecordRunAsync(run, snapshots, alerts, models)))
        {
            // Another run of the same date committed first: its record is the answer.
            RunRecord first = StoreInput.Use(store, s => s.GetRunAsync(asOf))!;
            line.Warnings.Add($"{StoreInput.Text(asOf)} was recorded by another run (run {first.Id}) while this one worked; nothing was written.");
            run = first;
        }

        Write(output, format, run);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, string format, RunRecord run) =>
        TableOutput.Write(output, format, Columns,
            [[Cell.Of(StoreInput.Text(run.AsOf)), .. Columns.Skip(1).Select(c => Cell.Of(run.Count(c)))]]);

    private static bool Pair(CommandLine line, string first, string second) => (line.Value(first), line.Value(second)) switch
    {
        (null, null) => false,
        (not null, not null) => true,
        _ => throw new UsageException($"--{first} and --{second} go together: give both, or neither."),
    };

    private static List<ScoreSnapshot> DemoScores(Portfolio portfolio, IReadOnlyDictionary<AccountId, DemoAccountFacts> facts, LocalDate asOf, SignalContext context, IReadOnlyDictionary<AccountId, ManualOverride> overrides)
    {
        HealthModel model = DemoHealthModel.Model;
        string hash = ScoreSnapshot.HashOf(model);
        HealthScorer<DemoAccountFacts> scorer = HealthScorer.Create(model, DemoHealthModel.Signals);
        return [.. portfolio.Accounts.Where(a => facts.ContainsKey(a.Id)).OrderBy(a => a.Id.Value, StringComparer.Ordinal)
            .Select(a => ScoreSnapshot.Of(a.Id, asOf, model.Name, hash, scorer.Explain(facts[a.Id], context, overrides.GetValueOrDefault(a.Id))))];
    }

    private static ScoreSnapshot[] FileScores(CommandLine line, HealthModel model, LocalDate asOf, SignalContext context, IReadOnlyDictionary<AccountId, ManualOverride> overrides, int threads)
    {
        string hash = ScoreSnapshot.HashOf(model);
        (List<string> ids, double[][] columns) = ScoreCommand.ReadAccounts(line.Required("accounts", "<accounts.csv>"), model, threads);
        HealthScorer<double[]> scorer = HealthScorer.Create(model, Csv.HistoryCsv.ColumnSignals([.. model.Signals.Select(s => s.Id)], "accounts"));
        var snapshots = new ScoreSnapshot[ids.Count];
        Threads.For(ids.Count, threads, 1024, (start, count) =>
        {
            var raw = new double[columns.Length];
            for (int r = start; r < start + count; r++)
            {
                for (int c = 0; c < raw.Length; c++)
                {
                    raw[c] = columns[c][r];
                }

                var account = new AccountId(ids[r]);
                snapshots[r] = ScoreSnapshot.Of(account, asOf, model.Name, hash, scorer.Explain(raw, context, overrides.GetValueOrDefault(account)));
            }
        });

        return snapshots;
    }

    // The alerts the rules raise with the stored cooldowns, and how many more they would raise without them.
    private static (IReadOnlyList<Alert> Alerts, int Suppressed) Alerts(CommandLine line, CliStore store, Portfolio? portfolio, IReadOnlyDictionary<AccountId, DemoAccountFacts>? facts, SignalContext context, int threads)
    {
        BehaviorEvaluator evaluator;
        RuleSet rules;
        IEnumerable<AccountId>? more;
        if (portfolio is not null)
        {
            evaluator = DemoEvents.CreateEvaluator(portfolio, facts!);
            rules = RuleSet.Parse(DemoRules.Text);
            more = facts!.Keys;
        }
        else
        {
            rules = BehaviorInput.Rules(line.Required("rules", "<rules.txt|rules.json>"));
            BehaviorInput.WarnAboutFacts(line, rules);
            evaluator = BehaviorInput.Evaluator(line);
            more = evaluator.Facts is Behaviors.AccountFacts known ? known.Accounts : null;
        }

        IReadOnlyList<AlertRecord> latest = StoreInput.Use(store, s => s.GetLatestAsync(context.AsOf));
        IReadOnlyList<Alert> alerts = evaluator.Alerts(rules, context, latest.Select(a => a.ToAlert()), more);
        int unsuppressed = latest.Count == 0 ? alerts.Count : evaluator.Alerts(rules, context, null, more).Count;
        return (alerts, unsuppressed - alerts.Count);
    }
}
