using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>A person's role and responsibility in the plan (Client Velocity, element 5).</summary>
public sealed record PlanRole
{
    /// <summary>Initializes a new <see cref="PlanRole"/>.</summary>
    /// <param name="party">Customer or vendor.</param>
    /// <param name="kind">The role.</param>
    /// <param name="person">The person's name.</param>
    /// <param name="responsibility">What they are responsible for.</param>
    /// <param name="unavailableUntil">The last day the person is away, when known (Customer Success by Mehta et al.: the sponsor on leave until July 14).</param>
    public PlanRole(PlanParty party, PlanRoleKind kind, string person, string responsibility, LocalDate? unavailableUntil = null)
    {
        Party = party;
        Kind = kind;
        Person = person;
        Responsibility = responsibility;
        UnavailableUntil = unavailableUntil;
    }

    /// <summary>Gets the party: customer or vendor.</summary>
    public PlanParty Party { get; init; }

    /// <summary>Gets the role.</summary>
    public PlanRoleKind Kind { get; init; }

    /// <summary>Gets the person's name.</summary>
    public string Person { get; init; }

    /// <summary>Gets what they are responsible for.</summary>
    public string Responsibility { get; init; }

    /// <summary>Gets the last day the person is away, when known (Customer Success by Mehta et al.: the sponsor on leave until July 14).</summary>
    public LocalDate? UnavailableUntil { get; init; }
}
