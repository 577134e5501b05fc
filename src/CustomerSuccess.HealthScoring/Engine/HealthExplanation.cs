using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Why an account has its score: per signal its raw value, curve score, effective weight and contribution, the missing
/// signals with their reasons, and the gates and override that moved the score. The contributions plus the
/// adjustments add up to the score. Immutable.
/// </summary>
public sealed class HealthExplanation
{
    internal HealthExplanation(HealthScore score, double? weightedScore, IReadOnlyList<SignalContribution> signals, IReadOnlyList<ScoreAdjustment> adjustments, string? undefinedBecause)
    {
        Score = score;
        WeightedScore = weightedScore;
        Signals = ReadOnlyViews.Copy(signals, nameof(signals));
        Adjustments = ReadOnlyViews.Copy(adjustments, nameof(adjustments));
        UndefinedBecause = undefinedBecause;
    }

    /// <summary>Gets the score explained.</summary>
    public HealthScore Score { get; }

    /// <summary>Gets the weighted average of the signals before gates and override; <see langword="null"/> when there is none.</summary>
    public double? WeightedScore { get; }

    /// <summary>Gets every signal of the model, in model order.</summary>
    public IReadOnlyList<SignalContribution> Signals { get; }

    /// <summary>Gets the signals that had no value, with their reasons.</summary>
    public IEnumerable<SignalContribution> MissingSignals => Signals.Where(s => !s.Raw.IsPresent);

    /// <summary>Gets the gates and override that moved the score, in the order applied.</summary>
    public IReadOnlyList<ScoreAdjustment> Adjustments { get; }

    /// <summary>Gets why the score is undefined, or <see langword="null"/> when it has a value.</summary>
    public string? UndefinedBecause { get; }
}

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

/// <summary>What moved the score after the weighted average.</summary>
public enum AdjustmentKind
{
    /// <summary>A gate capped or floored the score.</summary>
    Gate = 0,

    /// <summary>A manual override replaced it.</summary>
    Override = 1,
}

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
