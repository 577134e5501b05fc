using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Cli;

/// <summary>Checks a health model against what happened: past snapshots scored, labelled by the churn that followed.</summary>
internal sealed class BacktestCommand : ICommand
{
    public string Name => "backtest";

    public string Summary => "How well a health model's past scores foresaw churn: AUC per horizon, churn by band, each signal's lead time.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["model", "history", "outcomes", "horizon", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} backtest --model <model.json> --history <snapshots.csv> --outcomes <outcomes.csv> --horizon <30d,90d,180d> [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --model <file>       the health model as JSON (docs/health-scoring.md)");
        output.WriteLine("  --history <file>     snapshots: account_id,as_of (yyyy-MM-dd) and one column per signal of the model (raw values; empty = missing)");
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
        string modelPath = line.Required("model", "<model.json>");
        string historyPath = line.Required("history", "<snapshots.csv>");
        string outcomesPath = line.Required("outcomes", "<outcomes.csv>");
        int[] horizons = HealthInput.Horizons(line.Required("horizon", "<30d,90d,180d>"), single: false);

        HealthModel model = HealthInput.Model(modelPath);
        SignalId[] signals = [.. model.Signals.Select(s => s.Id)];
        ChurnHistory<double[]> history = Predictive.ReadHistory(historyPath, outcomesPath, signals);
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
