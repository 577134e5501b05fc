using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// How early one signal warns: its own AUC (its curve score alone as the predictor) at each horizon, the timing the data
/// suggest, and whether the configured timing contradicts them.
/// </summary>
public sealed class SignalLeadTime
{
    /// <summary>Initializes a new <see cref="SignalLeadTime"/>.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="configured">The timing the signal is tagged with.</param>
    /// <param name="aucByHorizon">The signal's AUC per horizon in days, in ascending order of horizon; undefined without both outcomes.</param>
    /// <param name="suggested">Leading when the signal keeps at least three quarters of its power above chance (AUC - 0.5) from the shortest horizon to the longest, lagging when it loses more; <see langword="null"/> when it has no power at the shortest horizon (AUC at most 0.55).</param>
    /// <param name="contradicted">Whether the configured timing differs from the suggested one.</param>
    public SignalLeadTime(SignalId signal, SignalTiming configured, IReadOnlyList<(int HorizonDays, double? Auc)> aucByHorizon, SignalTiming? suggested, bool contradicted)
    {
        Signal = signal;
        Configured = configured;
        AucByHorizon = ReadOnlyViews.Copy(aucByHorizon, nameof(aucByHorizon));
        Suggested = suggested;
        Contradicted = contradicted;
    }

    /// <summary>Gets the signal.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets the timing the signal is tagged with.</summary>
    public SignalTiming Configured { get; }

    /// <summary>Gets the signal's AUC per horizon in days, in ascending order of horizon; undefined without both outcomes.</summary>
    public IReadOnlyList<(int HorizonDays, double? Auc)> AucByHorizon { get; }

    /// <summary>Gets the suggested timing: leading when the signal keeps at least three quarters of its power above chance (AUC - 0.5) from the shortest horizon to the longest, lagging when it loses more; <see langword="null"/> when it has no power at the shortest horizon (AUC at most 0.55).</summary>
    public SignalTiming? Suggested { get; }

    /// <summary>Gets whether the configured timing differs from the suggested one.</summary>
    public bool Contradicted { get; }

    /// <summary>The least AUC at the shortest horizon for a signal to count as predictive at all.</summary>
    public const double PowerFloor = 0.55;

    /// <summary>The share of its power above chance a leading signal keeps at the longest horizon.</summary>
    public const double KeptPower = 0.75;

    /// <summary>Measures every signal of a model at each horizon over a history.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="scorer">The model's scorer; its signals are measured and scored by their curves.</param>
    /// <param name="history">The snapshots and outcomes.</param>
    /// <param name="horizonDays">The horizons, such as 30, 90 and 180.</param>
    /// <returns>One entry per signal, in model order.</returns>
    public static IReadOnlyList<SignalLeadTime> Analyze<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, params IReadOnlyList<int> horizonDays)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(horizonDays);
        int[] horizons = horizonDays.Distinct().Order().ToArray();
        if (horizons.Length == 0 || horizons[0] <= 0)
        {
            throw new ArgumentException("Give one or more positive horizons, in days.", nameof(horizonDays));
        }

        // Each snapshot is measured once: the curve score of every signal as of the snapshot's day (the one an explanation
        // reports), kept as one number per signal (NaN when the signal was missing), so a million snapshots stay a few arrays.
        HealthSnapshot<TAccount>[] snapshots = [.. history.Snapshots.OrderBy(s => s.Account).ThenBy(s => s.AsOf)];
        int count = scorer.Model.Signals.Count;
        double[] curveScores = new double[snapshots.Length * count];
        var values = new SignalValue[count];
        var raw = new double[count];
        for (int k = 0; k < snapshots.Length; k++)
        {
            scorer.CurveScores(snapshots[k].State, snapshots[k].Context, values, raw, curveScores.AsSpan(k * count, count));
        }

        // The plugin's own tag; lagging, the library's default, for an empty history (as the explanations reported it).
        SignalTiming[] configured = [.. Enumerable.Range(0, count).Select(i => snapshots.Length > 0 ? scorer.TimingOf(i) : SignalTiming.Lagging)];

        // Labels depend on the horizon only: each is worked out once per snapshot, then every signal's AUC reads it.
        var auc = new double?[count, horizons.Length];
        var rows = new List<(double, bool)>(snapshots.Length);
        for (int h = 0; h < horizons.Length; h++)
        {
            SnapshotLabel[] labels = [.. snapshots.Select(s => history.Label(s, horizons[h]))];
            for (int i = 0; i < count; i++)
            {
                rows.Clear();
                for (int k = 0; k < snapshots.Length; k++)
                {
                    double score = curveScores[(k * count) + i];
                    if (labels[k] is SnapshotLabel.Churned or SnapshotLabel.Retained && !double.IsNaN(score))
                    {
                        rows.Add((score, labels[k] == SnapshotLabel.Churned));
                    }
                }

                auc[i, h] = Auc.Of(rows);
            }
        }

        var results = new List<SignalLeadTime>(count);
        for (int i = 0; i < count; i++)
        {
            var aucs = new List<(int, double?)>(horizons.Length);
            for (int h = 0; h < horizons.Length; h++)
            {
                aucs.Add((horizons[h], auc[i, h]));
            }

            SignalTiming? suggested = Suggest(aucs[0].Item2, aucs[^1].Item2);
            results.Add(new SignalLeadTime(scorer.Model.Signals[i].Id, configured[i], aucs, suggested, suggested is { } s && s != configured[i]));
        }

        return results;
    }

    private static SignalTiming? Suggest(double? shortest, double? longest)
    {
        if (shortest is not { } near || near <= PowerFloor || longest is not { } far)
        {
            return null;
        }

        return far - 0.5 >= KeptPower * (near - 0.5) ? SignalTiming.Leading : SignalTiming.Lagging;
    }
}
