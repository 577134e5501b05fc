using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Scores accounts whose signal values are in a CSV file with a health model from a JSON file.</summary>
internal sealed class ScoreCommand : ICommand
{
    public string Name => "score";

    public string Summary => "Health scores and bands for accounts whose raw signal values are in a CSV file.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["model", "accounts", "as-of", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = ["explain"];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} score --model <model.json> --accounts <accounts.csv> [--as-of <instant>] [--explain] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --model <file>       the health model as JSON (docs/health-scoring.md)");
        output.WriteLine("  --accounts <file>    CSV with account_id and one column per signal id of the model (raw values; empty = missing)");
        output.WriteLine("  --as-of <instant>    the as-of instant, such as 2026-09-08T00:00:00Z (default: now)");
        output.WriteLine("  --explain            add one column per signal: its contribution in points");
        output.WriteLine("  --format csv|json    output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: account_id,score,band (score and band empty when undefined), in the file's order; with --explain,");
        output.WriteLine("then one column per signal id in model order. Contributions add up to the weighted score.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string modelPath = line.Required("model", "<model.json>");
        string accountsPath = line.Required("accounts", "<accounts.csv>");
        Instant asOf = line.Value("as-of") is { } text
            ? InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
                ? parsed.Value
                : throw new UsageException($"--as-of '{CliText.Quote(text)}' is not an instant; use ISO 8601 in UTC, such as 2026-09-08T00:00:00Z.")
            : SystemClock.Instance.GetCurrentInstant();

        HealthModel model = HealthInput.Model(modelPath);
        (List<string> ids, List<double[]> rows) = ReadAccounts(accountsPath, model);
        HealthScorer<double[]> scorer = HealthScorer.Create(model, HistoryCsv.ColumnSignals([.. model.Signals.Select(s => s.Id)], "accounts"));
        var context = new SignalContext(asOf, DateTimeZone.Utc);
        bool explain = line.Flag("explain");

        var columns = new List<string> { "account_id", "score", "band" };
        if (explain)
        {
            columns.AddRange(model.Signals.Select(s => s.Id.Value));
        }

        TableOutput.Write(output, format, columns, rows.Select((raw, r) =>
        {
            var cells = new List<Cell>(columns.Count) { Cell.Of(ids[r]) };
            if (explain)
            {
                HealthExplanation why = scorer.Explain(raw, context);
                cells.AddRange(ScoreCells(why.Score));
                cells.AddRange(why.Signals.Select(s => why.Score.HasValue ? Number(s.Contribution) : Cell.Empty));
            }
            else
            {
                cells.AddRange(ScoreCells(scorer.Score(raw, context)));
            }

            return (IReadOnlyList<Cell>)cells;
        }));
        return ExitCodes.Success;
    }

    private static Cell[] ScoreCells(HealthScore score) =>
        score.HasValue ? [Number(score.Value), Cell.Of(score.Band!.Value.Name)] : [Cell.Empty, Cell.Empty];

    private static Cell Number(double value) => Cell.Of(Math.Round((decimal)value, 10));

    private static (List<string> Ids, List<double[]> Rows) ReadAccounts(string path, HealthModel model)
    {
        SignalId[] signals = [.. model.Signals.Select(s => s.Id)];
        string[] required = ["account_id", .. signals.Select(s => s.Value)];
        var ids = new List<string>();
        var rows = new List<double[]>();
        using CsvReader reader = CsvReader.Open(path, required);
        while (reader.Read() is { } record)
        {
            ids.Add(MrrCsv.ParseAccountId(record).Value);
            rows.Add(HistoryCsv.RawValues(record, signals));
        }

        return (ids, rows);
    }
}
