namespace CustomerSuccess.SuccessPlans;

/// <summary>A milestone in a template, due some days after signature.</summary>
public sealed record TemplateMilestone
{
    /// <summary>Initializes a new <see cref="TemplateMilestone"/>.</summary>
    /// <param name="name">The milestone's name.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="dueAfterDays">Days from signature to its due date.</param>
    /// <param name="ownerRole">The role that owns it; the instantiated milestone names that role's person.</param>
    public TemplateMilestone(string name, MilestoneKind kind, int dueAfterDays, PlanRoleKind? ownerRole = null)
    {
        Name = name;
        Kind = kind;
        DueAfterDays = dueAfterDays;
        OwnerRole = ownerRole;
    }

    /// <summary>Gets the milestone's name.</summary>
    public string Name { get; init; }

    /// <summary>Gets its kind.</summary>
    public MilestoneKind Kind { get; init; }

    /// <summary>Gets the days from signature to its due date.</summary>
    public int DueAfterDays { get; init; }

    /// <summary>Gets the role that owns it; the instantiated milestone names that role's person.</summary>
    public PlanRoleKind? OwnerRole { get; init; }
}
