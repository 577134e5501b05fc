using System;
using System.Collections.Generic;

namespace CustomerSuccess.Orleans;

/// <summary>The merged figures of a portfolio job, and how its shards ran.</summary>
public sealed class PortfolioResult
{
    internal PortfolioResult(PortfolioPartial figures, int[] attempts, string[] silos, TimeSpan elapsed)
    {
        Figures = figures;
        Attempts = ReadOnlyViews.Wrap(attempts);
        Silos = ReadOnlyViews.Wrap(silos);
        Elapsed = elapsed;
    }

    /// <summary>Gets the figures, merged over every shard.</summary>
    public PortfolioPartial Figures { get; }

    /// <summary>Gets, per shard, the attempt whose figures were taken (1 unless the shard ran again).</summary>
    public IReadOnlyList<int> Attempts { get; }

    /// <summary>Gets, per shard, the name of the silo that computed its figures.</summary>
    public IReadOnlyList<string> Silos { get; }

    /// <summary>Gets the job's wall-clock time, from the first call to the last answer.</summary>
    public TimeSpan Elapsed { get; }
}
