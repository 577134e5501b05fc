using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Cli;

/// <summary>Learns a health model's weights from what happened, and writes it as an ordinary model file.</summary>
internal sealed class FitCommand : ICommand
{
    private const string PercentileCurves = "linear between the 5th and 95th percentiles, in the direction the data show";

    public string Name => "fit";

    public string Summary => "Fits a health model's weights to past snapshots and the churn that followed; writes a model file.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["history", "outcomes", "horizon", "out", "model", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} fit --history <snapshots.csv> --outcomes <outcomes.csv> --horizon <90d> --out <model.json> [--model <start.json>] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --history <file>     snapshots: account_id,as_of (yyyy-MM-dd) and one column per signal (raw values; empty = missing)");
        output.WriteLine("  --outcomes <file>    account_id,churned_on,observed_until ('outcomes' derives it from an MRR file)");
        output.WriteLine("  --horizon <days>     the horizon the model should foresee churn within, such as 90d");
        output.WriteLine("  --out <file>         where to write the fitted model (JSON, with its provenance); replaced only on success");
        output.WriteLine("  --model <file>       a model whose signals and curves are kept, only the weights fitted; without it every");
        output.WriteLine("                       column of the history is a signal with a linear curve between its 5th and 95th");
        output.WriteLine("                       percentiles, rising or falling as the data show");
        output.WriteLine("  --format csv|json    output format (default csv)");
        output.WriteLine();
        output.WriteLine("Output: two tables (csv: separated by one empty line; json: arrays named signals and fit):");
        output.WriteLine("  signal,curve,zero_at,full_at,weight,dropped_because");
        output.WriteLine("  horizon,snapshots,churned,in_sample_auc,cross_validated_auc,folds,lambda");
        output.WriteLine("Weights are those of the written model; a dropped signal has weight 0 and the reason. Definitions: docs/predictive.md.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string historyPath = line.Required("history", "<snapshots.csv>");
        string outcomesPath = line.Required("outcomes", "<outcomes.csv>");
        int horizon = HealthInput.Horizons(line.Required("horizon", "<90d>"), single: true)[0];
        string outPath = line.Required("out", "<model.json>");
        string? startPath = line.Value("model");

        HealthModel? given = startPath is null ? null : HealthInput.Model(startPath);
        SignalId[] signals = given is null ? HistoryCsv.SignalColumns(historyPath) : [.. given.Signals.Select(s => s.Id)];
        ChurnHistory<double[]> history = Predictive.ReadHistory(historyPath, outcomesPath, signals);
        ISignal<double[]>[] columns = HistoryCsv.ColumnSignals(signals);
        HealthModel start = given ?? PercentileModel(Path.GetFileNameWithoutExtension(outPath), history, signals, columns, horizon, historyPath, line.Warnings);

        FittedModel fitted;
        try
        {
            fitted = HealthModelFitter.Fit(HealthScorer.Create(start, columns), history, horizon);
        }
        catch (InvalidOperationException e)
        {
            throw new InputException($"{historyPath}: cannot fit a model at {horizon}d: {CliText.Message(e)}");
        }

        Dictionary<SignalId, string> dropped = fitted.Dropped.ToDictionary(d => d.Signal, d => d.Reason);
        IList<HealthSignalOptions> curves = HealthModelOptions.FromModel(fitted.Model).Signals;
        TableOutput.WriteTables(output, format,
            ("signals", ["signal", "curve", "zero_at", "full_at", "weight", "dropped_because"],
                fitted.Model.Signals.Select((s, i) => (IReadOnlyList<Cell>)[Cell.Of(s.Id.Value), Cell.Of(curves[i].Curve!.Kind.ToString().ToLowerInvariant()), .. Bounds(curves[i].Curve!),
                    Predictive.Number(s.Weight), dropped.TryGetValue(s.Id, out string? why) ? Cell.Of(why) : Cell.Empty])),
            ("fit", ["horizon", "snapshots", "churned", "in_sample_auc", "cross_validated_auc", "folds", "lambda"],
                [[Cell.Of(horizon), Cell.Of(fitted.Provenance.Snapshots), Cell.Of(fitted.Provenance.Churned), Predictive.Rounded(fitted.Provenance.InSampleAuc),
                    Predictive.Rounded(fitted.Provenance.CrossValidatedAuc), Cell.Of(fitted.Provenance.Folds), Predictive.Number(fitted.Provenance.Lambda)]]));

        // Last, once everything else has succeeded: the file is replaced whole or not at all.
        InputFiles.Replace(outPath, HealthModelJson.Serialize(fitted, given is null ? PercentileCurves : $"kept from {Path.GetFileName(startPath)}"));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The starting model without --model: each signal linear between its 5th and 95th percentiles, rising when higher
    /// values went with less churn at the horizon and falling otherwise (said on standard error).
    /// </summary>
    private static HealthModel PercentileModel(string name, ChurnHistory<double[]> history, SignalId[] signals, ISignal<double[]>[] columns, int horizon, string historyPath, List<string> warnings)
    {
        var rising = new List<(SignalId Id, double Low, double High)>();
        for (int i = 0; i < signals.Length; i++)
        {
            double[] present = [.. history.Snapshots.Select(s => s.State[i]).Where(v => !double.IsNaN(v))];
            if (present.Length == 0)
            {
                throw new InputException($"{historyPath}: signal '{signals[i]}' has no value in any snapshot; fill it or drop the column.");
            }

            Array.Sort(present);
            double low = Percentile(present, 0.05), high = Percentile(present, 0.95);
            if (!(high > low))
            {
                warnings.Add($"signal '{signals[i]}' has the same value ({low.ToString(CultureInfo.InvariantCulture)}) at its 5th and 95th percentiles, so it cannot rank accounts; left out.");
                continue;
            }

            rising.Add((signals[i], low, high));
        }

        if (rising.Count == 0)
        {
            throw new InputException($"{historyPath}: nothing can be fitted: {string.Join(", ", signals.Select(s => $"signal '{s}'"))} {(signals.Length == 1 ? "has" : "each have")} the same value at the 5th and 95th percentiles.");
        }

        // Each signal's own AUC with a rising curve says its direction: below 0.5, higher values went with more churn.
        HealthModel.Builder probe = HealthModel.CreateBuilder(name);
        foreach ((SignalId id, double low, double high) in rising)
        {
            probe.AddSignal(new HealthSignalDefinition(id, Curve.Linear(low, high)));
        }

        Dictionary<SignalId, double?> auc = SignalLeadTime.Analyze(HealthScorer.Create(probe.Build(), columns), history, horizon)
            .ToDictionary(s => s.Signal, s => s.AucByHorizon[0].Auc);
        HealthModel.Builder builder = HealthModel.CreateBuilder(name);
        foreach ((SignalId id, double low, double high) in rising)
        {
            bool falls = auc[id] is < 0.5;
            builder.AddSignal(new HealthSignalDefinition(id, falls ? Curve.Linear(high, low) : Curve.Linear(low, high)));
        }

        return builder.Build();
    }

    // Linear interpolation between the order statistics (the usual "type 7" definition).
    private static double Percentile(double[] sorted, double p)
    {
        double rank = p * (sorted.Length - 1);
        int below = (int)Math.Floor(rank);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }

    private static Cell[] Bounds(CurveOptions curve) => curve.Kind == CurveKind.Linear
        ? [Predictive.Number(curve.ZeroAt), Predictive.Number(curve.FullAt)]
        : [Cell.Empty, Cell.Empty];
}
