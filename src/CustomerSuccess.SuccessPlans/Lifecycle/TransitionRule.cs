namespace CustomerSuccess.SuccessPlans;

/// <summary>The rules of the plan lifecycle; a forbidden transition names the one it broke.</summary>
public enum TransitionRule
{
    /// <summary>Only a draft can be agreed.</summary>
    AgreeOnlyADraft = 1,

    /// <summary>A plan is agreed by the customer's executive sponsor: the plan must name one.</summary>
    AgreementNeedsAnExecutiveSponsor = 2,

    /// <summary>The person agreeing must be that executive sponsor.</summary>
    OnlyTheSponsorAgrees = 3,

    /// <summary>Only an agreed plan becomes active.</summary>
    ActivateOnlyAnAgreedPlan = 4,

    /// <summary>Only an active plan is achieved or missed.</summary>
    EndOnlyAnActivePlan = 5,

    /// <summary>A plan is achieved when every metric's target is met.</summary>
    AchievedNeedsEveryTargetMet = 6,

    /// <summary>An achieved, missed or abandoned plan is final.</summary>
    FinalPlansDoNotChange = 7,

    /// <summary>A successor plan comes from the next phase of an achieved or missed plan that has one.</summary>
    SuccessorNeedsAnEndedPlanWithANextPhase = 8,

    /// <summary>A status change cannot be dated before the previous one.</summary>
    DatesMoveForward = 9,
}
