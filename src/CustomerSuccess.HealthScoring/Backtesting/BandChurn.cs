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
