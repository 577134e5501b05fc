using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Scores of many accounts together: the band distribution per segment, and a parent account's score rolled up from
/// its children. Undefined scores are counted apart, never as 0.
/// </summary>
public static class HealthRollups
{
    /// <summary>Counts scores per segment and band.</summary>
    /// <param name="scores">Each account's segment and score.</param>
    /// <param name="bands">The bands to count in.</param>
    /// <returns>One distribution per segment, in ordinal order of the segment.</returns>
    public static IReadOnlyList<BandDistribution> BandDistribution(IEnumerable<(string Segment, HealthScore Score)> scores, HealthBands bands) =>
        BandDistributions.Of(scores, bands).Segments;

    /// <summary>Rolls children up into their parent by the plain mean of their scores.</summary>
    /// <param name="children">The children's scores; undefined ones are left out.</param>
    /// <param name="bands">The bands of the result.</param>
    /// <returns>The mean, or undefined when no child has a score.</returns>
    public static HealthScore Mean(IEnumerable<HealthScore> children, HealthBands bands) =>
        Weighted(children.Select(c => (c, 1m)), bands);

    /// <summary>Rolls children up weighted by contract value, so the large subsidiaries count most.</summary>
    /// <param name="children">Each child's score and contract value (zero or more); undefined scores are left out.</param>
    /// <param name="bands">The bands of the result.</param>
    /// <returns>The weighted mean, or undefined when no child with a positive weight has a score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    public static HealthScore Weighted(IEnumerable<(HealthScore Score, decimal Weight)> children, HealthBands bands)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(bands);
        double total = 0, weights = 0;
        HealthScoreInfluences influences = HealthScoreInfluences.None;
        foreach ((HealthScore score, decimal weight) in children)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(weight, nameof(children));
            influences |= score.Influences;
            if (score.HasValue && weight > 0)
            {
                total += score.Value * (double)weight;
                weights += (double)weight;
            }
        }

        if (weights == 0)
        {
            return new HealthScore(influences);
        }

        double mean = Math.Clamp(total / weights, 0, 100);
        return new HealthScore(mean, bands.Classify(mean), bands, influences);
    }
}
