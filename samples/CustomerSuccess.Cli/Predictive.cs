using System;
using System.Collections.Generic;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Cli;

/// <summary>What backtest and fit share: reading a history, and how their figures print.</summary>
internal static class Predictive
{
    /// <summary>Reads outcomes and snapshots into a history, every snapshot checked against its account's outcome.</summary>
    public static ChurnHistory<double[]> ReadHistory(string historyPath, string outcomesPath, IReadOnlyList<SignalId> signals)
    {
        Dictionary<AccountId, (ChurnOutcome Outcome, int Line)> outcomes = HistoryCsv.ReadOutcomes(outcomesPath);
        List<HealthSnapshot<double[]>> snapshots = HistoryCsv.ReadSnapshots(historyPath, signals, outcomes, outcomesPath);
        var list = new List<ChurnOutcome>(outcomes.Count);
        foreach ((ChurnOutcome outcome, int _) in outcomes.Values)
        {
            list.Add(outcome);
        }

        return new ChurnHistory<double[]>(snapshots, list);
    }

    /// <summary>An AUC or a rate to at most 4 decimals (what the sample sizes can tell), empty when undefined.</summary>
    public static Cell Rounded(double? value) => value is { } v ? Cell.Of(Four((decimal)v)) : Cell.Empty;

    /// <summary>A ratio to at most 4 decimals, empty when undefined.</summary>
    public static Cell Rounded(Ratio ratio) => ratio.TryGetValue(out decimal value) ? Cell.Of(Four(value)) : Cell.Empty;

    // Rounded half to even, then without trailing zeros, so 4.5 prints as 4.5 whatever scale the sum carried.
    private static decimal Four(decimal value) => Math.Round(value, 4, MidpointRounding.ToEven) / 1.0000000000000000000000000000m;

    /// <summary>A raw value or weight: exact to 10 decimals where a decimal holds it, else its shortest round-trip text.</summary>
    public static Cell Number(double value) => Math.Abs(value) < 1e27
        ? Cell.Of(Math.Round((decimal)value, 10, MidpointRounding.ToEven))
        : Cell.Of(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    public static Cell Tag(SignalTiming? timing) => timing is { } t ? Cell.Of(TagName(t)) : Cell.Empty;

    /// <summary>A timing tag as the tables write it.</summary>
    public static string TagName(SignalTiming timing) => timing == SignalTiming.Leading ? "leading" : "lagging";
}
