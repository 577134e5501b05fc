using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.SuccessPlans;

/// <summary>What a plan lacks, one kind per objection seed 001 answers.</summary>
public enum FindingKind
{
    /// <summary>No metric says how it is measured ("I'm not sure we really have any measurable impact").</summary>
    NoMeasurableMetric = 1,

    /// <summary>A metric has no target, no target date, or a target that is not an improvement on its baseline.</summary>
    NoTarget = 2,

    /// <summary>No customer executive sponsor.</summary>
    NoExecutiveSponsor = 3,

    /// <summary>No milestone with a due date.</summary>
    NoTimeline = 4,

    /// <summary>No next phase: what comes after this plan.</summary>
    NoNextPhase = 5,

    /// <summary>A milestone is due after the last target date.</summary>
    MilestoneAfterTargetDate = 6,

    /// <summary>No purpose in the customer's words.</summary>
    NoPurpose = 7,
}

/// <summary>A plan's colour from its findings: red when it lacks a sponsor or a measurable target.</summary>
public enum PlanRating
{
    /// <summary>No findings.</summary>
    Green = 1,

    /// <summary>Findings, none of them red.</summary>
    Yellow = 2,

    /// <summary>No executive sponsor, or no measurable metric with a target.</summary>
    Red = 3,
}

/// <summary>One thing a plan lacks, with a message that names the plan and the part at fault.</summary>
public sealed class PlanFinding
{
    /// <summary>Initializes a new <see cref="PlanFinding"/>.</summary>
    /// <param name="kind">What is lacking.</param>
    /// <param name="message">The message.</param>
    /// <param name="subject">The metric or milestone at fault, when there is one.</param>
    public PlanFinding(FindingKind kind, string message, string? subject = null)
    {
        Kind = kind;
        Message = message;
        Subject = subject;
    }

    /// <summary>Gets the kind of finding: what is lacking.</summary>
    public FindingKind Kind { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets the metric or milestone at fault, when there is one.</summary>
    public string? Subject { get; }

    /// <summary>Gets whether the finding makes the plan red.</summary>
    public bool IsRed => Kind is FindingKind.NoExecutiveSponsor or FindingKind.NoMeasurableMetric or FindingKind.NoTarget;
}

/// <summary>Checks a plan against seed 001's objections.</summary>
public static class PlanValidator
{
    /// <summary>Returns the plan's findings, in the order of <see cref="FindingKind"/>; empty for a complete plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The findings.</returns>
    public static IReadOnlyList<PlanFinding> Validate(SuccessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var findings = new List<PlanFinding>();
        string id = plan.Id;
        if (!plan.Metrics.Any(m => m.IsMeasurable))
        {
            findings.Add(new PlanFinding(FindingKind.NoMeasurableMetric, $"Plan '{id}' has no metric that says how it is measured."));
        }

        foreach (PlanMetric metric in plan.Metrics.Where(m => !m.HasUsableTarget))
        {
            string why = metric.Target is null ? "has no target" : metric.TargetDate is null ? "has no target date"
                : $"has a target ({metric.Target}) that is not {(metric.Direction == MetricDirection.HigherIsBetter ? "above" : "below")} its baseline ({metric.Baseline})";
            findings.Add(new PlanFinding(FindingKind.NoTarget, $"Plan '{id}', metric '{metric.Name}' {why}.", metric.Name));
        }

        if (plan.Metrics.Count == 0)
        {
            findings.Add(new PlanFinding(FindingKind.NoTarget, $"Plan '{id}' has no metric, so no target."));
        }

        if (plan.ExecutiveSponsor is null)
        {
            findings.Add(new PlanFinding(FindingKind.NoExecutiveSponsor, $"Plan '{id}' names no customer executive sponsor."));
        }

        if (!plan.Milestones.Any(m => m.Due is not null))
        {
            findings.Add(new PlanFinding(FindingKind.NoTimeline, $"Plan '{id}' has no milestone with a due date."));
        }

        if (plan.NextPhase is null)
        {
            findings.Add(new PlanFinding(FindingKind.NoNextPhase, $"Plan '{id}' has no next phase."));
        }

        if (plan.Metrics.Where(m => m.TargetDate is not null).Select(m => m.TargetDate!.Value).DefaultIfEmpty().Max() is var lastTarget && lastTarget != default)
        {
            foreach (Milestone late in plan.Milestones.Where(m => m.Due > lastTarget))
            {
                findings.Add(new PlanFinding(FindingKind.MilestoneAfterTargetDate,
                    FormattableString.Invariant($"Plan '{id}', milestone '{late.Name}' is due {late.Due:uuuu-MM-dd}, after the last target date {lastTarget:uuuu-MM-dd}."), late.Name));
            }
        }

        if (string.IsNullOrWhiteSpace(plan.Purpose))
        {
            findings.Add(new PlanFinding(FindingKind.NoPurpose, $"Plan '{id}' has no purpose in the customer's words."));
        }

        return findings;
    }

    /// <summary>Rates a plan: red without a sponsor or a measurable target, yellow with other findings, green without.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The rating.</returns>
    public static PlanRating Rate(SuccessPlan plan)
    {
        IReadOnlyList<PlanFinding> findings = Validate(plan);
        return findings.Any(f => f.IsRed) ? PlanRating.Red : findings.Count > 0 ? PlanRating.Yellow : PlanRating.Green;
    }
}
