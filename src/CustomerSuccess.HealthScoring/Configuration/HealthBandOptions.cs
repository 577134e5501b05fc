namespace CustomerSuccess.HealthScoring;

/// <summary>A band of <see cref="HealthModelOptions"/>.</summary>
public sealed class HealthBandOptions
{
    /// <summary>Gets or sets the band's name.</summary>
    /// <value>Empty; required.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the band's lowest score.</summary>
    /// <value>0.</value>
    public double LowerBound { get; set; }
}
