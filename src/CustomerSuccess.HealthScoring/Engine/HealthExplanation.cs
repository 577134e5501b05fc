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
        Signals = signals;
        Adjustments = adjustments;
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
/// <param name="Id">The signal.</param>
/// <param name="Group">Its group.</param>
/// <param name="Timing">Whether it leads or lags.</param>
/// <param name="Raw">What it measured, or missing with the reason.</param>
/// <param name="CurveScore">The curve's score (or the substitute), or <see langword="null"/> when it did not count.</param>
/// <param name="EffectiveWeight">Its share of the weighted average, after renormalisation; 0 when it did not count.</param>
/// <param name="Contribution">EffectiveWeight x CurveScore: points it adds to the weighted average.</param>
/// <param name="Substituted">Whether the missing value was replaced by the substitute score.</param>
public sealed record SignalContribution(SignalId Id, string Group, SignalTiming Timing, SignalValue Raw, double? CurveScore, double EffectiveWeight, double Contribution, bool Substituted);

/// <summary>What moved the score after the weighted average.</summary>
public enum AdjustmentKind
{
    /// <summary>A gate capped or floored the score.</summary>
    Gate = 0,

    /// <summary>A manual override replaced it.</summary>
    Override = 1,
}

/// <summary>A gate or override applied to a score.</summary>
/// <param name="Kind">Gate or override.</param>
/// <param name="Reason">The gate's or override's reason.</param>
/// <param name="Delta">How many points it moved the score (zero when a gate fired without moving it).</param>
public sealed record ScoreAdjustment(AdjustmentKind Kind, string Reason, double Delta);
