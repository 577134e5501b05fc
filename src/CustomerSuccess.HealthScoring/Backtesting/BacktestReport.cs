using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>A health model's predictive truth over a history, for one horizon (docs/design.md section 7).</summary>
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
    /// <param name="unexpectedChurn">The share of churned accounts that sat in the best band <paramref name="horizonDays"/> days before they churned (Client Velocity's cardinal sin).</param>
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

    /// <summary>Gets the share of churned accounts that sat in the best band <see cref="HorizonDays"/> days before they churned (Client Velocity's cardinal sin).</summary>
    public Ratio UnexpectedChurn { get; }

    /// <summary>Gets the churned accounts behind <see cref="UnexpectedChurn"/>: those with a scored snapshot that far back.</summary>
    public int UnexpectedChurnAccounts { get; }
}
