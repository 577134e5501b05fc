namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// The kind of the next phase of a success plan, the sixth element of Client Velocity's formula: what the customer
/// will do once this plan's targets are met, and so what the successor plan is about.
/// </summary>
public enum NextPhaseKind
{
    /// <summary>More improvement of the same metrics.</summary>
    MoreImprovement = 1,

    /// <summary>More success targets: new metrics or goals.</summary>
    MoreSuccessTargets = 2,

    /// <summary>More expertise or services.</summary>
    MoreExpertiseOrServices = 3,

    /// <summary>More people, teams or divisions.</summary>
    MorePeopleTeamsOrDivisions = 4,

    /// <summary>More technology, functionality or modules.</summary>
    MoreTechnologyOrModules = 5,
}
