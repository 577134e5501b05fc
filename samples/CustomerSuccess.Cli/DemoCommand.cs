using System;
using System.Collections.Generic;
using System.IO;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>Writes the built-in demo data as CSV files that the other commands read back.</summary>
internal sealed class DemoCommand : ICommand
{
    public const string EventsFile = "events.csv";
    public const string FactsFile = "facts.csv";
    public const string RulesFile = "rules.txt";
    public const string SnapshotsFile = "snapshots.csv";
    public const string OutcomesFile = "outcomes.csv";
    public const string ModelFile = "model.json";
    public const string SubscriptionsFile = "subscriptions.csv";

    public string Name => "demo";

    public string Summary => "Write the built-in demo data (accounts, 24 months of MRR, exchange rates, contracts, events, facts, rules, health history, model, subscription log) as files.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "seed"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} demo --out <dir> [--seed <n>]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine($"  --out <dir>    folder to write {PortfolioCsv.AccountsFile}, {PortfolioCsv.MrrFile}, {PortfolioCsv.RatesFile}, {PortfolioCsv.ContractsFile},");
        output.WriteLine($"                 {EventsFile}, {FactsFile}, {RulesFile}, {SnapshotsFile}, {OutcomesFile}, {ModelFile} and {SubscriptionsFile}");
        output.WriteLine("                 into (created if missing)");
        output.WriteLine($"  --seed <n>     generate another portfolio of the same shape (default: {WingtipDemo.DefaultSeed})");
        output.WriteLine("  -h, --help     show this help");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string directory = line.Required("out", "<dir>");
        ulong seed = WingtipDemo.DefaultSeed;
        if (line.Value("seed") is { } seedText && !ulong.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"--seed must be a whole number from 0 to {ulong.MaxValue}, not '{CliText.Quote(seedText)}'.");
        }

        // The folder is made (and shown to be writable) before the generation, which takes seconds; the files are written to a
        // scratch folder inside it and moved into place only once all are written, so a failure leaves no half-written set.
        string scratch = Writable(directory);
        Portfolio portfolio = WingtipDemo.Generate(seed);
        DemoHistory history = DemoHistory.Generate(portfolio, seed);
        IReadOnlyDictionary<AccountId, AccountFacts> facts = history.Latest;
        IReadOnlyList<BehaviorEvent> events = DemoEvents.Generate(portfolio, facts, seed);
        try
        {
            PortfolioCsv.Write(portfolio, scratch);
            using (var writer = new StreamWriter(Path.Combine(scratch, EventsFile)))
            {
                EventCsv.Write(writer, events);
            }

            using (var writer = new StreamWriter(Path.Combine(scratch, FactsFile)))
            {
                FactCsv.Write(writer, DemoEvents.Facts(facts));
            }

            File.WriteAllText(Path.Combine(scratch, RulesFile), DemoRules.Text);
            using (var writer = new StreamWriter(Path.Combine(scratch, SnapshotsFile)))
            {
                HistoryCsv.WriteSnapshots(writer, DemoHealthModel.Signals, history.Snapshots);
            }

            using (var writer = new StreamWriter(Path.Combine(scratch, OutcomesFile)))
            {
                HistoryCsv.WriteOutcomes(writer, history.Outcomes);
            }

            File.WriteAllText(Path.Combine(scratch, ModelFile), HealthModelJson.Serialize(DemoHealthModel.Model));
            using (var writer = new StreamWriter(Path.Combine(scratch, SubscriptionsFile)))
            {
                SubscriptionCsv.Write(writer, portfolio.Subscriptions);
            }
            foreach (string file in Directory.GetFiles(scratch))
            {
                File.Move(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{directory}: cannot write the demo files: {CliText.Message(e)}");
        }
        finally
        {
            TryDelete(scratch);
        }

        output.WriteLine($"Wrote {portfolio.Accounts.Count} accounts, {portfolio.Snapshots.Count} monthly MRR rows, {portfolio.Rates.Count} exchange rates, {portfolio.Contracts.Count} contract lines, {events.Count} events, the facts, the rules, {history.Snapshots.Count} health snapshots, {history.Outcomes.Count} churn outcomes, the health model and {portfolio.Subscriptions.Count} subscription events to {directory}.");
        return ExitCodes.Success;
    }

    private static string Writable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            return Directory.CreateDirectory(Path.Combine(directory, $".demo-{Guid.NewGuid():N}")).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{CliText.Quote(directory)}: cannot create the folder for the demo files: {CliText.Message(e)}");
        }
    }

    private static void TryDelete(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover scratch folder is untidy, not wrong: the demo files are in place or the error says why not.
        }
    }
}
