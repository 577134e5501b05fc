namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The direction of a health score against an earlier score of the same account. Changes within the dead band
/// count as <see cref="Stable"/>, so noise does not read as a trend.
/// </summary>
public enum HealthTrend
{
    /// <summary>The score moved by no more than the dead band.</summary>
    Stable = 0,

    /// <summary>The score rose by more than the dead band.</summary>
    Improving = 1,

    /// <summary>The score fell by more than the dead band.</summary>
    Declining = 2,
}
