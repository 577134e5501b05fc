namespace CustomerSuccess.SuccessPlans;

/// <summary>What a plan lacks, one kind per objection Client Velocity's plans answer.</summary>
public enum FindingKind
{
    /// <summary>No metric says how it is measured ("I'm not sure we really have any measurable impact").</summary>
    NoMeasurableMetric = 1,

    /// <summary>A metric has no target, no target date, or a target that is not an improvement on its baseline.</summary>
    NoTarget = 2,

    /// <summary>No customer executive sponsor.</summary>
    NoExecutiveSponsor = 3,

    /// <summary>No milestone with a due date.</summary>
    NoTimeline = 4,

    /// <summary>No next phase: what comes after this plan.</summary>
    NoNextPhase = 5,

    /// <summary>A milestone is due after the last target date.</summary>
    MilestoneAfterTargetDate = 6,

    /// <summary>No purpose in the customer's words.</summary>
    NoPurpose = 7,
}
