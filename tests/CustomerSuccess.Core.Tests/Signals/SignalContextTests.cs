using CustomerSuccess.Signals;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static CustomerSuccess.Tests.SignalFixtures;

namespace CustomerSuccess.Tests;

public class SignalContextTests
{
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
}
