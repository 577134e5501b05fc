using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Backtests a health model against what happened: every snapshot is scored as of its own day (nothing after it is read),
/// labelled for the horizon, and the scores are judged as a churn predictor. Results do not depend on the order of the
/// history's rows; the bootstrap uses a fixed seed.
/// </summary>
public static class HealthBacktest
{
    /// <summary>The bootstrap's default number of resamples.</summary>
    public const int DefaultResamples = 500;

    /// <summary>Runs the backtest.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="scorer">The model's scorer.</param>
    /// <param name="history">The snapshots and outcomes.</param>
    /// <param name="horizonDays">The horizon in days, such as 90.</param>
    /// <param name="resamples">Bootstrap resamples for the AUC interval; 0 for none.</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <returns>The report.</returns>
    public static BacktestReport Run<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, int horizonDays, int resamples = DefaultResamples, ulong seed = 20260630)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);

        HealthSnapshot<TAccount>[] snapshots = Canonical(history);
        (List<(double Score, bool Churned, int Band)> rows, int censored, int afterChurn, int undefined) = Label(scorer, history, snapshots, horizonDays);
        int churned = rows.Count(r => r.Churned);
        double? auc = Auc.Of(rows.Select(r => (r.Score, r.Churned)));
        (double? low, double? high) = Bootstrap(rows, resamples, seed);
        HealthBands bands = scorer.Model.Bands;
        int[] inBand = new int[bands.All.Count], churnedInBand = new int[bands.All.Count];
        foreach ((_, bool rowChurned, int band) in rows)
        {
            inBand[band]++;
            churnedInBand[band] += rowChurned ? 1 : 0;
        }

        (Ratio unexpected, int behind) = UnexpectedChurn(scorer, history, snapshots, horizonDays);
        return new BacktestReport(horizonDays, rows.Count, churned, censored, afterChurn, undefined, auc, low, high, BandChurns(bands, inBand, churnedInBand, rows.Count, churned), Reliability(rows), unexpected, behind);
    }

    /// <summary>
    /// Counts what a backtest counts, in a form that merges: run over disjoint sets of accounts (the shards of a cluster),
    /// the tallies merge (<see cref="BacktestTally.Merge"/>) into the tally over their union, whose AUC, churn by band and
    /// unexpected churn are those of <see cref="Run"/> over the union exactly. The bootstrap interval and the reliability
    /// deciles need every row together, so a tally has neither.
    /// </summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="scorer">The model's scorer.</param>
    /// <param name="history">The snapshots and outcomes.</param>
    /// <param name="horizonDays">The horizon in days, such as 90.</param>
    /// <returns>The tally.</returns>
    public static BacktestTally Tally<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        HealthSnapshot<TAccount>[] snapshots = Canonical(history);
        (List<(double Score, bool Churned, int Band)> rows, int censored, int afterChurn, int undefined) = Label(scorer, history, snapshots, horizonDays);
        (int inBest, int behind) = UnexpectedChurnCounts(scorer, history, snapshots, horizonDays);
        return BacktestTally.Of(horizonDays, scorer.Model.Bands, rows, censored, afterChurn, undefined, inBest, behind);
    }

    internal static BandChurn[] BandChurns(HealthBands bands, int[] inBand, int[] churnedInBand, int labelled, int churned)
    {
        Ratio overall = Ratio.Of(churned, labelled);
        return [.. bands.All.Select(b =>
        {
            Ratio rate = Ratio.Of(churnedInBand[b.Index], inBand[b.Index]);
            Ratio lift = rate.TryGetValue(out decimal r) && overall.TryGetValue(out decimal o) ? Ratio.Of(r, o) : Ratio.Undefined;
            return new BandChurn(b.Name, inBand[b.Index], churnedInBand[b.Index], rate, lift);
        })];
    }

    // A canonical order first, so that nothing after depends on the order of the history's rows.
    private static HealthSnapshot<TAccount>[] Canonical<TAccount>(ChurnHistory<TAccount> history) =>
        [.. history.Snapshots.OrderBy(s => s.Account).ThenBy(s => s.AsOf)];

    private static (List<(double Score, bool Churned, int Band)> Rows, int Censored, int AfterChurn, int Undefined) Label<TAccount>(
        HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, HealthSnapshot<TAccount>[] snapshots, int horizonDays)
    {
        var rows = new List<(double Score, bool Churned, int Band)>();
        int censored = 0, afterChurn = 0, undefined = 0;
        foreach (HealthSnapshot<TAccount> snapshot in snapshots)
        {
            SnapshotLabel label = history.Label(snapshot, horizonDays);
            if (label is SnapshotLabel.Censored or SnapshotLabel.NoOutcome)
            {
                censored++;
                continue;
            }

            if (label == SnapshotLabel.AfterChurn)
            {
                afterChurn++;
                continue;
            }

            HealthScore score = Score(scorer, snapshot);
            if (!score.HasValue)
            {
                undefined++;
                continue;
            }

            rows.Add((score.Value, label == SnapshotLabel.Churned, score.Band!.Value.Index));
        }

        return (rows, censored, afterChurn, undefined);
    }

    private static HealthScore Score<TAccount>(HealthScorer<TAccount> scorer, HealthSnapshot<TAccount> snapshot) =>
        scorer.Score(snapshot.State, snapshot.Context);

    private static ReliabilityRow[] Reliability(List<(double Score, bool Churned, int Band)> rows)
    {
        // Ties keep the canonical order, so the deciles are deterministic: sorted by score (a primitive sort of the keys),
        // then each run of equal scores by position.
        double[] keys = new double[rows.Count];
        int[] positions = new int[rows.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = rows[i].Score;
            positions[i] = i;
        }

        Array.Sort(keys, positions);
        for (int start = 0, end; start < keys.Length; start = end)
        {
            for (end = start + 1; end < keys.Length && keys[end].Equals(keys[start]); end++)
            {
            }

            Array.Sort(positions, start, end - start);
        }

        var sorted = new (double Score, int Position)[rows.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = (keys[i], positions[i]);
        }
        var deciles = new List<ReliabilityRow>();
        for (int d = 0; d < 10; d++)
        {
            int from = sorted.Length * d / 10;
            int to = sorted.Length * (d + 1) / 10;
            if (to > from)
            {
                double sum = 0;
                int churned = 0;
                for (int k = from; k < to; k++)
                {
                    sum += sorted[k].Score;
                    churned += rows[sorted[k].Position].Churned ? 1 : 0;
                }

                deciles.Add(new ReliabilityRow(d + 1, to - from, sum / (to - from), Ratio.Of(churned, to - from)));
            }
        }

        return [.. deciles];
    }

    private static (double? Low, double? High) Bootstrap(List<(double Score, bool Churned, int Band)> rows, int resamples, ulong seed)
    {
        if (resamples == 0 || rows.Count == 0)
        {
            return (null, null);
        }

        // A resample's AUC depends only on how many churned and retained draws fall on each distinct score: so the scores
        // are sorted once into tie groups, and each resample counts its draws per group and walks the groups, O(n) instead
        // of sorting n draws. The draws and the sums are those of the plain method (a test holds them equal).
        int[] groupOfRow = new int[rows.Count];
        int[] byScore = [.. Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].Score)];
        int groups = 0;
        for (int k = 0; k < byScore.Length; k++)
        {
            if (k > 0 && !rows[byScore[k]].Score.Equals(rows[byScore[k - 1]].Score))
            {
                groups++;
            }

            groupOfRow[byScore[k]] = groups;
        }

        groups++;

        // One int per row, its group and label together, and one count array: the resampling loop reads two places in
        // memory per draw, which is what bounds it.
        int[] codeOfRow = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            codeOfRow[i] = (groupOfRow[i] * 2) + (rows[i].Churned ? 1 : 0);
        }

        var counts = new int[groups * 2]; // retained, churned per group; a resample has at most rows.Count draws
        ulong state = seed;
        ulong n = (ulong)rows.Count;
        var aucs = new List<double>(resamples);
        for (int b = 0; b < resamples; b++)
        {
            Array.Clear(counts);
            for (int i = 0; i < rows.Count; i++)
            {
                counts[codeOfRow[(int)Draw(ref state, n)]]++;
            }

            long churned = 0;
            for (int g = 0; g < groups; g++)
            {
                churned += counts[(g * 2) + 1];
            }

            long retained = rows.Count - churned;
            if (churned == 0 || retained == 0)
            {
                continue;
            }

            double pairs = 0;
            long churnedBelow = 0;
            for (int g = 0; g < groups; g++)
            {
                long retainedHere = counts[g * 2], churnedHere = counts[(g * 2) + 1];
                if (retainedHere + churnedHere > 0)
                {
                    pairs += retainedHere * (churnedBelow + (0.5 * churnedHere));
                    churnedBelow += churnedHere;
                }
            }

            aucs.Add(pairs / ((double)churned * retained));
        }

        if (aucs.Count == 0)
        {
            return (null, null);
        }

        aucs.Sort();
        return (aucs[(int)Math.Floor(0.025 * (aucs.Count - 1))], aucs[(int)Math.Ceiling(0.975 * (aucs.Count - 1))]);
    }

    /// <summary>
    /// A draw in [0, n): the high half of a 64 x 64-bit product (Lemire's method), which a division by n would cost several
    /// times over in a loop of millions; unbiased to within n / 2^64.
    /// </summary>
    private static ulong Draw(ref ulong state, ulong n) => Math.BigMul(Next(ref state), n, out _);

    /// <summary>SplitMix64: a tiny generator with a fixed sequence for a seed, the same on every runtime.</summary>
    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static (Ratio Share, int Accounts) UnexpectedChurn<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, HealthSnapshot<TAccount>[] snapshots, int horizonDays)
    {
        (int inBest, int accounts) = UnexpectedChurnCounts(scorer, history, snapshots, horizonDays);
        return (Ratio.Of(inBest, accounts), accounts);
    }

    private static (int InBest, int Accounts) UnexpectedChurnCounts<TAccount>(HealthScorer<TAccount> scorer, ChurnHistory<TAccount> history, HealthSnapshot<TAccount>[] snapshots, int horizonDays)
    {
        string best = scorer.Model.Bands.All[^1].Name;
        int accounts = 0, inBest = 0;
        foreach (IGrouping<AccountId, HealthSnapshot<TAccount>> account in snapshots.GroupBy(s => s.Account))
        {
            if (history.OutcomeOf(account.Key)?.ChurnedOn is not { } churnedOn)
            {
                continue;
            }

            LocalDate before = churnedOn.PlusDays(-horizonDays);
            HealthSnapshot<TAccount>? then = account.Where(s => s.AsOf <= before).OrderBy(s => s.AsOf).LastOrDefault();
            if (then is null || Score(scorer, then) is not { HasValue: true } score)
            {
                continue;
            }

            accounts++;
            inBest += score.Band!.Value.Name == best ? 1 : 0;
        }

        return (inBest, accounts);
    }
}
