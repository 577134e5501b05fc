namespace CustomerSuccess.SuccessPlans;

/// <summary>A role in a template; the person is named when the template is instantiated.</summary>
public sealed record TemplateRole
{
    /// <summary>Initializes a new <see cref="TemplateRole"/>.</summary>
    /// <param name="party">Customer or vendor.</param>
    /// <param name="kind">The role.</param>
    /// <param name="responsibility">What the role is responsible for.</param>
    public TemplateRole(PlanParty party, PlanRoleKind kind, string responsibility)
    {
        Party = party;
        Kind = kind;
        Responsibility = responsibility;
    }

    /// <summary>Gets the party: customer or vendor.</summary>
    public PlanParty Party { get; init; }

    /// <summary>Gets the role.</summary>
    public PlanRoleKind Kind { get; init; }

    /// <summary>Gets what the role is responsible for.</summary>
    public string Responsibility { get; init; }
}
