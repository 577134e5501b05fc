using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>One signal's part in a score.</summary>
public sealed class SignalContribution
{
    /// <summary>Initializes a new <see cref="SignalContribution"/>.</summary>
    /// <param name="id">The signal.</param>
    /// <param name="group">Its group.</param>
    /// <param name="timing">Whether it leads or lags.</param>
    /// <param name="raw">What it measured, or missing with the reason.</param>
    /// <param name="curveScore">The curve's score (or the substitute), or <see langword="null"/> when it did not count.</param>
    /// <param name="effectiveWeight">Its share of the weighted average, after renormalisation; 0 when it did not count.</param>
    /// <param name="contribution">EffectiveWeight x CurveScore: points it adds to the weighted average.</param>
    /// <param name="substituted">Whether the missing value was replaced by the substitute score.</param>
    public SignalContribution(SignalId id, string group, SignalTiming timing, SignalValue raw, double? curveScore, double effectiveWeight, double contribution, bool substituted)
    {
        Id = id;
        Group = group;
        Timing = timing;
        Raw = raw;
        CurveScore = curveScore;
        EffectiveWeight = effectiveWeight;
        Contribution = contribution;
        Substituted = substituted;
    }

    /// <summary>Gets the signal.</summary>
    public SignalId Id { get; }

    /// <summary>Gets its group.</summary>
    public string Group { get; }

    /// <summary>Gets whether it leads or lags.</summary>
    public SignalTiming Timing { get; }

    /// <summary>Gets what it measured, or missing with the reason.</summary>
    public SignalValue Raw { get; }

    /// <summary>Gets the curve's score (or the substitute), or <see langword="null"/> when it did not count.</summary>
    public double? CurveScore { get; }

    /// <summary>Gets its share of the weighted average, after renormalisation; 0 when it did not count.</summary>
    public double EffectiveWeight { get; }

    /// <summary>Gets <see cref="EffectiveWeight"/> x <see cref="CurveScore"/>: the points it adds to the weighted average.</summary>
    public double Contribution { get; }

    /// <summary>Gets whether the missing value was replaced by the substitute score.</summary>
    public bool Substituted { get; }
}
