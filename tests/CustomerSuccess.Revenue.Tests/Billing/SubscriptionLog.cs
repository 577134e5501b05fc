using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>A random, valid subscription log: every event kind, several currencies, events at the first instant of a month.</summary>
public sealed record SubscriptionLog(SubscriptionEvent[] Events, bool Exact, bool SingleCurrency)
{
    public static readonly YearMonth First = new(2025, 1);
    public static readonly YearMonth Last = new(2026, 6);

    public override string ToString() => $"{Events.Length} events: {string.Join("; ", Events.Take(30))}";

    /// <summary>A log from a seed. Exact: whole-cent monthly prices and no percent discount, so no monthly amount is rounded.</summary>
    public static SubscriptionLog FromSeed(int seed, bool exact, bool singleCurrency)
    {
        var random = new Random(seed);
        Currency[] currencies = singleCurrency ? [Currency.USD] : [Currency.USD, Currency.EUR, Currency.JPY];
        int accounts = random.Next(1, 6);
        var events = new List<SubscriptionEvent>();
        Currency[] accountCurrency = [.. Enumerable.Range(0, accounts).Select(_ => currencies[random.Next(currencies.Length)])];
        int subscriptions = random.Next(1, 10);
        for (int s = 0; s < subscriptions; s++)
        {
            int a = random.Next(accounts);
            var account = new AccountId($"acct-{a}");
            // Usually one currency per account, as MRR histories need; now and then a second one.
            Currency currency = random.Next(8) == 0 ? currencies[random.Next(currencies.Length)] : accountCurrency[a];
            string id = $"sub-{s}";
            Instant at = Instant.FromUtc(2024, 12, 1, 0, 0) + Duration.FromHours(random.Next(0, 24 * 300));
            int state = 0; // 0 not open, 1 active, 2 trial, 3 paused, 4 cancelled
            int count = random.Next(1, 9);
            for (int e = 0; e < count; e++)
            {
                SubscriptionEventKind kind = Next(state, random);
                events.Add(kind switch
                {
                    SubscriptionEventKind.Start => SubscriptionEvent.Start(account, id, at, Terms(random, currency, exact, at)),
                    SubscriptionEventKind.Change => SubscriptionEvent.Change(account, id, at, Terms(random, currency, exact, at)),
                    SubscriptionEventKind.Trial => SubscriptionEvent.Trial(account, id, at, Terms(random, currency, exact, at)),
                    SubscriptionEventKind.Pause => SubscriptionEvent.Pause(account, id, at),
                    SubscriptionEventKind.Resume => SubscriptionEvent.Resume(account, id, at),
                    _ => SubscriptionEvent.Cancel(account, id, at),
                });
                state = kind switch
                {
                    SubscriptionEventKind.Start or SubscriptionEventKind.Change => 1,
                    SubscriptionEventKind.Trial => 2,
                    SubscriptionEventKind.Pause => 3,
                    SubscriptionEventKind.Resume => 1, // not exact (a resume returns to a trial too), only for choosing the next kind
                    _ => 4,
                };
                at = NextInstant(at, random);
            }
        }

        return new SubscriptionLog([.. events.OrderBy(_ => random.Next())], exact, singleCurrency);
    }

    private static SubscriptionEventKind Next(int state, Random random) => state switch
    {
        0 => random.Next(4) == 0 ? SubscriptionEventKind.Trial : SubscriptionEventKind.Start,
        1 or 2 => random.Next(10) switch
        {
            < 4 => SubscriptionEventKind.Change,
            < 6 => SubscriptionEventKind.Pause,
            < 8 => SubscriptionEventKind.Cancel,
            8 => SubscriptionEventKind.Trial,
            _ => SubscriptionEventKind.Start,
        },
        3 => random.Next(4) switch { 0 => SubscriptionEventKind.Change, 1 => SubscriptionEventKind.Cancel, _ => SubscriptionEventKind.Resume },
        _ => random.Next(3) == 0 ? SubscriptionEventKind.Trial : SubscriptionEventKind.Start,
    };

    private static Instant NextInstant(Instant at, Random random)
    {
        // Now and then exactly the first instant of a month: such an event belongs to that month.
        if (random.Next(5) == 0)
        {
            LocalDate day = at.InUtc().Date.PlusMonths(random.Next(1, 4));
            return day.With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        }

        return at + Duration.FromMinutes(random.Next(1, 60 * 24 * 120));
    }

    private static readonly decimal[] Prices = [0m, 9.99m, 10m, 12.345m, 100m, 1_234.5678m, 0.005m, 49m, 2_400m];
    private static readonly decimal[] ExactPrices = [0m, 9.99m, 10m, 100m, 49.01m, 2_400m];

    private static SubscriptionTerms Terms(Random random, Currency currency, bool exact, Instant at)
    {
        if (exact)
        {
            decimal price = ExactPrices[random.Next(ExactPrices.Length)];
            decimal fixedOff = random.Next(3) == 0 ? new decimal(random.Next(0, 3000), 0, 0, false, 2) : 0m;
            return new SubscriptionTerms(new Money(currency == Currency.JPY ? Math.Round(price) : price, currency), SubscriptionInterval.Month,
                quantity: random.Next(0, 6), discountAmount: currency == Currency.JPY ? Math.Round(fixedOff) : fixedOff, discountUntil: Until(random, at));
        }

        var interval = (SubscriptionInterval)random.Next(4);
        decimal percent = random.Next(4) switch { 0 => 10m, 1 => 33.33m, 2 => 100m, _ => 0m };
        decimal amountOff = random.Next(4) == 0 ? 5m : random.Next(10) == 0 ? 1_000m : 0m;
        return new SubscriptionTerms(new Money(Prices[random.Next(Prices.Length)], currency), interval, random.Next(5) == 0 ? random.Next(2, 4) : 1,
            random.Next(0, 6), percent, amountOff, Until(random, at));
    }

    private static Instant? Until(Random random, Instant at) => random.Next(3) switch
    {
        0 => null,
        1 => at + Duration.FromDays(random.Next(1, 200)),
        _ => at.InUtc().Date.PlusMonths(random.Next(1, 5)).With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
    };
}

public static class SubscriptionArbitraries
{
    public static Arbitrary<SubscriptionLog> Log() =>
        Gen.Choose(0, int.MaxValue).Select(seed => SubscriptionLog.FromSeed(seed, exact: false, singleCurrency: false)).ToArbitrary();
}

/// <summary>A log whose monthly amounts are exact cents (no rounding), in USD only.</summary>
public sealed record ExactLog(SubscriptionLog Log)
{
    public static Arbitrary<ExactLog> Arbitrary() =>
        Gen.Choose(0, int.MaxValue).Select(seed => new ExactLog(SubscriptionLog.FromSeed(seed, exact: true, singleCurrency: true))).ToArbitrary();
}

/// <summary>A log in USD only, as one MRR history takes.</summary>
public sealed record UsdLog(SubscriptionLog Log)
{
    public static Arbitrary<UsdLog> Arbitrary() =>
        Gen.Choose(0, int.MaxValue).Select(seed => new UsdLog(SubscriptionLog.FromSeed(seed, exact: false, singleCurrency: true))).ToArbitrary();
}
