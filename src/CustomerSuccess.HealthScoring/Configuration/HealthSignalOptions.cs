namespace CustomerSuccess.HealthScoring;

/// <summary>A signal of <see cref="HealthModelOptions"/>.</summary>
public sealed class HealthSignalOptions
{
    /// <summary>Gets or sets the signal id.</summary>
    /// <value>Empty; required.</value>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the group.</summary>
    /// <value>"default".</value>
    public string Group { get; set; } = "default";

    /// <summary>Gets or sets the weight within the group, zero or more.</summary>
    /// <value>1.</value>
    public double Weight { get; set; } = 1;

    /// <summary>Gets or sets what a missing value does.</summary>
    /// <value><see cref="MissingSignalPolicy.Skip"/>.</value>
    public MissingSignalPolicy Missing { get; set; }

    /// <summary>Gets or sets the score of a missing value under <see cref="MissingSignalPolicy.Substitute"/>.</summary>
    /// <value><see langword="null"/>; required with <see cref="MissingSignalPolicy.Substitute"/> (a missing value is never silently 0).</value>
    public double? SubstituteScore { get; set; }

    /// <summary>Gets or sets the curve.</summary>
    /// <value><see langword="null"/>; required.</value>
    public CurveOptions? Curve { get; set; }
}
