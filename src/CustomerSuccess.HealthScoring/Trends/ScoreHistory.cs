using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// One account's scores over time, oldest first: what the score was at any instant, and its trend over a look-back
/// ("declining over the last 30 days"). Immutable and thread-safe.
/// </summary>
public sealed class ScoreHistory
{
    private readonly (Instant At, HealthScore Score)[] _points;

    private ScoreHistory((Instant At, HealthScore Score)[] points) => _points = points;

    /// <summary>Gets the scores, oldest first.</summary>
    public IReadOnlyList<(Instant At, HealthScore Score)> Points => ReadOnlyViews.Wrap(_points);

    /// <summary>Builds a history from scores in any order.</summary>
    /// <param name="points">When each score was taken, and the score.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">Two scores share an instant; the message names it.</exception>
    public static ScoreHistory From(IEnumerable<(Instant At, HealthScore Score)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        (Instant At, HealthScore Score)[] sorted = points.OrderBy(p => p.At).ToArray();
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].At == sorted[i - 1].At)
            {
                throw new ArgumentException($"Two scores were taken at {sorted[i].At}; a history holds one score per instant.", nameof(points));
            }
        }

        return new ScoreHistory(sorted);
    }

    /// <summary>Returns the score as it stood at an instant: the latest taken at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The score, or undefined when none was taken by then.</returns>
    public HealthScore At(Instant instant)
    {
        HealthScore score = default;
        foreach ((Instant at, HealthScore s) in _points)
        {
            if (at > instant)
            {
                break;
            }

            score = s;
        }

        return score;
    }

    /// <summary>
    /// Compares the score at <paramref name="asOf"/> with the score <paramref name="lookBack"/> earlier, with a dead band
    /// (see <see cref="HealthTrends.Trend(HealthScore, HealthScore, double)"/>).
    /// </summary>
    /// <param name="asOf">The instant compared.</param>
    /// <param name="lookBack">How far back the earlier score is.</param>
    /// <param name="deadBand">Points of change that still count as stable.</param>
    /// <returns>The trend, or <see langword="null"/> when either score is undefined.</returns>
    public HealthTrend? Trend(Instant asOf, Duration lookBack, double deadBand = 5) =>
        HealthTrends.Trend(At(asOf), At(asOf - lookBack), deadBand);
}
