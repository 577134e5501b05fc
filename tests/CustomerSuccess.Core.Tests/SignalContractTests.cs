using System;
using CustomerSuccess.Signals;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerSuccess.Tests;

public class SignalContractTests
{
    private static readonly SignalContext AsOfAugust15 = new(Instant.FromUtc(2026, 8, 15, 3, 0), DateTimeZoneProviders.Tzdb["America/New_York"]);

    [Fact]
    public void Of_NonFiniteValue_IsRejectedPointingToMissing()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SignalValue.Of(double.NaN));
        Assert.Contains("SignalValue.Missing", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalValue.Of(double.PositiveInfinity));
    }

    [Fact]
    public void Missing_CarriesItsReason_AndHasNoValue()
    {
        SignalValue missing = SignalValue.Missing("no NPS response yet");

        Assert.False(missing.IsPresent);
        Assert.Equal("no NPS response yet", missing.MissingReason);
        Assert.False(missing.TryGetValue(out _));
        var error = Assert.Throws<InvalidOperationException>(() => missing.Value);
        Assert.Contains("no NPS response yet", error.Message, StringComparison.Ordinal);
        Assert.Equal("missing (no NPS response yet)", missing.ToString());
    }

    [Fact]
    public void Default_IsMissingNotZero()
    {
        SignalValue unset = default;
        Assert.False(unset.IsPresent);
        Assert.Equal("no value was measured", unset.MissingReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_BlankReason_IsRejected(string reason) =>
        Assert.ThrowsAny<ArgumentException>(() => SignalValue.Missing(reason));

    [Fact]
    public void Of_Bool_IsOneOrZero()
    {
        Assert.Equal(1d, SignalValue.Of(true).Value);
        Assert.Equal(0d, SignalValue.Of(false).Value);
        Assert.Null(SignalValue.Of(false).MissingReason);
    }

    [Fact]
    public void Context_AsOfDate_IsTheLocalDateInItsZone()
    {
        // 03:00 UTC on August 15 is still August 14 in New York.
        Assert.Equal(new LocalDate(2026, 8, 14), AsOfAugust15.AsOfDate);
        Assert.Equal(DateTimeZone.Utc, default(SignalContext).Zone);
    }

    [Fact]
    public void Context_Now_ReadsTheInjectedClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 9, 8, 12, 0));
        Assert.Equal(clock.GetCurrentInstant(), SignalContext.Now(clock, DateTimeZone.Utc).AsOf);
    }

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

    private sealed record PilotAccount(int? LatestNps);

    private sealed record LoginHistory(Instant[] Logins);

    // What a contributor writes: one small class against the Core contract.
    private sealed class DaysSinceLastLogin : ISignal<LoginHistory>
    {
        public SignalId Id { get; } = new("engagement.days_since_login");

        public SignalTiming Timing => SignalTiming.Leading;

        public SignalValue Measure(LoginHistory account, in SignalContext context)
        {
            Instant? last = null;
            foreach (Instant login in account.Logins)
            {
                if (login <= context.AsOf && (last is null || login > last))
                {
                    last = login;
                }
            }

            return last is { } seen
                ? SignalValue.Of((context.AsOf - seen).TotalDays)
                : SignalValue.Missing("never logged in before the as-of date");
        }
    }
}
