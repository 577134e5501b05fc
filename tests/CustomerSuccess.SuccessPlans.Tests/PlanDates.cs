using NodaTime;

namespace CustomerSuccess.SuccessPlans.Tests;

/// <summary>Days of 2026, the year of the Financiality story.</summary>
internal static class PlanDates
{
    internal static LocalDate D(int month, int day) => new(2026, month, day);
}
