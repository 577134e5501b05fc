namespace CustomerSuccess.Behaviors;

/// <summary>How urgently an alert asks for attention.</summary>
public enum AlertSeverity
{
    /// <summary>For the record; no action expected (a reward sent, a tip emailed).</summary>
    Info = 1,

    /// <summary>Worth a look this week.</summary>
    Warning = 2,

    /// <summary>Act now: the "danger signal" of Customer Success (Mehta et al.), such as 5 support cases in 7 days.</summary>
    Danger = 3,
}
