namespace CustomerSuccess.SuccessPlans;

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
