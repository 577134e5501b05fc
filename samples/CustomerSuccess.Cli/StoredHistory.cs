using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// A backtest's history from a store instead of a file: the stored snapshots' raw values, labelled by the outcomes file,
/// scored with the model the latest run recorded (or the one given). The snapshots are those of one model name: the
/// latest date's (the first in ordinal order when that date holds several); a name carries across a model's versions.
/// </summary>
internal static class StoredHistory
{
    public static (HealthModel Model, ChurnHistory<double[]> History) Read(CliStore store, string? modelPath, string outcomesPath, LocalDate from, LocalDate to)
    {
        Dictionary<AccountId, (ChurnOutcome Outcome, int Line)> outcomes = HistoryCsv.ReadOutcomes(outcomesPath);
        IReadOnlyList<ScoreSnapshot> stored = StoreInput.Use(store, s => s.GetSnapshotsAsync(from, to));
        if (stored.Count == 0)
        {
            throw new InputException($"{CliText.Quote(store.Name)}: no snapshots are stored from {StoreInput.Text(from)} to {StoreInput.Text(to)}; record runs first ({CliApp.ToolName} run --store).");
        }

        LocalDate latest = stored[^1].AsOf;
        ScoreSnapshot newest = stored.Where(s => s.AsOf == latest).MinBy(s => s.ModelName, StringComparer.Ordinal)!;
        HealthModel model = modelPath is not null ? HealthInput.Model(modelPath)
            : StoreInput.Use(store, s => s.GetModelAsync(newest))
                ?? throw new InputException($"{CliText.Quote(store.Name)}: the model '{CliText.Quote(newest.ModelName)}' of the snapshots of {StoreInput.Text(latest)} (hash {newest.ModelHash}) is not recorded (runs recorded it from schema version 3 on); give it with --model <model.json>.");

        SignalId[] signals = [.. model.Signals.Select(s => s.Id)];
        var snapshots = new List<HealthSnapshot<double[]>>();
        foreach (ScoreSnapshot snapshot in stored.Where(s => string.Equals(s.ModelName, newest.ModelName, StringComparison.Ordinal)))
        {
            if (!outcomes.TryGetValue(snapshot.Account, out (ChurnOutcome Outcome, int Line) outcome))
            {
                throw new InputException($"{CliText.Quote(store.Name)}: account '{CliText.Quote(snapshot.Account.Value)}' has stored snapshots but no row in {outcomesPath}, so they cannot be labelled; add its outcome (churned_on empty if it has not churned).");
            }

            if (snapshot.AsOf > outcome.Outcome.ObservedUntil)
            {
                throw new InputException($"{CliText.Quote(store.Name)}: the snapshot of account '{CliText.Quote(snapshot.Account.Value)}' on {StoreInput.Text(snapshot.AsOf)} is after its observed_until {StoreInput.Text(outcome.Outcome.ObservedUntil)} ({outcomesPath}, {TablePlace.Row(outcomesPath, outcome.Line)}); give --to {StoreInput.Text(outcome.Outcome.ObservedUntil)} or outcomes observed until later.");
            }

            snapshots.Add(new HealthSnapshot<double[]>(snapshot.Account, snapshot.AsOf, RawValues(snapshot, signals)));
        }

        return (model, new ChurnHistory<double[]>(snapshots, outcomes.Values.Select(o => o.Outcome)));
    }

    // Each signal's stored raw value, NaN (missing) where it was missing or the snapshot's model did not have it.
    private static double[] RawValues(ScoreSnapshot snapshot, SignalId[] signals)
    {
        var raw = new double[signals.Length];
        for (int i = 0; i < signals.Length; i++)
        {
            raw[i] = double.NaN;
            foreach (SignalSnapshot part in snapshot.Signals)
            {
                if (part.Signal == signals[i] && part.Raw.TryGetValue(out double value))
                {
                    raw[i] = value;
                }
            }
        }

        return raw;
    }
}
