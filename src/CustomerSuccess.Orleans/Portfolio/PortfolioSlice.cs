using System;
using System.Collections.Generic;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;

namespace CustomerSuccess.Orleans;

/// <summary>
/// One shard's accounts, as a source read them (<see cref="IPortfolioSource"/>): each part the request asks for must be
/// set. Stays on the silo that read it; only the partial results computed from it travel.
/// </summary>
public sealed class PortfolioSlice
{
    /// <summary>Gets the shard's MRR history, for movements and cohort retention.</summary>
    public MrrHistory? Mrr { get; init; }

    /// <summary>Gets each account's segment and health score, for the band distributions.</summary>
    public IEnumerable<(string Segment, HealthScore Score)>? Scores { get; init; }

    /// <summary>Gets the bands the scores are counted in, for the band distributions.</summary>
    public HealthBands? Bands { get; init; }

    /// <summary>Gets the shard's events and facts, for the behavior segments.</summary>
    public BehaviorEvaluator? Behavior { get; init; }

    /// <summary>Gets accounts to judge besides those with events (such as every account with facts).</summary>
    public IEnumerable<AccountId>? MoreAccounts { get; init; }

    /// <summary>Gets the group an account's segment counts go to (a customer segment, a region); all in "" when <see langword="null"/>.</summary>
    public Func<AccountId, string>? GroupOf { get; init; }
}
