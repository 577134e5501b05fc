namespace CustomerSuccess.SuccessPlans;

/// <summary>The sixth element of Client Velocity's formula: what comes after this plan.</summary>
public sealed record NextPhase
{
    /// <summary>Initializes a new <see cref="NextPhase"/>.</summary>
    /// <param name="description">What the customer will do next, in their words.</param>
    /// <param name="kind">One of Client Velocity's five kinds.</param>
    public NextPhase(string description, NextPhaseKind kind)
    {
        Description = description;
        Kind = kind;
    }

    /// <summary>Gets what the customer will do next, in their words.</summary>
    public string Description { get; init; }

    /// <summary>Gets the kind, one of Client Velocity's five.</summary>
    public NextPhaseKind Kind { get; init; }
}
