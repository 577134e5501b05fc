namespace CustomerSuccess.SuccessPlans;

/// <summary>How a metric is doing against its target.</summary>
public enum MetricStatus
{
    /// <summary>No measurement yet, or no usable target: nothing to judge.</summary>
    NotMeasured = 1,

    /// <summary>The trend reaches the target by its date.</summary>
    OnTrack = 2,

    /// <summary>The trend falls short, but reaches at least <see cref="SuccessPlanOptions.AtRiskFrom"/> of the way.</summary>
    AtRisk = 3,

    /// <summary>The trend reaches less than that.</summary>
    OffTrack = 4,

    /// <summary>The latest measurement meets the target.</summary>
    Achieved = 5,

    /// <summary>The target date has passed without the target met.</summary>
    Missed = 6,
}
