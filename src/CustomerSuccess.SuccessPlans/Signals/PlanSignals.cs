using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// A plan's state as health signals through the Core contract, so a health model can weigh "the customer is reaching the
/// success it bought" without a dependency between the packages. All are tagged leading: a plan falling behind warns before
/// usage or renewal does.
/// </summary>
public static class PlanSignals
{
    /// <summary>
    /// The mean progress of the plan's metrics that have a usable target and a measurement (0 at baseline, 1 at target, capped
    /// at 1 so that one overshooting metric does not hide a lagging one); missing when none is measured or there is no plan.
    /// </summary>
    /// <typeparam name="TAccount">The caller's account type.</typeparam>
    /// <param name="id">The signal's id.</param>
    /// <param name="planOf">The account's current plan, or <see langword="null"/>.</param>
    /// <param name="measurementsOf">The measurements of the account's metrics, by metric name.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> Progress<TAccount>(SignalId id, Func<TAccount, SuccessPlan?> planOf, Func<TAccount, IReadOnlyDictionary<string, IReadOnlyList<Measurement>>> measurementsOf)
    {
        ArgumentNullException.ThrowIfNull(planOf);
        ArgumentNullException.ThrowIfNull(measurementsOf);
        return Signal.Create<TAccount>(id, SignalTiming.Leading, (account, context) =>
        {
            if (Assess(planOf(account), measurementsOf(account), context) is not { } assessments)
            {
                return SignalValue.Missing("no success plan");
            }

            double[] progress = assessments.Where(a => a.Progress is not null).Select(a => Math.Min(a.Progress!.Value, 1d)).ToArray();
            return progress.Length == 0 ? SignalValue.Missing("no plan metric is measured against a target yet") : SignalValue.Of(progress.Average());
        });
    }

    /// <summary>The share of measured metrics on track or achieved; missing when none is measured or there is no plan.</summary>
    /// <typeparam name="TAccount">The caller's account type.</typeparam>
    /// <param name="id">The signal's id.</param>
    /// <param name="planOf">The account's current plan, or <see langword="null"/>.</param>
    /// <param name="measurementsOf">The measurements of the account's metrics, by metric name.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> OnTrackShare<TAccount>(SignalId id, Func<TAccount, SuccessPlan?> planOf, Func<TAccount, IReadOnlyDictionary<string, IReadOnlyList<Measurement>>> measurementsOf)
    {
        ArgumentNullException.ThrowIfNull(planOf);
        ArgumentNullException.ThrowIfNull(measurementsOf);
        return Signal.Create<TAccount>(id, SignalTiming.Leading, (account, context) =>
        {
            if (Assess(planOf(account), measurementsOf(account), context) is not { } assessments)
            {
                return SignalValue.Missing("no success plan");
            }

            MetricAssessment[] judged = assessments.Where(a => a.Status != MetricStatus.NotMeasured).ToArray();
            return judged.Length == 0
                ? SignalValue.Missing("no plan metric is measured against a target yet")
                : SignalValue.Of(judged.Count(a => a.Status is MetricStatus.OnTrack or MetricStatus.Achieved) / (double)judged.Length);
        });
    }

    /// <summary>1 while onboarding is on track or met its SLA, 0 when at risk or missed; missing without a signature date or plan.</summary>
    /// <typeparam name="TAccount">The caller's account type.</typeparam>
    /// <param name="id">The signal's id.</param>
    /// <param name="planOf">The account's onboarding plan, or <see langword="null"/>.</param>
    /// <param name="options">The SLA; the defaults when <see langword="null"/>.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> OnboardingOnTrack<TAccount>(SignalId id, Func<TAccount, SuccessPlan?> planOf, SuccessPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(planOf);
        return Signal.Create<TAccount>(id, SignalTiming.Leading, (account, context) =>
        {
            if (planOf(account) is not { } plan)
            {
                return SignalValue.Missing("no success plan");
            }

            OnboardingAssessment onboarding = OnboardingAssessment.Assess(plan, context.AsOfDate, options);
            return onboarding.Status == OnboardingStatus.NoSla
                ? SignalValue.Missing("the plan has no signature date, so no onboarding SLA")
                : SignalValue.Of(onboarding.Status is OnboardingStatus.OnTrack or OnboardingStatus.Met);
        });
    }

    private static MetricAssessment[]? Assess(SuccessPlan? plan, IReadOnlyDictionary<string, IReadOnlyList<Measurement>> measurements, SignalContext context)
    {
        if (plan is null)
        {
            return null;
        }

        LocalDate asOf = context.AsOfDate;
        return plan.Metrics.Select(m => MetricAssessment.Assess(m, measurements.GetValueOrDefault(m.Name) ?? [], asOf)).ToArray();
    }
}
