namespace CustomerSuccess.HealthScoring;

/// <summary>A gate or override applied to a score.</summary>
public sealed class ScoreAdjustment
{
    /// <summary>Initializes a new <see cref="ScoreAdjustment"/>.</summary>
    /// <param name="kind">Gate or override.</param>
    /// <param name="reason">The gate's or override's reason.</param>
    /// <param name="delta">How many points it moved the score (zero when a gate fired without moving it).</param>
    public ScoreAdjustment(AdjustmentKind kind, string reason, double delta)
    {
        Kind = kind;
        Reason = reason;
        Delta = delta;
    }

    /// <summary>Gets the kind: gate or override.</summary>
    public AdjustmentKind Kind { get; }

    /// <summary>Gets the gate's or override's reason.</summary>
    public string Reason { get; }

    /// <summary>Gets how many points it moved the score (zero when a gate fired without moving it).</summary>
    public double Delta { get; }
}
