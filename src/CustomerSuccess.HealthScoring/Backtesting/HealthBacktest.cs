using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>Churn by band: how many snapshots sat in a band, how many of them churned within the horizon, and the lift.</summary>
public sealed class BandChurn
{
    /// <summary>Initializes a new <see cref="BandChurn"/>.</summary>
    /// <param name="band">The band's name.</param>
    /// <param name="snapshots">Labelled snapshots in the band.</param>
    /// <param name="churned">Those that churned within the horizon.</param>
    /// <param name="churnRate">Churned / snapshots; undefined for an empty band.</param>
    /// <param name="lift">The band's churn rate over the overall churn rate; undefined when either is.</param>
    public BandChurn(string band, int snapshots, int churned, Ratio churnRate, Ratio lift)
    {
        Band = band;
        Snapshots = snapshots;
        Churned = churned;
        ChurnRate = churnRate;
        Lift = lift;
    }

    /// <summary>Gets the band's name.</summary>
    public string Band { get; }

    /// <summary>Gets the number of labelled snapshots in the band.</summary>
    public int Snapshots { get; }

    /// <summary>Gets how many of them churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the churn rate, churned / snapshots; undefined for an empty band.</summary>
    public Ratio ChurnRate { get; }

    /// <summary>Gets the band's churn rate over the overall churn rate; undefined when either is.</summary>
    public Ratio Lift { get; }
}

/// <summary>One score decile of the reliability table: do lower scores really churn more?</summary>
public sealed class ReliabilityRow
{
    /// <summary>Initializes a new <see cref="ReliabilityRow"/>.</summary>
    /// <param name="decile">1 for the lowest tenth of scores, 10 for the highest.</param>
    /// <param name="snapshots">Snapshots in the decile.</param>
    /// <param name="meanScore">Their mean score.</param>
    /// <param name="churnRate">Their observed churn rate.</param>
    public ReliabilityRow(int decile, int snapshots, double meanScore, Ratio churnRate)
    {
        Decile = decile;
        Snapshots = snapshots;
        MeanScore = meanScore;
        ChurnRate = churnRate;
    }

    /// <summary>Gets the decile: 1 for the lowest tenth of scores, 10 for the highest.</summary>
    public int Decile { get; }

    /// <summary>Gets the number of snapshots in the decile.</summary>
    public int Snapshots { get; }

    /// <summary>Gets their mean score.</summary>
    public double MeanScore { get; }

    /// <summary>Gets their observed churn rate.</summary>
    public Ratio ChurnRate { get; }
}

/// <summary>A health model's predictive truth over a history, for one horizon (DESIGN section 7).</summary>
public sealed class BacktestReport
{
    /// <summary>Initializes a new <see cref="BacktestReport"/>.</summary>
    /// <param name="horizonDays">The horizon.</param>
    /// <param name="labelled">Snapshots with a label and a defined score: the rows behind every figure.</param>
    /// <param name="churned">Of those, how many churned within the horizon.</param>
    /// <param name="censored">Snapshots left out because observation ended before the horizon.</param>
    /// <param name="afterChurn">Snapshots left out because they were taken on or after the churn date.</param>
    /// <param name="undefinedScore">Labelled snapshots left out because their score was undefined.</param>
    /// <param name="auc">The AUC (lower score = higher risk), or <see langword="null"/> without both outcomes.</param>
    /// <param name="aucLow">The lower bound of the bootstrap 95% interval.</param>
    /// <param name="aucHigh">The upper bound of the bootstrap 95% interval.</param>
    /// <param name="bands">Churn rate and lift per band, in band order.</param>
    /// <param name="reliability">Observed churn by score decile.</param>
    /// <param name="unexpectedChurn">The share of churned accounts that sat in the best band <paramref name="horizonDays"/> days before they churned (seed 001's cardinal sin).</param>
    /// <param name="unexpectedChurnAccounts">The churned accounts behind <paramref name="unexpectedChurn"/>: those with a scored snapshot that far back.</param>
    public BacktestReport(int horizonDays, int labelled, int churned, int censored, int afterChurn, int undefinedScore, double? auc, double? aucLow, double? aucHigh, IReadOnlyList<BandChurn> bands, IReadOnlyList<ReliabilityRow> reliability, Ratio unexpectedChurn, int unexpectedChurnAccounts)
    {
        HorizonDays = horizonDays;
        Labelled = labelled;
        Churned = churned;
        Censored = censored;
        AfterChurn = afterChurn;
        UndefinedScore = undefinedScore;
        Auc = auc;
        AucLow = aucLow;
        AucHigh = aucHigh;
        Bands = ReadOnlyViews.Copy(bands, nameof(bands));
        Reliability = ReadOnlyViews.Copy(reliability, nameof(reliability));
        UnexpectedChurn = unexpectedChurn;
        UnexpectedChurnAccounts = unexpectedChurnAccounts;
    }

    /// <summary>Gets the horizon.</summary>
    public int HorizonDays { get; }

    /// <summary>Gets the number of snapshots with a label and a defined score: the rows behind every figure.</summary>
    public int Labelled { get; }

    /// <summary>Gets how many of those churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the number of snapshots left out because observation ended before the horizon.</summary>
    public int Censored { get; }

    /// <summary>Gets the number of snapshots left out because they were taken on or after the churn date.</summary>
    public int AfterChurn { get; }

    /// <summary>Gets the number of labelled snapshots left out because their score was undefined.</summary>
    public int UndefinedScore { get; }

    /// <summary>Gets the AUC (lower score = higher risk), or <see langword="null"/> without both outcomes.</summary>
    public double? Auc { get; }

    /// <summary>Gets the lower bound of the bootstrap 95% interval.</summary>
    public double? AucLow { get; }

    /// <summary>Gets the upper bound of the bootstrap 95% interval.</summary>
    public double? AucHigh { get; }

    /// <summary>Gets the churn rate and lift per band, in band order.</summary>
    public IReadOnlyList<BandChurn> Bands { get; }

    /// <summary>Gets the observed churn by score decile.</summary>
    public IReadOnlyList<ReliabilityRow> Reliability { get; }

    /// <summary>Gets the share of churned accounts that sat in the best band <see cref="HorizonDays"/> days before they churned (seed 001's cardinal sin).</summary>
    public Ratio UnexpectedChurn { get; }

    /// <summary>Gets the churned accounts behind <see cref="UnexpectedChurn"/>: those with a scored snapshot that far back.</summary>
    public int UnexpectedChurnAccounts { get; }
}

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

        // A canonical order first, so that nothing below depends on the order of the history's rows.
        HealthSnapshot<TAccount>[] snapshots = history.Snapshots.OrderBy(s => s.Account).ThenBy(s => s.AsOf).ToArray();
        var rows = new List<(double Score, bool Churned, string Band)>();
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

            rows.Add((score.Value, label == SnapshotLabel.Churned, score.Band!.Value.Name));
        }

        int churned = rows.Count(r => r.Churned);
        double? auc = Auc.Of(rows.Select(r => (r.Score, r.Churned)));
        (double? low, double? high) = Bootstrap(rows, resamples, seed);
        Ratio overall = Ratio.Of(churned, rows.Count);
        BandChurn[] bands = scorer.Model.Bands.All.Select(b =>
        {
            int inBand = rows.Count(r => r.Band == b.Name);
            int churnedInBand = rows.Count(r => r.Band == b.Name && r.Churned);
            Ratio rate = Ratio.Of(churnedInBand, inBand);
            Ratio lift = rate.TryGetValue(out decimal r) && overall.TryGetValue(out decimal o) ? Ratio.Of(r, o) : Ratio.Undefined;
            return new BandChurn(b.Name, inBand, churnedInBand, rate, lift);
        }).ToArray();
        (Ratio unexpected, int behind) = UnexpectedChurn(scorer, history, snapshots, horizonDays);
        return new BacktestReport(horizonDays, rows.Count, churned, censored, afterChurn, undefined, auc, low, high, bands, Reliability(rows), unexpected, behind);
    }

    private static HealthScore Score<TAccount>(HealthScorer<TAccount> scorer, HealthSnapshot<TAccount> snapshot) =>
        scorer.Score(snapshot.State, snapshot.Context);

    private static ReliabilityRow[] Reliability(List<(double Score, bool Churned, string Band)> rows)
    {
        // Ties keep the canonical order, so the deciles are deterministic.
        var sorted = rows.Select((r, i) => (r.Score, r.Churned, i)).OrderBy(r => r.Score).ThenBy(r => r.i).ToArray();
        var deciles = new List<ReliabilityRow>();
        for (int d = 0; d < 10; d++)
        {
            int from = sorted.Length * d / 10;
            int to = sorted.Length * (d + 1) / 10;
            if (to > from)
            {
                var slice = sorted[from..to];
                deciles.Add(new ReliabilityRow(d + 1, slice.Length, slice.Average(s => s.Score), Ratio.Of(slice.Count(s => s.Churned), slice.Length)));
            }
        }

        return [.. deciles];
    }

    private static (double? Low, double? High) Bootstrap(List<(double Score, bool Churned, string Band)> rows, int resamples, ulong seed)
    {
        if (resamples == 0 || rows.Count == 0)
        {
            return (null, null);
        }

        ulong state = seed;
        var aucs = new List<double>(resamples);
        var sample = new (double, bool)[rows.Count];
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < sample.Length; i++)
            {
                (double score, bool churned, _) = rows[(int)(Next(ref state) % (ulong)rows.Count)];
                sample[i] = (score, churned);
            }

            if (Auc.Of(sample) is { } auc)
            {
                aucs.Add(auc);
            }
        }

        if (aucs.Count == 0)
        {
            return (null, null);
        }

        aucs.Sort();
        return (aucs[(int)Math.Floor(0.025 * (aucs.Count - 1))], aucs[(int)Math.Ceiling(0.975 * (aucs.Count - 1))]);
    }

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

        return (Ratio.Of(inBest, accounts), accounts);
    }
}
