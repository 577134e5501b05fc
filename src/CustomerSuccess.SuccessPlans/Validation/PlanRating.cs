namespace CustomerSuccess.SuccessPlans;

/// <summary>A plan's colour from its findings: red when it lacks a sponsor or a measurable target.</summary>
public enum PlanRating
{
    /// <summary>No findings.</summary>
    Green = 1,

    /// <summary>Findings, none of them red.</summary>
    Yellow = 2,

    /// <summary>No executive sponsor, or no measurable metric with a target.</summary>
    Red = 3,
}
