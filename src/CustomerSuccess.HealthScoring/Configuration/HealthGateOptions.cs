namespace CustomerSuccess.HealthScoring;

/// <summary>A gate of <see cref="HealthModelOptions"/>.</summary>
public sealed class HealthGateOptions
{
    /// <summary>Gets or sets the signal compared.</summary>
    /// <value>Empty; required.</value>
    public string Signal { get; set; } = string.Empty;

    /// <summary>Gets or sets how the raw value is compared.</summary>
    /// <value><see cref="GateComparison.AtLeast"/>.</value>
    public GateComparison Comparison { get; set; }

    /// <summary>Gets or sets the threshold.</summary>
    /// <value>0.</value>
    public double Threshold { get; set; }

    /// <summary>Gets or sets whether the gate caps or floors.</summary>
    /// <value><see cref="GateEffect.Cap"/>.</value>
    public GateEffect Effect { get; set; }

    /// <summary>Gets or sets the score limit, 0 to 100.</summary>
    /// <value>0.</value>
    public double Limit { get; set; }

    /// <summary>Gets or sets why the gate exists.</summary>
    /// <value>Empty; required.</value>
    public string Reason { get; set; } = string.Empty;
}
