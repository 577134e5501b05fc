using System;

namespace CustomerSuccess.HealthScoring;

/// <summary>What shaped a score beyond the weighted average.</summary>
[Flags]
public enum HealthScoreInfluences
{
    /// <summary>Nothing: the weighted average of the signals.</summary>
    None = 0,

    /// <summary>A gate capped or floored the score.</summary>
    Gated = 1,

    /// <summary>A manual override set the score.</summary>
    Overridden = 2,

    /// <summary>At least one missing signal was replaced by its substitute score.</summary>
    Substituted = 4,

    /// <summary>At least one signal was missing.</summary>
    SignalsMissing = 8,
}
