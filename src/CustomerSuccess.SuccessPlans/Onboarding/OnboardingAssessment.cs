using System;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// An onboarding against its SLA (Customer Success by Mehta et al.: 8 weeks from signature), as of a date: the deadline, the projected go-live
/// and why. Go-live is projected, in order: the go-live milestone's completion; once kicked off, its agreed due date (or today,
/// when that has passed); before kickoff, the projected kickoff (its due date, today, and the day after the executive sponsor
/// is back, whichever is latest; <see cref="SuccessPlanOptions.KickoffWithinDays"/> after signature when none is set) plus
/// <see cref="SuccessPlanOptions.KickoffToGoLiveDays"/>, or the agreed go-live date if later.
/// </summary>
public sealed class OnboardingAssessment
{
    /// <summary>Initializes a new <see cref="OnboardingAssessment"/>.</summary>
    /// <param name="status">The status.</param>
    /// <param name="deadline">The SLA deadline, or <see langword="null"/> without a signature date.</param>
    /// <param name="projectedGoLive">The projected (or actual) go-live, or <see langword="null"/> without a signature date.</param>
    /// <param name="reason">Why, in words.</param>
    public OnboardingAssessment(OnboardingStatus status, LocalDate? deadline, LocalDate? projectedGoLive, string reason)
    {
        Status = status;
        Deadline = deadline;
        ProjectedGoLive = projectedGoLive;
        Reason = reason;
    }

    /// <summary>Gets the status.</summary>
    public OnboardingStatus Status { get; }

    /// <summary>Gets the SLA deadline, or <see langword="null"/> without a signature date.</summary>
    public LocalDate? Deadline { get; }

    /// <summary>Gets the projected (or actual) go-live, or <see langword="null"/> without a signature date.</summary>
    public LocalDate? ProjectedGoLive { get; }

    /// <summary>Gets the reason, in words.</summary>
    public string Reason { get; }

    /// <summary>Assesses a plan's onboarding as of a date.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="options">The SLA and durations; the defaults when <see langword="null"/>.</param>
    /// <returns>The assessment.</returns>
    public static OnboardingAssessment Assess(SuccessPlan plan, LocalDate asOf, SuccessPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new SuccessPlanOptions();
        if (plan.SignedOn is not { } signed)
        {
            return new OnboardingAssessment(OnboardingStatus.NoSla, null, null, $"Plan '{plan.Id}' has no signature date, so no onboarding SLA.");
        }

        LocalDate deadline = signed.PlusDays(options.OnboardingSlaDays);
        Milestone? goLive = plan.MilestoneOf(MilestoneKind.GoLive);
        Milestone? kickoff = plan.MilestoneOf(MilestoneKind.Kickoff);
        if (goLive?.Completed is { } wentLive && wentLive <= asOf)
        {
            return wentLive <= deadline
                ? new OnboardingAssessment(OnboardingStatus.Met, deadline, wentLive, Invariant($"Went live {wentLive:uuuu-MM-dd}, within the SLA deadline {deadline:uuuu-MM-dd}."))
                : new OnboardingAssessment(OnboardingStatus.Missed, deadline, wentLive, Invariant($"Went live {wentLive:uuuu-MM-dd}, {Days(deadline, wentLive)} days after the SLA deadline {deadline:uuuu-MM-dd}."));
        }

        LocalDate projected;
        string basis;
        if (kickoff?.Completed is { } kickedOff && kickedOff <= asOf)
        {
            projected = goLive?.Due is { } due ? Later(due, asOf) : Later(kickedOff.PlusDays(options.KickoffToGoLiveDays), asOf);
            basis = goLive?.Due is not null ? "the agreed go-live date" : Invariant($"kickoff on {kickedOff:uuuu-MM-dd} plus {options.KickoffToGoLiveDays} days");
        }
        else
        {
            LocalDate projectedKickoff = Later(kickoff?.Due ?? signed.PlusDays(options.KickoffWithinDays), asOf);
            basis = Invariant($"a kickoff on {projectedKickoff:uuuu-MM-dd} plus {options.KickoffToGoLiveDays} days");
            if (plan.ExecutiveSponsor?.UnavailableUntil is { } away && away >= projectedKickoff)
            {
                projectedKickoff = away.PlusDays(1);
                basis = Invariant($"the sponsor is away until {away:uuuu-MM-dd}, so a kickoff on {projectedKickoff:uuuu-MM-dd} at the earliest plus {options.KickoffToGoLiveDays} days");
            }

            projected = projectedKickoff.PlusDays(options.KickoffToGoLiveDays);
            if (goLive?.Due is { } agreed && agreed > projected)
            {
                projected = agreed;
                basis = "the agreed go-live date";
            }
        }

        return projected <= deadline
            ? new OnboardingAssessment(OnboardingStatus.OnTrack, deadline, projected, Invariant($"Go-live projected {projected:uuuu-MM-dd} ({basis}), within the SLA deadline {deadline:uuuu-MM-dd}."))
            : new OnboardingAssessment(OnboardingStatus.AtRisk, deadline, projected, Invariant($"Go-live projected {projected:uuuu-MM-dd} ({basis}), {Days(deadline, projected)} days after the SLA deadline {deadline:uuuu-MM-dd}."));
    }

    private static LocalDate Later(LocalDate a, LocalDate b) => a > b ? a : b;

    private static int Days(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
