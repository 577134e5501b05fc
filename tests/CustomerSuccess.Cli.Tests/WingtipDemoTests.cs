using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.Revenue;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public class WingtipDemoTests
{
    private static readonly Portfolio Demo = WingtipDemo.Generate();

    [Fact]
    public void Generate_SameSeed_GivesTheSamePortfolio()
    {
        Portfolio again = WingtipDemo.Generate();

        Assert.Equal(Demo.Accounts, again.Accounts);
        Assert.Equal(Demo.Snapshots, again.Snapshots);
        Assert.Equal(Demo.Rates.Rates, again.Rates.Rates);
    }

    [Fact]
    public void Generate_AnotherSeed_GivesAnotherPortfolio() =>
        Assert.NotEqual(Demo.Snapshots.Take(500), WingtipDemo.Generate(7).Snapshots.Take(500));

    [Fact]
    public void Generate_TheMrrIsTheSubscriptionLogsMonthEndMrr_WithEveryKindOfEvent()
    {
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder();
        foreach (SubscriptionEvent e in Demo.Subscriptions)
        {
            builder.Add(e);
        }

        SubscriptionBook book = builder.Build();

        Assert.Equal(Demo.Snapshots.OrderBy(r => r.Account).ThenBy(r => r.Month), book.Rows(WingtipDemo.FirstMonth, WingtipDemo.LastMonth));
        Assert.Equal(Enum.GetValues<SubscriptionEventKind>().Order(), Demo.Subscriptions.Select(e => e.Kind).Distinct().Order());
        Assert.Contains(Demo.Subscriptions, e => e.HasTerms && e.Terms.Interval == SubscriptionInterval.Year);
        Assert.Contains(Demo.Subscriptions, e => e.HasTerms && e.Terms.Quantity > 1);
        Assert.Contains(Demo.Subscriptions, e => e.HasTerms && e.Terms.DiscountUntil is not null);
        Assert.Contains(Demo.Subscriptions, e => e.Subscription.EndsWith("-addon", System.StringComparison.Ordinal));
        // Cancellations at period end: at the first instant of the month that no longer pays.
        Assert.Contains(Demo.Subscriptions, e => e.Kind == SubscriptionEventKind.Cancel && e.EffectiveAt.InUtc().Day == 1 && e.EffectiveAt.InUtc().TimeOfDay == LocalTime.Midnight);
        // A discount that ends is an expansion without an event: some months' causes are discount only.
        Assert.Contains(book.Causes(WingtipDemo.FirstMonth, WingtipDemo.LastMonth), p => p.Cause == MrrCause.Discount && p.Change.Amount > 0);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(42UL)]
    public void Generate_AnotherSeed_StillBillsItsRevenueFromItsSubscriptionLog(ulong seed)
    {
        // Generate checks the log against the revenue it was drawn for and throws when they differ.
        Portfolio other = WingtipDemo.Generate(seed);

        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder();
        foreach (SubscriptionEvent e in other.Subscriptions)
        {
            builder.Add(e);
        }

        Assert.Equal(other.Snapshots.OrderBy(r => r.Account).ThenBy(r => r.Month), builder.Build().Rows(WingtipDemo.FirstMonth, WingtipDemo.LastMonth));
    }

    [Fact]
    public void Generate_HasTwentyFourMonthsOfMrr()
    {
        Assert.Equal(WingtipDemo.FirstMonth, Demo.FirstMonth);
        Assert.Equal(WingtipDemo.LastMonth, Demo.LastMonth);
        Assert.Equal(24, Demo.Snapshots.Select(s => s.Month).Distinct().Count());
    }

    [Fact]
    public void Generate_IsShapedLikeSeed002sWingtip()
    {
        // Seed 002: $40M ARR across 1,600 customers, ASP $25k, 15 enterprise customers above $150k, about 200 below $10k.
        var arr = LastMonthArrInUsd();

        Assert.InRange(arr.Count, 1_500, 1_700);
        Assert.InRange(arr.Values.Sum(), 37_000_000m, 43_000_000m);
        Assert.InRange(arr.Values.Average(), 22_000m, 28_000m);
        Assert.InRange(arr.Values.Count(v => v > 150_000m), 12, 20);
        Assert.InRange(arr.Values.Count(v => v < 10_000m), 170, 250);
    }

    [Fact]
    public void Generate_HoldsEveryKindOfMrrMovement()
    {
        var counts = new Dictionary<string, int>
        {
            ["new"] = 0, ["reactivation"] = 0, ["expansion"] = 0, ["contraction"] = 0, ["churn"] = 0,
        };
        var byAccount = Demo.Snapshots.GroupBy(s => s.Account).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Month, s => s.Mrr.Amount));
        foreach (var (_, months) in byAccount)
        {
            bool paidBefore = false;
            for (YearMonth m = Demo.FirstMonth.PlusMonths(1); m <= Demo.LastMonth; m = m.PlusMonths(1))
            {
                decimal previous = months.GetValueOrDefault(m.PlusMonths(-1));
                decimal current = months.GetValueOrDefault(m);
                paidBefore |= previous > 0;
                string? kind = (previous, current) switch
                {
                    (0, > 0) => paidBefore ? "reactivation" : "new",
                    (> 0, 0) => "churn",
                    _ when current > previous && previous > 0 => "expansion",
                    _ when current < previous && current > 0 => "contraction",
                    _ => null,
                };
                if (kind is not null)
                {
                    counts[kind]++;
                }
            }
        }

        Assert.InRange(counts["new"], 300, 800);
        Assert.InRange(counts["churn"], 150, 600);
        Assert.InRange(counts["expansion"], 300, 2_000);
        Assert.InRange(counts["contraction"], 150, 1_000);
        Assert.InRange(counts["reactivation"], 3, 100);
    }

    [Fact]
    public void Generate_IncludesSeed002sFinanciality_FromJuly2026AtTwentyNineThousandArr()
    {
        var financiality = Demo.Snapshots.Where(s => s.Account == WingtipDemo.Financiality).ToArray();

        Assert.Equal(new YearMonth(2026, 7), financiality.Min(s => s.Month));
        Assert.All(financiality, s => Assert.Equal(new Money(2_416.67m, Currency.USD), s.Mrr));
        Assert.Equal("Mary Harrison", Demo.Accounts.Single(a => a.Id == WingtipDemo.Financiality).Csm);
    }

    [Fact]
    public void Generate_BillsSomeEmeaAccountsInEurAndGbp_WithARateForEveryMonth()
    {
        var currencies = Demo.Snapshots.Select(s => s.Mrr.Currency).Distinct().ToHashSet();
        Assert.Equal([Currency.EUR, Currency.GBP, Currency.USD], currencies.OrderBy(c => c));

        for (YearMonth m = Demo.FirstMonth; m <= Demo.LastMonth; m = m.PlusMonths(1))
        {
            Assert.True(Demo.Rates.TryGetRate(Currency.EUR, Currency.USD, m, out _));
            Assert.True(Demo.Rates.TryGetRate(Currency.GBP, Currency.USD, m, out _));
        }
    }

    [Fact]
    public void Generate_AmountsAreWholeMinorUnits() =>
        Assert.All(Demo.Snapshots, s => Assert.Equal(s.Mrr, s.Mrr.Round()));

    private static Dictionary<AccountId, decimal> LastMonthArrInUsd() =>
        Demo.Snapshots
            .Where(s => s.Month == Demo.LastMonth)
            .ToDictionary(s => s.Account, s => Demo.Rates.Convert(s.Mrr, Currency.USD, s.Month).Amount * 12m);
}
