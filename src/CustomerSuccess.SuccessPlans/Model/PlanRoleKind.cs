namespace CustomerSuccess.SuccessPlans;

/// <summary>The part a person plays in a plan.</summary>
public enum PlanRoleKind
{
    /// <summary>The customer's executive sponsor, whose agreement makes the plan (Client Velocity's "decision maker").</summary>
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
