namespace CustomerSuccess.Behaviors;

/// <summary>How many users a <see cref="PredicateKind.Users"/> predicate needs.</summary>
public enum UserQuantifier
{
    /// <summary>At least one user.</summary>
    Any = 1,

    /// <summary>Every user first seen in the window (and at least one).</summary>
    All = 2,

    /// <summary>At least a given number of users.</summary>
    AtLeast = 3,
}
