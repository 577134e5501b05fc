namespace CustomerSuccess.HealthScoring;

/// <summary>A point of <see cref="CurveOptions"/>.</summary>
public sealed class CurvePointOptions
{
    /// <summary>Gets or sets the raw value.</summary>
    /// <value>0.</value>
    public double Raw { get; set; }

    /// <summary>Gets or sets the score, 0 to 100.</summary>
    /// <value>0.</value>
    public double Score { get; set; }

    internal static CurvePointOptions From(CurvePoint point) => new() { Raw = point.Raw, Score = point.Score };

    internal CurvePoint ToPoint() => new(Raw, Score);
}
