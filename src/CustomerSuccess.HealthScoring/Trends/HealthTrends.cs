using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>How scores move: trend with a dead band, the change attributed to signals, and where a score sits in a cohort.</summary>
public static class HealthTrends
{
    /// <summary>
    /// Compares a score with an earlier one: a rise of more than <paramref name="deadBand"/> points is improving, a fall of
    /// more is declining, anything within is stable, so noise does not read as a trend.
    /// </summary>
    /// <param name="current">The current score.</param>
    /// <param name="earlier">The earlier score.</param>
    /// <param name="deadBand">Points of change that still count as stable, zero or more.</param>
    /// <returns>The trend, or <see langword="null"/> when either score is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deadBand"/> is negative or not finite.</exception>
    public static HealthTrend? Trend(HealthScore current, HealthScore earlier, double deadBand = 5)
    {
        if (!double.IsFinite(deadBand) || deadBand < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deadBand), deadBand, "The dead band must be zero or more points.");
        }

        if (!current.HasValue || !earlier.HasValue)
        {
            return null;
        }

        double change = current.Value - earlier.Value;
        return change > deadBand ? HealthTrend.Improving : change < -deadBand ? HealthTrend.Declining : HealthTrend.Stable;
    }

    /// <summary>
    /// Answers "why did the score change since last week?": the change between two explained scores of one account, split
    /// into each signal's change of contribution and the change of gates and overrides. The parts add up to the change.
    /// </summary>
    /// <param name="earlier">The earlier explanation.</param>
    /// <param name="current">The current explanation, of the same model.</param>
    /// <returns>The attribution, or <see langword="null"/> when either score is undefined.</returns>
    /// <exception cref="ArgumentException">The explanations come from models with different signals.</exception>
    public static ScoreChange? Attribute(HealthExplanation earlier, HealthExplanation current)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(current);
        if (!earlier.Signals.Select(s => s.Id).SequenceEqual(current.Signals.Select(s => s.Id)))
        {
            throw new ArgumentException("The two explanations come from models with different signals.", nameof(current));
        }

        if (!earlier.Score.HasValue || !current.Score.HasValue)
        {
            return null;
        }

        var bySignal = new List<SignalChange>(current.Signals.Count);
        for (int i = 0; i < current.Signals.Count; i++)
        {
            bySignal.Add(new SignalChange(current.Signals[i].Id, current.Signals[i].Contribution - earlier.Signals[i].Contribution));
        }

        double adjustments = current.Adjustments.Sum(a => a.Delta) - earlier.Adjustments.Sum(a => a.Delta);
        return new ScoreChange(current.Score.Value - earlier.Score.Value, bySignal, adjustments);
    }

    /// <summary>The trend between two stored snapshots, as <see cref="Trend(HealthScore, HealthScore, double)"/> gives it for scores.</summary>
    /// <param name="current">The current snapshot.</param>
    /// <param name="earlier">The earlier snapshot.</param>
    /// <param name="deadBand">Points of change that still count as stable, zero or more.</param>
    /// <returns>The trend, or <see langword="null"/> when either score is undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deadBand"/> is negative or not finite.</exception>
    public static HealthTrend? TrendSince(ScoreSnapshot current, ScoreSnapshot earlier, double deadBand = 5)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        if (!double.IsFinite(deadBand) || deadBand < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deadBand), deadBand, "The dead band must be zero or more points.");
        }

        if (current.Score is not { } now || earlier.Score is not { } then)
        {
            return null;
        }

        double change = now - then;
        return change > deadBand ? HealthTrend.Improving : change < -deadBand ? HealthTrend.Declining : HealthTrend.Stable;
    }

    /// <summary>
    /// The change between two stored snapshots of one account and model, split as
    /// <see cref="Attribute(HealthExplanation, HealthExplanation)"/> splits explained scores: so "why did it move since last
    /// week?" is answered from the store, without scoring the past again.
    /// </summary>
    /// <param name="earlier">The earlier snapshot.</param>
    /// <param name="current">The current snapshot, of a model with the same signals.</param>
    /// <returns>The attribution, or <see langword="null"/> when either score is undefined.</returns>
    /// <exception cref="ArgumentException">The snapshots come from models with different signals.</exception>
    public static ScoreChange? Attribute(ScoreSnapshot earlier, ScoreSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(current);
        if (!earlier.Signals.Select(s => s.Signal).SequenceEqual(current.Signals.Select(s => s.Signal)))
        {
            throw new ArgumentException("The two snapshots come from models with different signals.", nameof(current));
        }

        if (earlier.Score is not { } then || current.Score is not { } now)
        {
            return null;
        }

        var bySignal = new List<SignalChange>(current.Signals.Count);
        for (int i = 0; i < current.Signals.Count; i++)
        {
            bySignal.Add(new SignalChange(current.Signals[i].Signal, current.Signals[i].Contribution - earlier.Signals[i].Contribution));
        }

        double adjustments = current.Adjustments.Sum(a => a.Delta) - earlier.Adjustments.Sum(a => a.Delta);
        return new ScoreChange(now - then, bySignal, adjustments);
    }

    /// <summary>
    /// Returns where a score sits in a cohort, exactly: the percentage of the cohort below it, counting ties half (seed
    /// 002: a 78 "at the very high end of the Q2 cohort").
    /// </summary>
    /// <param name="score">The score.</param>
    /// <param name="cohort">The cohort's scores; undefined ones are left out.</param>
    /// <returns>The percentile rank, 0 to 100, or <see langword="null"/> when the cohort has no score.</returns>
    public static double? CohortPercentile(double score, IEnumerable<HealthScore> cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        int below = 0, equal = 0, count = 0;
        foreach (HealthScore other in cohort)
        {
            if (!other.HasValue)
            {
                continue;
            }

            count++;
            below += other.Value < score ? 1 : 0;
            equal += other.Value == score ? 1 : 0;
        }

        return count == 0 ? null : 100.0 * (below + (0.5 * equal)) / count;
    }
}
