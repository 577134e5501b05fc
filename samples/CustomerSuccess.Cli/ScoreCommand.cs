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

    public IReadOnlyCollection<string> ValueOptions { get; } = ["model", "accounts", "as-of", "format", Threads.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = ["explain"];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} score --model <model.json> --accounts <accounts.csv> [--as-of <instant>] [--explain] [--format csv|json] [--threads <n>]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --model <file>       the health model as JSON (docs/health-scoring.md)");
        output.WriteLine("  --accounts <file>    CSV with account_id and one column per signal id of the model (raw values; empty = missing)");
        output.WriteLine("  --as-of <instant>    the as-of instant, such as 2026-09-08T00:00:00Z (default: now)");
        output.WriteLine("  --explain            add one column per signal: its contribution in points");
        output.WriteLine("  --format csv|json    output format (default csv)");
        output.WriteLine(Threads.Help(23));
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
        int threads = Threads.Read(line);
        (List<string> ids, double[][] columns) = ReadAccounts(accountsPath, model, threads);
        HealthScorer<double[]> scorer = HealthScorer.Create(model, HistoryCsv.ColumnSignals([.. model.Signals.Select(s => s.Id)], "accounts"));
        var context = new SignalContext(asOf, DateTimeZone.Utc);
        bool explain = line.Flag("explain");

        var header = new List<string> { "account_id", "score", "band" };
        if (explain)
        {
            header.AddRange(model.Signals.Select(s => s.Id.Value));
        }

        // Accounts are independent: parts of the rows are scored on several cores, each row's result in its own slot.
        Progress.Stage("scoring");
        var scores = new HealthScore[ids.Count];
        HealthExplanation[]? explanations = explain ? new HealthExplanation[ids.Count] : null;
        Threads.For(ids.Count, threads, 4096, (start, count) =>
        {
            if (explanations is null)
            {
                scorer.ScoreColumns(columns, start, count, asOf, scores);
                return;
            }

            var raw = new double[columns.Length];
            for (int r = start; r < start + count; r++)
            {
                for (int c = 0; c < raw.Length; c++)
                {
                    raw[c] = columns[c][r];
                }

                explanations[r] = scorer.Explain(raw, context);
            }
        });

        TableOutput.Write(output, format, header, Enumerable.Range(0, ids.Count).Select(r =>
        {
            var cells = new List<Cell>(header.Count) { Cell.Of(ids[r]) };
            if (explanations is { } all)
            {
                HealthExplanation why = all[r];
                cells.AddRange(ScoreCells(why.Score));
                cells.AddRange(why.Signals.Select(s => why.Score.HasValue ? Number(s.Contribution) : Cell.Empty));
            }
            else
            {
                cells.AddRange(ScoreCells(scores[r]));
            }

            return (IReadOnlyList<Cell>)cells;
        }));
        return ExitCodes.Success;
    }

    private static Cell[] ScoreCells(HealthScore score) =>
        score.HasValue ? [Number(score.Value), Cell.Of(score.Band!.Value.Name)] : [Cell.Empty, Cell.Empty];

    private static Cell Number(double value) => Cell.Of(Math.Round((decimal)value, 10));

    // The file straight into one column per signal (missing = NaN), as the columnar scorer takes them: no array per row.
    // A CSV file is parsed on up to `threads` cores (ParallelCsv), each range into its own columns, and its rows taken
    // in file order, so the columns (and any error) are the ones one core gives.
    internal static (List<string> Ids, double[][] Columns) ReadAccounts(string path, HealthModel model, int threads = 1)
    {
        SignalId[] signals = [.. model.Signals.Select(s => s.Id)];
        string[] required = ["account_id", .. signals.Select(s => s.Value)];
        var ids = new List<string>();
        var columns = new List<double>[signals.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = [];
        }

        if (ParallelCsv.TrySplit(path, required, threads, ParallelCsv.RangeBytes, out IReadOnlyList<CsvRange> ranges, out IReadOnlyList<string> header))
        {
            // The shortest row: a one-character id and every signal empty ("a,,,"), with its line break.
            var reader = new ParallelCsv<AccountRow, RangeValues>(path, header, signals.Length + 2, () => new RangeValues(signals.Length), (record, values) => values.Add(record, signals));
            foreach ((AccountRow row, _) in reader.Read(ranges, threads))
            {
                ids.Add(row.Id);
                for (int c = 0; c < columns.Length; c++)
                {
                    columns[c].Add(row.Values.Columns[c][row.Index]);
                }
            }
        }
        else
        {
            using TableReader reader = TableReader.Open(path, required);
            while (reader.Read() is { } record)
            {
                ids.Add(MrrCsv.ParseAccountId(record).Value);
                for (int c = 0; c < signals.Length; c++)
                {
                    columns[c].Add(HistoryCsv.RawValue(record, signals[c].Value));
                }
            }
        }

        return (ids, [.. columns.Select(c => c.ToArray())]);
    }

    // An account row read on a pool thread: its id, and where its values are in its range's columns.
    private readonly record struct AccountRow(string Id, RangeValues Values, int Index);

    // One range's signal values, a column per signal, filled as its rows are parsed.
    private sealed class RangeValues(int signals)
    {
        public List<double>[] Columns { get; } = [.. Enumerable.Range(0, signals).Select(_ => new List<double>())];

        private int _rows;

        public AccountRow Add(TableRecord record, SignalId[] signals)
        {
            string id = MrrCsv.ParseAccountId(record).Value;
            for (int c = 0; c < signals.Length; c++)
            {
                Columns[c].Add(HistoryCsv.RawValue(record, signals[c].Value));
            }

            return new AccountRow(id, this, _rows++);
        }
    }
}
