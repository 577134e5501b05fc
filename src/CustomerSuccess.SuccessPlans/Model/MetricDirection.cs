namespace CustomerSuccess.SuccessPlans;

/// <summary>Which way a metric improves.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (forecast accuracy, active users).</summary>
    HigherIsBetter = 1,

    /// <summary>Lower is better (time to reach quota, days to close the books).</summary>
    LowerIsBetter = 2,
}
