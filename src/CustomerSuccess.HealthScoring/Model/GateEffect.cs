namespace CustomerSuccess.HealthScoring;

/// <summary>Whether a gate caps the score from above or floors it from below.</summary>
public enum GateEffect
{
    /// <summary>The score is at most the gate's limit ("an invoice 90 days overdue caps at red").</summary>
    Cap = 0,

    /// <summary>The score is at least the gate's limit.</summary>
    Floor = 1,
}
