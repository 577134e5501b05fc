using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>Checks a health model against what happened: past snapshots scored, labelled by the churn that followed.</summary>
internal sealed class BacktestCommand : ICommand
{
    public string Name => "backtest";

    public string Summary => "How well a health model's past scores foresaw churn: AUC per horizon, churn by band, each signal's lead time.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["model", "history", StoreInput.Option, "from", "to", "outcomes", "horizon", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} backtest --model <model.json> --history <snapshots.csv> --outcomes <outcomes.csv> --horizon <30d,90d,180d> [--format csv|json]");
        output.WriteLine($"       {CliApp.ToolName} backtest --store <store> [--model <model.json>] [--from <yyyy-MM-dd>] [--to <yyyy-MM-dd>] --outcomes <outcomes.csv> --horizon <30d,90d,180d> [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --model <file>       the health model as JSON (docs/health-scoring.md)");
        output.WriteLine("  --history <file>     snapshots: account_id,as_of (yyyy-MM-dd) and one column per signal of the model (raw values; empty = missing)");
        output.WriteLine("  --store <store>      instead of --history: the snapshots the runs stored (a SQLite file or a PostgreSQL connection string),");
        output.WriteLine("                       of the latest date's model, scored with the model that run recorded unless --model is given;");
        output.WriteLine("                       --from and --to bound their dates (default: all)");
        output.WriteLine("  --outcomes <file>    account_id,churned_on,observed_until (dates; churned_on empty when the account did not churn);");
        output.WriteLine($"                       '{CliApp.ToolName} outcomes' derives it from an MRR file");
        output.WriteLine("  --horizon <days>     one or more horizons, comma-separated, such as 30d,90d,180d");
        output.WriteLine("  --format csv|json    output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output (csv): three tables, each with its header, separated by one empty line:");
        output.WriteLine("  horizon,snapshots,churned,auc,auc_low,auc_high,unexpected_churn_rate");
        output.WriteLine("  horizon,band,snapshots,churned,churn_rate,lift");
        output.WriteLine("  signal,horizon,auc,suggested_tag");
        output.WriteLine("Horizons are whole days; AUC and rates have 4 decimals; an undefined value is empty. json: the same tables");
        output.WriteLine("as arrays named summary, bands and signals. Definitions: docs/predictive.md.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        bool stored = line.Value(StoreInput.Option) is not null;
        if (stored && line.Value("history") is not null)
        {
            throw new UsageException("--history and --store are two sources of the same snapshots: give one.");
        }

        if (!stored && (line.Value("from") ?? line.Value("to")) is not null)
        {
            throw new UsageException("--from and --to bound the stored snapshots: they go with --store.");
        }

        string? modelPath = stored ? line.Value("model") : line.Required("model", "<model.json>");
        string? historyPath = stored ? null : line.Required("history", "<snapshots.csv>");
        string outcomesPath = line.Required("outcomes", "<outcomes.csv>");
        int[] horizons = HealthInput.Horizons(line.Required("horizon", "<30d,90d,180d>"), single: false);
        LocalDate from = StoreInput.Date(line, "from") ?? new LocalDate(1900, 1, 1), to = StoreInput.Date(line, "to") ?? new LocalDate(9999, 12, 31);
        if (to < from)
        {
            throw new UsageException($"--to {StoreInput.Text(to)} is before --from {StoreInput.Text(from)}.");
        }

        HealthModel model;
        ChurnHistory<double[]> history;
        if (stored)
        {
            (model, history) = StoredHistory.Read(StoreInput.Open(line), modelPath, outcomesPath, from, to);
        }
        else
        {
            model = HealthInput.Model(modelPath!);
            history = Predictive.ReadHistory(historyPath!, outcomesPath, [.. model.Signals.Select(s => s.Id)]);
        }

        SignalId[] signals = [.. model.Signals.Select(s => s.Id)];
        HealthScorer<double[]> scorer = HealthScorer.Create(model, HistoryCsv.ColumnSignals(signals));

        BacktestReport[] reports = [.. horizons.Select(h => HealthBacktest.Run(scorer, history, h))];
        IReadOnlyList<SignalLeadTime> leads = SignalLeadTime.Analyze(scorer, history, horizons);
        TableOutput.WriteTables(output, format,
            ("summary", ["horizon", "snapshots", "churned", "auc", "auc_low", "auc_high", "unexpected_churn_rate"],
                reports.Select(r => (IReadOnlyList<Cell>)[Cell.Of(r.HorizonDays), Cell.Of(r.Labelled), Cell.Of(r.Churned),
                    Predictive.Rounded(r.Auc), Predictive.Rounded(r.AucLow), Predictive.Rounded(r.AucHigh), Predictive.Rounded(r.UnexpectedChurn)])),
            ("bands", ["horizon", "band", "snapshots", "churned", "churn_rate", "lift"],
                reports.SelectMany(r => r.Bands.Select(b => (IReadOnlyList<Cell>)[Cell.Of(r.HorizonDays), Cell.Of(b.Band), Cell.Of(b.Snapshots),
                    Cell.Of(b.Churned), Predictive.Rounded(b.ChurnRate), Predictive.Rounded(b.Lift)]))),
            ("signals", ["signal", "horizon", "auc", "suggested_tag"],
                leads.SelectMany(s => s.AucByHorizon.Select(a => (IReadOnlyList<Cell>)[Cell.Of(s.Signal.Value), Cell.Of(a.HorizonDays),
                    Predictive.Rounded(a.Auc), Predictive.Tag(s.Suggested)]))));
        return ExitCodes.Success;
    }
}
