namespace CustomerSuccess.SuccessPlans;

/// <summary>Which way a metric improves.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (forecast accuracy, active users).</summary>
    HigherIsBetter = 1,

    /// <summary>Lower is better (time to reach quota, days to close the books).</summary>
    LowerIsBetter = 2,
}

/// <summary>The kinds of milestone a plan's timeline holds.</summary>
public enum MilestoneKind
{
    /// <summary>The project kickoff meeting.</summary>
    Kickoff = 1,

    /// <summary>Go-live: the solution is in use.</summary>
    GoLive = 2,

    /// <summary>First value: the customer sees the first measurable result (seed 002, law 7: time to value ends here).</summary>
    FirstValue = 3,

    /// <summary>A business review with the executive sponsor (an EBR or QBR).</summary>
    BusinessReview = 4,

    /// <summary>Any other milestone.</summary>
    Other = 5,
}

/// <summary>Which side a person in a plan is on.</summary>
public enum PlanParty
{
    /// <summary>The customer.</summary>
    Customer = 1,

    /// <summary>The vendor.</summary>
    Vendor = 2,
}

/// <summary>The part a person plays in a plan.</summary>
public enum PlanRoleKind
{
    /// <summary>The customer's executive sponsor, whose agreement makes the plan (seed 001's "decision maker").</summary>
    ExecutiveSponsor = 1,

    /// <summary>The vendor's customer success manager.</summary>
    Csm = 2,

    /// <summary>The vendor's onboarding project manager.</summary>
    ProjectManager = 3,

    /// <summary>A customer champion or administrator.</summary>
    Champion = 4,

    /// <summary>Anyone else with a responsibility.</summary>
    Contributor = 5,
}

/// <summary>Where a plan is in its lifecycle: draft, agreed (by the sponsor), active, then achieved, missed or abandoned.</summary>
public enum PlanStatus
{
    /// <summary>Being written with the customer.</summary>
    Draft = 1,

    /// <summary>The executive sponsor agreed the success measures; the onboarding clock has started.</summary>
    Agreed = 2,

    /// <summary>Being worked on.</summary>
    Active = 3,

    /// <summary>Every target met.</summary>
    Achieved = 4,

    /// <summary>The plan ended without meeting its targets.</summary>
    Missed = 5,

    /// <summary>Given up, with a reason.</summary>
    Abandoned = 6,
}
