namespace CustomerSuccess.HealthScoring;

/// <summary>How a gate compares a signal's raw value with its threshold.</summary>
public enum GateComparison
{
    /// <summary>raw &gt;= threshold.</summary>
    AtLeast = 0,

    /// <summary>raw &gt; threshold.</summary>
    Above = 1,

    /// <summary>raw &lt;= threshold.</summary>
    AtMost = 2,

    /// <summary>raw &lt; threshold.</summary>
    Below = 3,
}
