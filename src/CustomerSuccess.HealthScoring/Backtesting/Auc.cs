using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The area under the ROC curve of a health score as a churn predictor, with lower scores meaning higher risk: the chance
/// that a retained account scored higher than a churned one, ties counting half (Mann-Whitney).
/// </summary>
public static class Auc
{
    /// <summary>Computes the AUC; O(n log n).</summary>
    /// <param name="scored">Scores with whether the account churned.</param>
    /// <returns>The AUC in [0, 1], or <see langword="null"/> (undefined) without at least one churned and one retained account.</returns>
    public static double? Of(IEnumerable<(double Score, bool Churned)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        (double Score, bool Churned)[] rows = scored.OrderBy(r => r.Score).ToArray();
        long churned = rows.LongCount(r => r.Churned);
        long retained = rows.Length - churned;
        if (churned == 0 || retained == 0)
        {
            return null;
        }

        // Walk up the scores; every retained account counts the churned ones strictly below it, and half those tied with it.
        double pairs = 0;
        long churnedBelow = 0;
        for (int i = 0; i < rows.Length;)
        {
            int j = i;
            long tiedChurned = 0;
            long tiedRetained = 0;
            while (j < rows.Length && rows[j].Score.Equals(rows[i].Score))
            {
                if (rows[j].Churned)
                {
                    tiedChurned++;
                }
                else
                {
                    tiedRetained++;
                }

                j++;
            }

            pairs += tiedRetained * (churnedBelow + (0.5 * tiedChurned));
            churnedBelow += tiedChurned;
            i = j;
        }

        return pairs / ((double)churned * retained);
    }

    /// <summary>
    /// The AUC from the retained and churned counts at each distinct score, ascending: the same sums in the same order as
    /// <see cref="Of"/>, so the same double.
    /// </summary>
    internal static double? OfTies(ReadOnlySpan<long> retainedAt, ReadOnlySpan<long> churnedAt)
    {
        long churned = 0, retained = 0;
        for (int g = 0; g < churnedAt.Length; g++)
        {
            churned += churnedAt[g];
            retained += retainedAt[g];
        }

        if (churned == 0 || retained == 0)
        {
            return null;
        }

        double pairs = 0;
        long churnedBelow = 0;
        for (int g = 0; g < churnedAt.Length; g++)
        {
            pairs += retainedAt[g] * (churnedBelow + (0.5 * churnedAt[g]));
            churnedBelow += churnedAt[g];
        }

        return pairs / ((double)churned * retained);
    }
}
