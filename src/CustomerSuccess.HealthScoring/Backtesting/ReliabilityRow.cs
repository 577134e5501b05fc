namespace CustomerSuccess.HealthScoring;

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
