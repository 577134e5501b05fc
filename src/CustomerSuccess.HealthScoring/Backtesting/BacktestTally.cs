using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Json;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// What a backtest counts, in a form that merges across disjoint sets of accounts (the shards of a cluster) and travels
/// between nodes as JSON: the labelled snapshots per band and how many churned, the snapshots left out and why, the
/// churned and retained snapshots at each distinct score (from which the AUC is exact), and the churned accounts that sat
/// in the best band a horizon before. Made by <see cref="HealthBacktest.Tally"/>. Immutable and thread-safe.
/// </summary>
public sealed class BacktestTally
{
    private readonly int[] _inBand;
    private readonly int[] _churnedInBand;
    private readonly double[] _scores; // distinct, ascending
    private readonly long[] _retainedAt;
    private readonly long[] _churnedAt;
    private readonly int _unexpectedInBest;

    private BacktestTally(int horizonDays, HealthBands bands, int[] inBand, int[] churnedInBand, double[] scores, long[] retainedAt, long[] churnedAt, int censored, int afterChurn, int undefinedScore, int unexpectedInBest, int unexpectedAccounts)
    {
        HorizonDays = horizonDays;
        Bands = bands;
        _inBand = inBand;
        _churnedInBand = churnedInBand;
        _scores = scores;
        _retainedAt = retainedAt;
        _churnedAt = churnedAt;
        Censored = censored;
        AfterChurn = afterChurn;
        UndefinedScore = undefinedScore;
        _unexpectedInBest = unexpectedInBest;
        UnexpectedChurnAccounts = unexpectedAccounts;
        Labelled = inBand.Sum();
        Churned = churnedInBand.Sum();
    }

    /// <summary>The name of this partial's JSON form, its <c>"partial"</c> property.</summary>
    public const string JsonKind = "backtest-tally";

    /// <summary>The version of the JSON form <see cref="ToJson"/> writes; <see cref="FromJson"/> reads it and every earlier one.</summary>
    public const int JsonVersion = 1;

    /// <summary>Gets the horizon in days.</summary>
    public int HorizonDays { get; }

    /// <summary>Gets the model's bands.</summary>
    public HealthBands Bands { get; }

    /// <summary>Gets the snapshots with a label and a defined score.</summary>
    public int Labelled { get; }

    /// <summary>Gets how many of them churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the snapshots left out because observation ended before the horizon.</summary>
    public int Censored { get; }

    /// <summary>Gets the snapshots left out because they were taken on or after the churn date.</summary>
    public int AfterChurn { get; }

    /// <summary>Gets the labelled snapshots left out because their score was undefined.</summary>
    public int UndefinedScore { get; }

    /// <summary>Gets the AUC (lower score = higher risk), exactly that of <see cref="HealthBacktest.Run"/> over the same snapshots; <see langword="null"/> without both outcomes.</summary>
    public double? Auc => HealthScoring.Auc.OfTies(_retainedAt, _churnedAt);

    /// <summary>Gets the churn rate and lift per band, in band order.</summary>
    public IReadOnlyList<BandChurn> BandChurn => HealthBacktest.BandChurns(Bands, _inBand, _churnedInBand, Labelled, Churned);

    /// <summary>Gets the share of churned accounts that sat in the best band a horizon before they churned.</summary>
    public Ratio UnexpectedChurn => Ratio.Of(_unexpectedInBest, UnexpectedChurnAccounts);

    /// <summary>Gets the churned accounts behind <see cref="UnexpectedChurn"/>.</summary>
    public int UnexpectedChurnAccounts { get; }

    /// <summary>Merges a tally over a disjoint set of accounts into one over both. Associative and commutative; exact.</summary>
    /// <param name="other">A tally for the same horizon and bands.</param>
    /// <returns>The merged tally.</returns>
    /// <exception cref="ArgumentException">The horizons or the bands differ.</exception>
    /// <exception cref="OverflowException">A count passes <see cref="int.MaxValue"/>.</exception>
    public BacktestTally Merge(BacktestTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.HorizonDays != HorizonDays || !Bands.SameAs(other.Bands))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot merge a tally at {other.HorizonDays} days in bands {BandDistributions.Describe(other.Bands)} into one at {HorizonDays} days in {BandDistributions.Describe(Bands)}; tally every part with the same horizon and model."),
                nameof(other));
        }

        var scores = new List<double>(_scores.Length + other._scores.Length);
        var retained = new List<long>(scores.Capacity);
        var churned = new List<long>(scores.Capacity);
        int i = 0, j = 0;
        while (i < _scores.Length || j < other._scores.Length)
        {
            int order = i == _scores.Length ? 1 : j == other._scores.Length ? -1 : _scores[i].CompareTo(other._scores[j]);
            scores.Add(order <= 0 ? _scores[i] : other._scores[j]);
            retained.Add((order <= 0 ? _retainedAt[i] : 0) + (order >= 0 ? other._retainedAt[j] : 0));
            churned.Add((order <= 0 ? _churnedAt[i] : 0) + (order >= 0 ? other._churnedAt[j] : 0));
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }

        return new BacktestTally(
            HorizonDays, Bands, Add(_inBand, other._inBand), Add(_churnedInBand, other._churnedInBand), [.. scores], [.. retained], [.. churned],
            checked(Censored + other.Censored), checked(AfterChurn + other.AfterChurn), checked(UndefinedScore + other.UndefinedScore),
            checked(_unexpectedInBest + other._unexpectedInBest), checked(UnexpectedChurnAccounts + other.UnexpectedChurnAccounts));
    }

    /// <summary>Writes the tally as JSON (docs/scale.md gives the form); scores in their shortest exact form.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PartialJson.Write(JsonKind, JsonVersion, writer =>
    {
        writer.WriteNumber("horizonDays", HorizonDays);
        BandDistributions.WriteBands(writer, Bands);
        writer.WriteNumber("censored", Censored);
        writer.WriteNumber("afterChurn", AfterChurn);
        writer.WriteNumber("undefinedScore", UndefinedScore);
        writer.WriteNumber("unexpectedChurnInBest", _unexpectedInBest);
        writer.WriteNumber("unexpectedChurnAccounts", UnexpectedChurnAccounts);
        writer.WriteStartArray("bandCounts");
        for (int b = 0; b < _inBand.Length; b++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("snapshots", _inBand[b]);
            writer.WriteNumber("churned", _churnedInBand[b]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("scores"); // [score, retained, churned], ascending
        for (int s = 0; s < _scores.Length; s++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(_scores[s]);
            writer.WriteNumberValue(_retainedAt[s]);
            writer.WriteNumberValue(_churnedAt[s]);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads a tally that <see cref="ToJson"/> wrote, on this node or another.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The tally.</returns>
    /// <exception cref="CustomerSuccessValidationException">The text is not a tally of a version this build reads, or its counts disagree; the message and <see cref="CustomerSuccessValidationException.JsonPath"/> name where.</exception>
    public static BacktestTally FromJson(string json) => PartialJson.Read(json, JsonKind, JsonVersion, root =>
    {
        JsonAt horizonAt = root.Property("horizonDays");
        int horizon = horizonAt.Int32() is > 0 and int h ? h : throw horizonAt.Fault("is not a positive number of days");
        HealthBands bands = BandDistributions.ReadBands(root.Property("bands"));
        JsonAt bandCountsAt = root.Property("bandCounts");
        if (bandCountsAt.Count != bands.All.Count)
        {
            throw bandCountsAt.Fault(string.Create(CultureInfo.InvariantCulture, $"has {bandCountsAt.Count} entries for {bands.All.Count} bands"));
        }

        int[] inBand = [.. bandCountsAt.Items().Select(b => b.Property("snapshots").Count32())];
        int[] churnedInBand = [.. bandCountsAt.Items().Select(b => b.Property("churned").Count32())];
        var scores = new List<double>();
        var retained = new List<long>();
        var churned = new List<long>();
        JsonAt scoresAt = root.Property("scores");
        foreach (JsonAt entry in scoresAt.Items())
        {
            JsonAt[] parts = [.. entry.Items()];
            double score = parts.Length == 3 ? parts[0].Double() : throw entry.Fault("is not [score, retained, churned]");
            if (scores.Count > 0 && !(score > scores[^1]))
            {
                throw parts[0].Fault("is not above the score before it (scores are distinct and ascending)");
            }

            scores.Add(score);
            retained.Add(parts[1].Count64());
            churned.Add(parts[2].Count64());
        }

        if (retained.Sum() + churned.Sum() != inBand.Sum() || churned.Sum() != churnedInBand.Sum())
        {
            throw scoresAt.Fault("does not count the snapshots and churned snapshots that bandCounts does");
        }

        JsonAt inBestAt = root.Property("unexpectedChurnInBest");
        int inBest = inBestAt.Count32();
        int accounts = root.Property("unexpectedChurnAccounts").Count32();
        if (inBest > accounts)
        {
            throw inBestAt.Fault("is more than unexpectedChurnAccounts");
        }

        return new BacktestTally(
            horizon, bands, inBand, churnedInBand, [.. scores], [.. retained], [.. churned],
            root.Property("censored").Count32(), root.Property("afterChurn").Count32(), root.Property("undefinedScore").Count32(), inBest, accounts);
    });

    internal static BacktestTally Of(int horizonDays, HealthBands bands, List<(double Score, bool Churned, int Band)> rows, int censored, int afterChurn, int undefined, int unexpectedInBest, int unexpectedAccounts)
    {
        int[] inBand = new int[bands.All.Count], churnedInBand = new int[bands.All.Count];
        var ties = new SortedDictionary<double, (long Retained, long Churned)>();
        foreach ((double score, bool churned, int band) in rows)
        {
            inBand[band]++;
            churnedInBand[band] += churned ? 1 : 0;
            (long r, long c) = ties.GetValueOrDefault(score);
            ties[score] = churned ? (r, c + 1) : (r + 1, c);
        }

        return new BacktestTally(
            horizonDays, bands, inBand, churnedInBand, [.. ties.Keys], [.. ties.Values.Select(t => t.Retained)], [.. ties.Values.Select(t => t.Churned)],
            censored, afterChurn, undefined, unexpectedInBest, unexpectedAccounts);
    }

    private static int[] Add(int[] a, int[] b)
    {
        int[] sum = new int[a.Length];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = checked(a[i] + b[i]);
        }

        return sum;
    }
}
