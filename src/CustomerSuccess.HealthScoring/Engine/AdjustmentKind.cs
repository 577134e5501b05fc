namespace CustomerSuccess.HealthScoring;

/// <summary>What moved the score after the weighted average.</summary>
public enum AdjustmentKind
{
    /// <summary>A gate capped or floored the score.</summary>
    Gate = 0,

    /// <summary>A manual override replaced it.</summary>
    Override = 1,
}
