using System.Collections.Generic;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.SuccessPlans.Tests;

public class PlanSignalsTests
{
    private sealed record Customer(SuccessPlan? Plan, IReadOnlyDictionary<string, IReadOnlyList<Measurement>> Measurements);

    private static SignalContext At(int month, int day) => new(new LocalDate(2026, month, day).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc);

    [Fact]
    public void PlanStatusAndProgress_AreLeadingHealthSignals()
    {
        var measured = new Dictionary<string, IReadOnlyList<Measurement>> { ["Days to train a new analyst"] = [new(new LocalDate(2026, 10, 31), 12), new(new LocalDate(2026, 11, 30), 9)] };
        var customer = new Customer(FinancialityTests.Signed(), measured);
        ISignal<Customer> progress = PlanSignals.Progress<Customer>(new SignalId("plan.progress"), c => c.Plan, c => c.Measurements);
        ISignal<Customer> onTrack = PlanSignals.OnTrackShare<Customer>(new SignalId("plan.on_track"), c => c.Plan, c => c.Measurements);
        ISignal<Customer> onboarding = PlanSignals.OnboardingOnTrack<Customer>(new SignalId("plan.onboarding"), c => c.Plan);

        Assert.Equal(SignalTiming.Leading, progress.Timing);
        Assert.Equal(11d / 13d, progress.Measure(customer, At(12, 8)).Value, 12);
        Assert.Equal(1d, onTrack.Measure(customer, At(12, 8)).Value);
        Assert.Equal(1d, onboarding.Measure(customer, At(7, 1)).Value);
        Assert.Equal("no success plan", progress.Measure(new Customer(null, measured), At(12, 8)).MissingReason);
        Assert.False(progress.Measure(customer, At(9, 1)).IsPresent); // nothing measured yet: missing, not 0
    }
}
