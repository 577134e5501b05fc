using System;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using NodaTime;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// The figures of a portfolio job over some of its shards: each part the request asked for, merged exactly over the
/// shards' disjoint accounts. A part is <see langword="null"/> when it was not asked for, or when no shard had an account
/// for it. Serialised between silos through the parts' own versioned JSON forms. Immutable.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.portfolio-partial")]
public sealed class PortfolioPartial
{
    /// <summary>Gets the MRR movements.</summary>
    [Id(0)]
    public MrrMovementReport? Movements { get; init; }

    /// <summary>Gets the cohort retention.</summary>
    [Id(1)]
    public CohortReport? Cohort { get; init; }

    /// <summary>Gets the band distribution per segment.</summary>
    [Id(2)]
    public BandDistributions? Bands { get; init; }

    /// <summary>Gets the behavior segments' counts.</summary>
    [Id(3)]
    public SegmentCounts? Segments { get; init; }

    /// <summary>Merges the figures of other shards (disjoint accounts) into these. Associative and commutative; exact.</summary>
    /// <param name="other">Figures of the same request over other shards.</param>
    /// <returns>The merged figures.</returns>
    public PortfolioPartial Merge(PortfolioPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PortfolioPartial
        {
            Movements = Merge(Movements, other.Movements, static (a, b) => a.Merge(b)),
            Cohort = Merge(Cohort, other.Cohort, static (a, b) => a.Merge(b)),
            Bands = Merge(Bands, other.Bands, static (a, b) => a.Merge(b)),
            Segments = Merge(Segments, other.Segments, static (a, b) => a.Merge(b)),
        };
    }

    /// <summary>Computes the request's figures over one shard's slice, as the single-process library does.</summary>
    /// <param name="request">What to compute; validated.</param>
    /// <param name="slice">The shard's accounts.</param>
    /// <returns>The shard's figures.</returns>
    /// <exception cref="ArgumentException">The slice lacks a part the request asks for.</exception>
    public static PortfolioPartial Of(PortfolioRequest request, PortfolioSlice slice)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(slice);
        MrrHistory? mrr = request.MovementsFrom is not null || request.CohortFrom is not null
            ? slice.Mrr ?? throw new ArgumentException("The request asks for movements or a cohort, and the slice has no MRR history.", nameof(slice))
            : null;

        // A history without accounts has one empty group: merged, it would add a group the whole portfolio does not have.
        bool anyMrr = mrr is not null && mrr.Accounts.Any();
        BandDistributions? bands = null;
        if (request.BandDistributions)
        {
            HealthBands scoreBands = slice.Bands ?? throw new ArgumentException("The request asks for band distributions, and the slice has no bands.", nameof(slice));
            bands = BandDistributions.Of(slice.Scores ?? throw new ArgumentException("The request asks for band distributions, and the slice has no scores.", nameof(slice)), scoreBands);
        }

        SegmentCounts? segments = null;
        if (request.Segments.Count > 0)
        {
            BehaviorEvaluator behavior = slice.Behavior ?? throw new ArgumentException("The request asks for segments, and the slice has no events.", nameof(slice));
            var context = new SignalContext(request.SegmentsAsOf!.Value, DateTimeZoneProviders.Tzdb[request.TimeZone]);
            segments = SegmentCounts.Count(behavior, request.ParsedSegments(), context, slice.GroupOf, slice.MoreAccounts);
        }

        return new PortfolioPartial
        {
            Movements = anyMrr && request.MovementsFrom is { } from && request.MovementsTo is { } to ? mrr!.Movements(from, to) : null,
            Cohort = anyMrr && request.CohortFrom is { } cf && request.CohortTo is { } ct ? mrr!.Cohort(cf, ct) : null,
            Bands = bands,
            Segments = segments,
        };
    }

    private static T? Merge<T>(T? a, T? b, Func<T, T, T> merge)
        where T : class => a is null ? b : b is null ? a : merge(a, b);
}
