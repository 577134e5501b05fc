using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>How many accounts of a segment sit in each band.</summary>
public sealed class BandDistribution
{
    private readonly int[] _counts;

    internal BandDistribution(string segment, HealthBands bands, int[] counts, int undefined)
    {
        Segment = segment;
        Bands = bands;
        _counts = counts;
        Undefined = undefined;
    }

    /// <summary>Gets the segment.</summary>
    public string Segment { get; }

    /// <summary>Gets the bands counted in.</summary>
    public HealthBands Bands { get; }

    /// <summary>Gets the number of accounts without a score.</summary>
    public int Undefined { get; }

    /// <summary>Gets the number of accounts with a score.</summary>
    public int Scored => _counts.Sum();

    /// <summary>Returns the number of accounts in a band.</summary>
    /// <param name="band">The band's name.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">No band has that name.</exception>
    public int Count(string band) => _counts[IndexOf(band)];

    /// <summary>Returns a band's share of the scored accounts; undefined when none is scored.</summary>
    /// <param name="band">The band's name.</param>
    /// <returns>The share.</returns>
    /// <exception cref="KeyNotFoundException">No band has that name.</exception>
    public Ratio Share(string band) => Ratio.Of(_counts[IndexOf(band)], Scored);

    internal BandDistribution Plus(BandDistribution other)
    {
        int[] counts = new int[_counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = checked(_counts[i] + other._counts[i]);
        }

        return new BandDistribution(Segment, Bands, counts, checked(Undefined + other.Undefined));
    }

    private int IndexOf(string band)
    {
        foreach (HealthBand b in Bands.All)
        {
            if (string.Equals(b.Name, band, StringComparison.Ordinal))
            {
                return b.Index;
            }
        }

        throw new KeyNotFoundException($"There is no band '{band}'; the bands are {string.Join(", ", Bands.All.Select(b => b.Name))}.");
    }
}
