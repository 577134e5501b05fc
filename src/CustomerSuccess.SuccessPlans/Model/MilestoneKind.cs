namespace CustomerSuccess.SuccessPlans;

/// <summary>The kinds of milestone a plan's timeline holds.</summary>
public enum MilestoneKind
{
    /// <summary>The project kickoff meeting.</summary>
    Kickoff = 1,

    /// <summary>Go-live: the solution is in use.</summary>
    GoLive = 2,

    /// <summary>First value: the customer sees the first measurable result (Customer Success by Mehta et al., law 7: time to value ends here).</summary>
    FirstValue = 3,

    /// <summary>A business review with the executive sponsor (an EBR or QBR).</summary>
    BusinessReview = 4,

    /// <summary>Any other milestone.</summary>
    Other = 5,
}
