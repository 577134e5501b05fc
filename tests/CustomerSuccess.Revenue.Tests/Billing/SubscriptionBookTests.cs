using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public sealed class SubscriptionBookTests
{
    private static readonly AccountId Northwind = new("northwind");

    private static Instant At(int year, int month, int day, int hour = 0) => Instant.FromUtc(year, month, day, hour, 0);

    private static SubscriptionTerms Usd(decimal amount, SubscriptionInterval interval = SubscriptionInterval.Month, decimal quantity = 1, decimal percent = 0, Instant? until = null) =>
        new(new Money(amount, Currency.USD), interval, quantity: quantity, discountPercent: percent, discountUntil: until);

    private static SubscriptionBook Book(params SubscriptionEvent[] events) => Book(null, events);

    private static SubscriptionBook Book(SubscriptionMrrOptions? options, params SubscriptionEvent[] events)
    {
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder(options);
        foreach (SubscriptionEvent e in events)
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    private static string[] Text(SubscriptionBook book) => [.. book.Rows().Select(r => $"{r.Account} {r.Month:uuuu-MM} {r.Mrr.Amount} {r.Mrr.Currency}")];

    [Fact]
    public void Rows_WorkedExample_AnAnnualPlanWithADiscountThatEnds_ASeatIncrease_AndAPause()
    {
        // docs/revenue.md, "From billing data to MRR": 10 seats at $1,200 a seat a year, 20% off until July 1, a trial first.
        SubscriptionBook book = Book(
            SubscriptionEvent.Resume(Northwind, "nw-annual", At(2025, 12, 15)),
            SubscriptionEvent.Trial(Northwind, "nw-annual", At(2025, 1, 1), Usd(1_200m, SubscriptionInterval.Year, quantity: 10)),
            SubscriptionEvent.Start(Northwind, "nw-annual", At(2025, 1, 15), Usd(1_200m, SubscriptionInterval.Year, 10, 20, At(2025, 7, 1))),
            SubscriptionEvent.Change(Northwind, "nw-annual", At(2025, 9, 10, 14), Usd(1_200m, SubscriptionInterval.Year, quantity: 12)),
            SubscriptionEvent.Pause(Northwind, "nw-annual", At(2025, 11, 1)));

        Assert.Equal(
        [
            "northwind 2025-01 800.00 USD", "northwind 2025-02 800.00 USD", "northwind 2025-03 800.00 USD", "northwind 2025-04 800.00 USD",
            "northwind 2025-05 800.00 USD", "northwind 2025-06 800.00 USD",   // the discount lasts to July 1: June still has it
            "northwind 2025-07 1000.00 USD", "northwind 2025-08 1000.00 USD", // list price
            "northwind 2025-09 1200.00 USD", "northwind 2025-10 1200.00 USD", // 12 seats
            "northwind 2025-12 1200.00 USD",                                  // paused from November 1, the first instant of November
        ], Text(book));

        // Movements are reported for the months after the first of the range, as retention reports them.
        var movements = book.ToMrrHistory(new YearMonth(2025, 1), new YearMonth(2025, 12)).GetMovements(Northwind);
        Assert.Equal(["2025-07 Expansion 200.00", "2025-09 Expansion 200.00", "2025-11 Churn 1200.00", "2025-12 Reactivation 1200.00"],
            movements.Select(m => $"{m.Month:uuuu-MM} {m.Kind} {m.Amount.Amount}"));
    }

    [Fact]
    public void Causes_WorkedExample_NameTheDiscountThatEnded_TheSeats_ThePause_AndTheResume()
    {
        SubscriptionBook book = Book(
            SubscriptionEvent.Start(Northwind, "nw-annual", At(2025, 1, 15), Usd(1_200m, SubscriptionInterval.Year, 10, 20, At(2025, 7, 1))),
            SubscriptionEvent.Change(Northwind, "nw-annual", At(2025, 9, 10, 14), Usd(1_300m, SubscriptionInterval.Year, quantity: 12, percent: 10)),
            SubscriptionEvent.Pause(Northwind, "nw-annual", At(2025, 11, 1)),
            SubscriptionEvent.Resume(Northwind, "nw-annual", At(2025, 12, 15)),
            SubscriptionEvent.Start(Northwind, "nw-addon", At(2025, 12, 20), Usd(49m)));

        // September: 10 seats at 1,000 a month (no discount) -> 12 seats at 1,300 a seat a year less 10% = 1,170.00:
        // price at 10 seats without discount +83.33, then 2 more seats +216.67, then the new 10% -130.00.
        Assert.Equal(
        [
            "2025-07 Discount 200.00", "2025-09 Price 83.33", "2025-09 Quantity 216.67", "2025-09 Discount -130.00",
            "2025-11 Paused -1170.00", "2025-12 SubscriptionAdded 49.00", "2025-12 Resumed 1170.00",
        ], book.Causes(new YearMonth(2025, 1), new YearMonth(2025, 12)).Select(p => $"{p.Month:uuuu-MM} {p.Cause} {p.Change.Amount}"));
    }

    [Fact]
    public void Rows_EventAtTheFirstInstantOfAMonth_BelongsToThatMonth_InTheReportingZone()
    {
        SubscriptionEvent[] events =
        [
            SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 10), Usd(100m)),
            SubscriptionEvent.Cancel(Northwind, "s", Instant.FromUtc(2025, 2, 28, 23, 30)), // March 1, 00:30 in Berlin
        ];

        Assert.Equal(["northwind 2025-01 100.00 USD"], Text(Book(events)));
        var berlin = new SubscriptionMrrOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"] };
        Assert.Equal(["northwind 2025-01 100.00 USD", "northwind 2025-02 100.00 USD"], Text(Book(berlin, events)));
        Assert.Equal(["northwind 2025-01 100.00 USD"], Text(Book(
            SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 10), Usd(100m)),
            SubscriptionEvent.Cancel(Northwind, "s", At(2025, 2, 1)))));
    }

    [Fact]
    public void Rows_ATrialContributesNothing_ACancelledSubscriptionReopensWithTheStartsTerms()
    {
        SubscriptionBook book = Book(
            SubscriptionEvent.Trial(Northwind, "s", At(2025, 1, 5), Usd(50m)),
            SubscriptionEvent.Start(Northwind, "s", At(2025, 2, 5), Usd(50m)),
            SubscriptionEvent.Cancel(Northwind, "s", At(2025, 3, 5)),
            SubscriptionEvent.Start(Northwind, "s", At(2025, 5, 5), Usd(70m, quantity: 2)));

        Assert.Equal(["northwind 2025-02 50.00 USD", "northwind 2025-05 140.00 USD"], Text(book));
    }

    [Fact]
    public void Rows_AddUpAnAccountsSubscriptions_PerCurrency_AndCarryStateIntoALaterRange()
    {
        SubscriptionBook book = Book(
            SubscriptionEvent.Start(Northwind, "a", At(2025, 1, 5), Usd(10.005m)),
            SubscriptionEvent.Start(Northwind, "b", At(2025, 1, 6), Usd(10.005m)),
            SubscriptionEvent.Start(Northwind, "c", At(2025, 1, 7), new SubscriptionTerms(new Money(99m, Currency.EUR), SubscriptionInterval.Month)));

        // Each subscription is rounded on its own (10.00 twice, midpoint to even), then they add up.
        Assert.Equal(["northwind 2025-03 20.00 USD", "northwind 2025-03 99.00 EUR"],
            book.Rows(new YearMonth(2025, 3), new YearMonth(2025, 3)).Select(r => $"{r.Account} {r.Month:uuuu-MM} {r.Mrr.Amount} {r.Mrr.Currency}").OrderByDescending(t => t.EndsWith("USD", StringComparison.Ordinal)));
        Assert.Equal(new YearMonth(2025, 1), book.FirstMonth);
        Assert.Equal(3, book.SubscriptionCount);
    }

    [Fact]
    public void Rows_PauseAndResume_ReturnToTheStateBeforeThePause_EvenATrial()
    {
        SubscriptionBook book = Book(
            SubscriptionEvent.Trial(Northwind, "s", At(2025, 1, 5), Usd(50m)),
            SubscriptionEvent.Pause(Northwind, "s", At(2025, 1, 20)),
            SubscriptionEvent.Resume(Northwind, "s", At(2025, 2, 20)),
            SubscriptionEvent.Change(Northwind, "s", At(2025, 3, 20), Usd(60m)));

        Assert.Equal(["northwind 2025-03 60.00 USD"], Text(book));
    }

    public static TheoryData<string, int, string, string> BadLogs() => new()
    {
        { "change before start", 0, "event", "a change before the subscription's start" },
        { "resume without pause", 1, "event", "a resume without a pause" },
        { "pause while paused", 2, "event", "a pause of a subscription already paused" },
        { "event after cancel", 2, "event", "a pause after the subscription's cancel" },
        { "same instant", 1, "effective_at", "at the same instant as another event" },
        { "other account", 1, "account_id", "cannot move to another account" },
        { "other currency", 1, "currency", "cannot move to another currency" },
    };

    [Theory]
    [MemberData(nameof(BadLogs))]
    public void Build_RefusesALogThatCannotBeMrr_NamingTheEventAndField(string fault, int index, string field, string message)
    {
        var other = new AccountId("other");
        SubscriptionEvent[] events = fault switch
        {
            "change before start" => [SubscriptionEvent.Change(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Start(Northwind, "s", At(2025, 2, 1), Usd(1m))],
            "resume without pause" => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Resume(Northwind, "s", At(2025, 2, 1))],
            "pause while paused" => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Pause(Northwind, "s", At(2025, 2, 1)), SubscriptionEvent.Pause(Northwind, "s", At(2025, 3, 1))],
            "event after cancel" => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Cancel(Northwind, "s", At(2025, 2, 1)), SubscriptionEvent.Pause(Northwind, "s", At(2025, 3, 1))],
            "same instant" => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Change(Northwind, "s", At(2025, 1, 1), Usd(2m))],
            "other account" => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Cancel(other, "s", At(2025, 2, 1))],
            _ => [SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m)), SubscriptionEvent.Change(Northwind, "s", At(2025, 2, 1), new SubscriptionTerms(new Money(1m, Currency.EUR), SubscriptionInterval.Month))],
        };

        var e = Assert.Throws<SubscriptionEventException>(() => Book(events));

        Assert.Equal(index, e.Index);
        Assert.Equal(field, e.Field);
        Assert.Equal("s", e.Subscription);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCapacity_MakesRoomWithoutChangingTheBook_AndRefusesANegativeCountOrABuiltBuilder()
    {
        SubscriptionEvent[] events =
        [
            SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(10m)),
            SubscriptionEvent.Change(Northwind, "s", At(2025, 2, 1), Usd(20m)),
            SubscriptionEvent.Start(Northwind, "t", At(2025, 2, 1), Usd(5m)),
        ];
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder().EnsureCapacity(100_000);
        foreach (SubscriptionEvent e in events)
        {
            builder.Add(e);
        }

        Assert.Equal(Text(Book(events)), Text(builder.Build()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubscriptionBook.CreateBuilder().EnsureCapacity(-1));
        Assert.Throws<InvalidOperationException>(() => builder.EnsureCapacity(10));
    }

    [Fact]
    public void Build_NamesTheAccountOfTheEarliestEvent_WhenTheFirstAddedNamesAnother()
    {
        // The subscription's account is its earliest event's, whichever was added first.
        var e = Assert.Throws<SubscriptionEventException>(() => Book(
            SubscriptionEvent.Cancel(new AccountId("other"), "s", At(2025, 3, 1)),
            SubscriptionEvent.Start(Northwind, "s", At(2025, 1, 1), Usd(1m))));

        Assert.Equal(0, e.Index);
        Assert.Equal("account_id", e.Field);
        Assert.Contains("belongs to account 'northwind', not 'other'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NamesTheEarliestAddedOffender_WhenSeveralSubscriptionsAreWrong()
    {
        var e = Assert.Throws<SubscriptionEventException>(() => Book(
            SubscriptionEvent.Start(Northwind, "b", At(2025, 1, 1), Usd(1m)),
            SubscriptionEvent.Resume(Northwind, "a", At(2025, 3, 1)),
            SubscriptionEvent.Resume(Northwind, "b", At(2025, 2, 1))));

        Assert.Equal(1, e.Index);
    }

    [Fact]
    public void Build_FindsASubscriptionAndAnAccountSeenBefore_AfterTheirIdsHadAscended()
    {
        // Ids that ascend need no index; the first one out of that order makes it, and must find what came before.
        AccountId alpha = new("a-alpha"), beta = new("b-beta");
        SubscriptionEvent[] events =
        [
            SubscriptionEvent.Start(alpha, "s1", At(2025, 1, 1), Usd(10m)),
            SubscriptionEvent.Start(beta, "s2", At(2025, 1, 5), Usd(20m)),
            SubscriptionEvent.Start(beta, "s3", At(2025, 1, 9), Usd(30m)),
            SubscriptionEvent.Change(alpha, "s1", At(2025, 2, 1), Usd(15m)), // s1 again, after s3
            SubscriptionEvent.Start(alpha, "s0", At(2025, 2, 3), Usd(1m)),   // a new id below the last, of an earlier account
            SubscriptionEvent.Cancel(beta, "s2", At(2025, 3, 1)),
        ];

        SubscriptionBook book = Book(events);

        Assert.Equal(4, book.SubscriptionCount);
        Assert.Equal(
            ["a-alpha 2025-01 10.00 USD", "a-alpha 2025-02 16.00 USD", "a-alpha 2025-03 16.00 USD",
             "b-beta 2025-01 50.00 USD", "b-beta 2025-02 50.00 USD", "b-beta 2025-03 30.00 USD"],
            Text(book));
        Assert.Equal(Text(Book([.. events.OrderBy(e => e.Subscription, StringComparer.Ordinal).ThenBy(e => e.EffectiveAt)])), Text(book));
        var moved = Assert.Throws<SubscriptionEventException>(() => Book([.. events, SubscriptionEvent.Cancel(beta, "s1", At(2025, 4, 1))]));
        Assert.Equal(("account_id", 6), (moved.Field, moved.Index));
    }
}
