using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Tests;

internal static class SignalFixtures
{
    internal static readonly SignalContext AsOfAugust15 = new(Instant.FromUtc(2026, 8, 15, 3, 0), DateTimeZoneProviders.Tzdb["America/New_York"]);

    internal sealed record PilotAccount(int? LatestNps);

    internal sealed record LoginHistory(Instant[] Logins);

    // What a contributor writes: one small class against the Core contract.
    internal sealed class DaysSinceLastLogin : ISignal<LoginHistory>
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
