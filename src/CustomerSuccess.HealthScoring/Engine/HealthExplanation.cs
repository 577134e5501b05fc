using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Why an account has its score: per signal its raw value, curve score, effective weight and contribution, the missing
/// signals with their reasons, and the gates and override that moved the score. The contributions plus the
/// adjustments add up to the score. Immutable.
/// </summary>
public sealed class HealthExplanation
{
    internal HealthExplanation(HealthScore score, double? weightedScore, SignalContribution[] signals, ScoreAdjustment[] adjustments, string? undefinedBecause)
    {
        Score = score;
        WeightedScore = weightedScore;
        // Built for this explanation alone, so wrapped rather than copied.
        Signals = ReadOnlyViews.Wrap(signals);
        Adjustments = ReadOnlyViews.Wrap(adjustments);
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
