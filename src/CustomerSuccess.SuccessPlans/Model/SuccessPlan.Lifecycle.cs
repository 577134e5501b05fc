using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

public sealed partial class SuccessPlan
{
    /// <summary>
    /// The executive sponsor agrees the plan: draft to agreed. The onboarding clock (time to value) starts on this date.
    /// </summary>
    /// <param name="on">The date of agreement.</param>
    /// <param name="sponsor">The person agreeing; must be the plan's customer executive sponsor.</param>
    /// <returns>The agreed plan.</returns>
    /// <exception cref="PlanTransitionException">The plan is not a draft, names no executive sponsor, or someone else agreed.</exception>
    public SuccessPlan Agree(LocalDate on, string sponsor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sponsor);
        Guard(PlanStatus.Agreed, on);
        if (Status != PlanStatus.Draft)
        {
            throw Refused(PlanStatus.Agreed, TransitionRule.AgreeOnlyADraft, $"it is {Status}, not a draft");
        }

        if (ExecutiveSponsor is not { } named)
        {
            throw Refused(PlanStatus.Agreed, TransitionRule.AgreementNeedsAnExecutiveSponsor, "it names no customer executive sponsor");
        }

        if (!string.Equals(named.Person, sponsor, StringComparison.Ordinal))
        {
            throw Refused(PlanStatus.Agreed, TransitionRule.OnlyTheSponsorAgrees, $"'{sponsor}' is not the executive sponsor '{named.Person}'");
        }

        return With(PlanStatus.Agreed, on, b => b.MeasuresAgreedOn = on);
    }

    /// <summary>Work starts: agreed to active.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The active plan.</returns>
    /// <exception cref="PlanTransitionException">The plan is not agreed.</exception>
    public SuccessPlan Activate(LocalDate on)
    {
        Guard(PlanStatus.Active, on);
        return Status == PlanStatus.Agreed
            ? With(PlanStatus.Active, on)
            : throw Refused(PlanStatus.Active, TransitionRule.ActivateOnlyAnAgreedPlan, $"it is {Status}, not agreed");
    }

    /// <summary>Every target is met: active to achieved.</summary>
    /// <param name="on">The date.</param>
    /// <param name="measurements">The measurements per metric name; each metric's latest on or before <paramref name="on"/> must meet its target.</param>
    /// <returns>The achieved plan.</returns>
    /// <exception cref="PlanTransitionException">The plan is not active, or a target is not met (the message names the metric).</exception>
    public SuccessPlan Achieve(LocalDate on, IReadOnlyDictionary<string, IReadOnlyList<Measurement>> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        Guard(PlanStatus.Achieved, on);
        if (Status != PlanStatus.Active)
        {
            throw Refused(PlanStatus.Achieved, TransitionRule.EndOnlyAnActivePlan, $"it is {Status}, not active");
        }

        if (Metrics.Count == 0)
        {
            throw Refused(PlanStatus.Achieved, TransitionRule.AchievedNeedsEveryTargetMet, "it has no metrics to meet");
        }

        foreach (PlanMetric metric in Metrics)
        {
            MetricAssessment assessment = MetricAssessment.Assess(metric, measurements.GetValueOrDefault(metric.Name) ?? [], on);
            if (assessment.Status != MetricStatus.Achieved)
            {
                string detail = assessment.Progress is { } p
                    ? FormattableString.Invariant($"metric '{metric.Name}' is at {p * 100:0}% of its target")
                    : $"metric '{metric.Name}' has no measurement or no usable target";
                throw Refused(PlanStatus.Achieved, TransitionRule.AchievedNeedsEveryTargetMet, detail);
            }
        }

        return With(PlanStatus.Achieved, on);
    }

    /// <summary>The plan ends without meeting its targets: active to missed.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The missed plan.</returns>
    /// <exception cref="PlanTransitionException">The plan is not active.</exception>
    public SuccessPlan Miss(LocalDate on)
    {
        Guard(PlanStatus.Missed, on);
        return Status == PlanStatus.Active
            ? With(PlanStatus.Missed, on)
            : throw Refused(PlanStatus.Missed, TransitionRule.EndOnlyAnActivePlan, $"it is {Status}, not active");
    }

    /// <summary>The plan is given up, with a reason: from draft, agreed or active.</summary>
    /// <param name="on">The date.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The abandoned plan.</returns>
    /// <exception cref="PlanTransitionException">The plan has already ended.</exception>
    public SuccessPlan Abandon(LocalDate on, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Guard(PlanStatus.Abandoned, on);
        return With(PlanStatus.Abandoned, on, b => b.StatusReason = reason);
    }

    /// <summary>
    /// The next phase becomes a successor plan: a draft for the same account, linked to this one, whose purpose is the next
    /// phase's description, with the same roles and bullseye. For "more improvement" its metrics carry over with this
    /// plan's targets as their new baselines and no targets yet.
    /// </summary>
    /// <param name="successorId">The new plan's id.</param>
    /// <param name="on">The date.</param>
    /// <returns>The successor draft.</returns>
    /// <exception cref="PlanTransitionException">This plan is not achieved or missed, or has no next phase.</exception>
    public SuccessPlan StartNextPhase(string successorId, LocalDate on)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(successorId);
        if (Status is not (PlanStatus.Achieved or PlanStatus.Missed) || NextPhase is null)
        {
            throw Refused(PlanStatus.Draft, TransitionRule.SuccessorNeedsAnEndedPlanWithANextPhase,
                NextPhase is null ? "it has no next phase" : $"it is {Status}; only an achieved or missed plan has a successor");
        }

        Builder successor = CreateBuilder(successorId, Account);
        successor.Purpose = NextPhase.Description;
        successor.Bullseye = Bullseye;
        successor.PredecessorId = Id;
        successor.Segment = Segment;
        successor.StatusChangedOn = on;
        successor.AddRoles(Roles.Select(r => r with { UnavailableUntil = null }));
        if (NextPhase.Kind == NextPhaseKind.MoreImprovement)
        {
            successor.AddMetrics(Metrics.Where(m => m.Target is not null).Select(m => m with { Baseline = m.Target!.Value, BaselineDate = on, Target = null, TargetDate = null }));
        }

        return successor.Build();
    }

    private void Guard(PlanStatus to, LocalDate on)
    {
        if (Status is PlanStatus.Achieved or PlanStatus.Missed or PlanStatus.Abandoned)
        {
            throw Refused(to, TransitionRule.FinalPlansDoNotChange, $"it is {Status}, which is final");
        }

        if (StatusChangedOn is { } last && on < last)
        {
            throw Refused(to, TransitionRule.DatesMoveForward, $"{on:uuuu-MM-dd} is before its last change on {last:uuuu-MM-dd}");
        }
    }

    private PlanTransitionException Refused(PlanStatus to, TransitionRule rule, string detail) => new(Id, Status, to, rule, detail);

    private SuccessPlan With(PlanStatus status, LocalDate on, Action<Builder>? change = null)
    {
        Builder builder = ToBuilder();
        builder.Status = status;
        builder.StatusChangedOn = on;
        change?.Invoke(builder);
        return builder.Build();
    }
}
