namespace CustomerSuccess.SuccessPlans;

/// <summary>Where an onboarding stands against its SLA.</summary>
public enum OnboardingStatus
{
    /// <summary>The plan has no signature date: no SLA applies.</summary>
    NoSla = 1,

    /// <summary>Go-live is projected within the SLA.</summary>
    OnTrack = 2,

    /// <summary>Go-live is projected after the SLA deadline.</summary>
    AtRisk = 3,

    /// <summary>Go-live happened within the SLA.</summary>
    Met = 4,

    /// <summary>Go-live happened after the SLA deadline.</summary>
    Missed = 5,
}
