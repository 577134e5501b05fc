using System;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;
using static CustomerSuccess.Tests.SignalFixtures;

namespace CustomerSuccess.Tests;

public class SignalTests
{
    [Fact]
    public void Create_DelegateSignal_MeasuresThroughTheContract()
    {
        ISignal<PilotAccount> nps = Signal.Create<PilotAccount>(
            new SignalId("nps.latest"),
            SignalTiming.Lagging,
            static (account, context) => account.LatestNps is { } score
                ? SignalValue.Of(score)
                : SignalValue.Missing("no NPS response yet"));

        Assert.Equal(new SignalId("nps.latest"), nps.Id);
        Assert.Equal(SignalTiming.Lagging, nps.Timing);
        Assert.Equal(SignalValue.Of(4), nps.Measure(new PilotAccount(4), AsOfAugust15));
        Assert.Equal("no NPS response yet", nps.Measure(new PilotAccount(null), AsOfAugust15).MissingReason);
    }

    [Fact]
    public void Create_WithoutId_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Signal.Create<PilotAccount>(default, SignalTiming.Leading, static (_, _) => SignalValue.Of(1)));

    [Fact]
    public void ContributorSignal_WrittenAgainstCoreAlone_ReadsOnlyThePast()
    {
        var signal = new DaysSinceLastLogin();
        var account = new LoginHistory([Instant.FromUtc(2026, 8, 10, 0, 0), Instant.FromUtc(2026, 8, 20, 0, 0)]);

        // The login on August 20 has not happened yet as of August 15.
        Assert.Equal(5.125d, signal.Measure(account, AsOfAugust15).Value, precision: 6);
        Assert.Equal("never logged in before the as-of date", signal.Measure(new LoginHistory([]), AsOfAugust15).MissingReason);
        Assert.Equal(SignalTiming.Leading, signal.Timing);
    }
}
