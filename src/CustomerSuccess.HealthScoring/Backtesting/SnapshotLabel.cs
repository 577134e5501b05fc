namespace CustomerSuccess.HealthScoring;

/// <summary>How a snapshot counts for a horizon.</summary>
public enum SnapshotLabel
{
    /// <summary>The account had not churned by as-of + horizon and was observed that long: 0.</summary>
    Retained = 0,

    /// <summary>The account churned within (as-of, as-of + horizon]: 1.</summary>
    Churned = 1,

    /// <summary>Not churned, but observation ends before as-of + horizon: left out.</summary>
    Censored = 2,

    /// <summary>Taken on or after the churn date: left out.</summary>
    AfterChurn = 3,

    /// <summary>No outcome is known for the account: left out.</summary>
    NoOutcome = 4,
}
