namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// The thresholds and durations behind plan statuses and the onboarding SLA. Binds from configuration; <c>AddSuccessPlans</c>
/// validates it at start.
/// </summary>
public sealed class SuccessPlanOptions
{
    /// <summary>Gets or sets the onboarding SLA: days from contract signature to go-live (Customer Success by Mehta et al.: 8 weeks).</summary>
    public int OnboardingSlaDays { get; set; } = 56;

    /// <summary>Gets or sets the days a kickoff normally takes to happen after signature, when the sponsor is available.</summary>
    public int KickoffWithinDays { get; set; } = 7;

    /// <summary>Gets or sets the days from kickoff to go-live of a standard onboarding, used to project go-live before one is agreed.</summary>
    public int KickoffToGoLiveDays { get; set; } = 49;

    /// <summary>
    /// Gets or sets the projected progress on the target date from which a metric that falls short is at risk rather than
    /// off track (0.8: the trend reaches 80% of the way).
    /// </summary>
    public double AtRiskFrom { get; set; } = 0.8;
}
