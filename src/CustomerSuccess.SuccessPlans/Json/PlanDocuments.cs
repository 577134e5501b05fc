using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

// The JSON shapes: plain data, every field nullable so that a missing one is reported by name and path, not defaulted.

internal sealed class PlanDocument
{
    public string? Id { get; set; }

    public string? Account { get; set; }

    public string? Purpose { get; set; }

    public BullseyeDocument? Bullseye { get; set; }

    public List<MetricDocument>? Metrics { get; set; }

    public List<MilestoneDocument>? Milestones { get; set; }

    public List<RoleDocument>? Roles { get; set; }

    public NextPhaseDocument? NextPhase { get; set; }

    public PlanStatus? Status { get; set; }

    public LocalDate? SignedOn { get; set; }

    public LocalDate? MeasuresAgreedOn { get; set; }

    public LocalDate? StatusChangedOn { get; set; }

    public string? StatusReason { get; set; }

    public string? PredecessorId { get; set; }

    public string? Segment { get; set; }

    public Instant? CreatedAt { get; set; }

    public Instant? UpdatedAt { get; set; }
}

internal sealed class BullseyeDocument
{
    public string? PrimaryBusinessObjective { get; set; }

    public List<string>? KeyProcesses { get; set; }
}

internal sealed class MetricDocument
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public MetricDirection? Direction { get; set; }

    public string? HowMeasured { get; set; }

    public string? Source { get; set; }

    public double? Baseline { get; set; }

    public LocalDate? BaselineDate { get; set; }

    public double? Target { get; set; }

    public LocalDate? TargetDate { get; set; }
}

internal sealed class MilestoneDocument
{
    public string? Name { get; set; }

    public MilestoneKind? Kind { get; set; }

    public LocalDate? Due { get; set; }

    public LocalDate? Completed { get; set; }

    public string? Owner { get; set; }
}

internal sealed class RoleDocument
{
    public PlanParty? Party { get; set; }

    public PlanRoleKind? Kind { get; set; }

    public string? Person { get; set; }

    public string? Responsibility { get; set; }

    public LocalDate? UnavailableUntil { get; set; }
}

internal sealed class NextPhaseDocument
{
    public string? Description { get; set; }

    public NextPhaseKind? Kind { get; set; }
}

internal sealed class TemplateDocument
{
    public string? Name { get; set; }

    public string? Segment { get; set; }

    public string? Purpose { get; set; }

    public List<TemplateMetricDocument>? Metrics { get; set; }

    public List<TemplateMilestoneDocument>? Milestones { get; set; }

    public List<TemplateRoleDocument>? Roles { get; set; }

    public NextPhaseDocument? NextPhase { get; set; }
}

internal sealed class TemplateMetricDocument
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public MetricDirection? Direction { get; set; }

    public string? HowMeasured { get; set; }

    public string? Source { get; set; }

    public double? TargetChange { get; set; }

    public int? TargetAfterDays { get; set; }
}

internal sealed class TemplateMilestoneDocument
{
    public string? Name { get; set; }

    public MilestoneKind? Kind { get; set; }

    public int? DueAfterDays { get; set; }

    public PlanRoleKind? OwnerRole { get; set; }
}

internal sealed class TemplateRoleDocument
{
    public PlanParty? Party { get; set; }

    public PlanRoleKind? Kind { get; set; }

    public string? Responsibility { get; set; }
}
