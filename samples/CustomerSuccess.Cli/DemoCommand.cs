using System;
using System.Collections.Generic;
using System.IO;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>Writes the built-in demo data as CSV files that the other commands read back.</summary>
internal sealed class DemoCommand : ICommand
{
    public const string EventsFile = "events.csv";
    public const string FactsFile = "facts.csv";
    public const string RulesFile = "rules.txt";

    public string Name => "demo";

    public string Summary => "Write the built-in demo data (accounts, 24 months of MRR, exchange rates, contracts, events, facts, rules) as files.";

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
        output.WriteLine($"                 {EventsFile}, {FactsFile} and {RulesFile} into (created if missing)");
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

        Portfolio portfolio = WingtipDemo.Generate(seed);
        IReadOnlyDictionary<AccountId, AccountFacts> facts = DemoFacts.Generate(portfolio, seed);
        IReadOnlyList<BehaviorEvent> events = DemoEvents.Generate(portfolio, facts, seed);
        try
        {
            PortfolioCsv.Write(portfolio, directory);
            using (var writer = new StreamWriter(Path.Combine(directory, EventsFile)))
            {
                EventCsv.Write(writer, events);
            }

            using (var writer = new StreamWriter(Path.Combine(directory, FactsFile)))
            {
                FactCsv.Write(writer, DemoEvents.Facts(facts));
            }

            File.WriteAllText(Path.Combine(directory, RulesFile), DemoRules.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{directory}: cannot write the demo files: {CliText.Message(e)}");
        }

        output.WriteLine($"Wrote {portfolio.Accounts.Count} accounts, {portfolio.Snapshots.Count} monthly MRR rows, {portfolio.Rates.Count} exchange rates, {portfolio.Contracts.Count} contract lines, {events.Count} events, the facts and the rules to {directory}.");
        return ExitCodes.Success;
    }
}
