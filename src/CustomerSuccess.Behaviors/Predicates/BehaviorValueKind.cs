namespace CustomerSuccess.Behaviors;

/// <summary>What kind of value an aggregate observes, and so what a threshold must be.</summary>
public enum BehaviorValueKind
{
    /// <summary>A number: a count, a sum, a fact.</summary>
    Number = 1,

    /// <summary>A fraction such as -0.25 for a 25% drop; written as a percentage.</summary>
    Fraction = 2,

    /// <summary>An instant: the first or last time.</summary>
    Instant = 3,

    /// <summary>A duration: the time since the last event.</summary>
    Duration = 4,
}
