using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.SuccessPlans;

/// <summary>Checks a plan against Client Velocity's objections.</summary>
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
