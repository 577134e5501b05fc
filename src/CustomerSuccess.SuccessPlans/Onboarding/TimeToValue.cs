using System;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>Time to value (Customer Success by Mehta et al., law 7): from the agreement of success measures to the first-value milestone.</summary>
public static class TimeToValue
{
    /// <summary>Returns the days from <see cref="SuccessPlan.MeasuresAgreedOn"/> to the completion of the first-value milestone.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The days, or <see langword="null"/> (undefined, not zero) while either date is missing.</returns>
    public static int? Days(SuccessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.MeasuresAgreedOn is { } agreed && plan.Milestones.FirstOrDefault(m => m.Kind == MilestoneKind.FirstValue)?.Completed is { } firstValue
            ? Period.Between(agreed, firstValue, PeriodUnits.Days).Days
            : null;
    }
}
