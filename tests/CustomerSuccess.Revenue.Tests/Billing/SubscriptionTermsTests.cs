using System;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public sealed class SubscriptionTermsTests
{
    private static readonly Instant MonthEnd = Instant.FromUtc(2025, 2, 1, 0, 0);

    private static decimal Monthly(decimal amount, SubscriptionInterval interval, int count = 1, decimal quantity = 1, decimal percent = 0, decimal off = 0, Instant? until = null, Currency? currency = null) =>
        new SubscriptionTerms(new Money(amount, currency ?? Currency.USD), interval, count, quantity, percent, off, until).MonthlyAmount(MonthEnd, DiscountPolicy.Deduct);

    [Theory]
    [InlineData(SubscriptionInterval.Month, 1, "120", "120")]
    [InlineData(SubscriptionInterval.Month, 3, "300", "100")]
    [InlineData(SubscriptionInterval.Year, 1, "1200", "100")]
    [InlineData(SubscriptionInterval.Year, 2, "1000", "41.67")]
    [InlineData(SubscriptionInterval.Week, 1, "10", "43.33")]     // 10 x 52 / 12
    [InlineData(SubscriptionInterval.Week, 2, "7", "15.17")]      // 7 x 52 / 24 = 15.1666...
    [InlineData(SubscriptionInterval.Day, 1, "1", "30.42")]       // 365 / 12 = 30.41666...
    public void MonthlyAmount_IsTheIntervalsPriceTimesItsFactor_MultipliedBeforeDividing(SubscriptionInterval interval, int count, string amount, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Monthly(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), interval, count));
    }

    [Fact]
    public void MonthlyAmount_TakesThePercentOfPriceTimesQuantity_ThenTheFixedDiscount_FlooredAtZero()
    {
        Assert.Equal(75m, Monthly(10m, SubscriptionInterval.Month, quantity: 10, percent: 20, off: 5));  // 100 x 0.8 - 5
        Assert.Equal(0m, Monthly(10m, SubscriptionInterval.Month, off: 50));                            // never below 0
        Assert.Equal(0m, Monthly(10m, SubscriptionInterval.Month, quantity: 0));                        // 0 seats
        Assert.Equal(0m, Monthly(10m, SubscriptionInterval.Month, percent: 100));
    }

    [Fact]
    public void MonthlyAmount_AppliesTheDiscount_OnlyWhenItLastsToTheMonthsEnd()
    {
        Assert.Equal(80m, Monthly(100m, SubscriptionInterval.Month, percent: 20, until: MonthEnd));                          // until the first instant of next month: still on
        Assert.Equal(100m, Monthly(100m, SubscriptionInterval.Month, percent: 20, until: MonthEnd - Duration.FromSeconds(1))); // ended inside the month
        Assert.Equal(100m, new SubscriptionTerms(new Money(100m, Currency.USD), SubscriptionInterval.Month, discountPercent: 20).MonthlyAmount(MonthEnd, DiscountPolicy.Ignore));
    }

    [Fact]
    public void MonthlyAmount_IsRoundedToTheCurrencysMinorUnits_MidpointToEven()
    {
        Assert.Equal(0.12m, Monthly(0.125m, SubscriptionInterval.Month));
        Assert.Equal(0.14m, Monthly(0.135m, SubscriptionInterval.Month));
        Assert.Equal(1_000m, Monthly(12_006m, SubscriptionInterval.Year, currency: Currency.JPY)); // 1000.5 -> 1000
        Assert.Equal(1_002m, Monthly(12_030m, SubscriptionInterval.Year, currency: Currency.JPY)); // 1002.5 -> 1002
    }

    [Theory]
    [InlineData("-1", SubscriptionInterval.Month, 1, "1", "0", "0", "amount")]
    [InlineData("1", (SubscriptionInterval)9, 1, "1", "0", "0", "interval")]
    [InlineData("1", SubscriptionInterval.Month, 0, "1", "0", "0", "intervalCount")]
    [InlineData("1", SubscriptionInterval.Month, 1, "-1", "0", "0", "quantity")]
    [InlineData("1", SubscriptionInterval.Month, 1, "1", "100.01", "0", "discountPercent")]
    [InlineData("1", SubscriptionInterval.Month, 1, "1", "-0.01", "0", "discountPercent")]
    [InlineData("1", SubscriptionInterval.Month, 1, "1", "0", "-1", "discountAmount")]
    public void Constructor_RefusesAValueOutOfItsRange_NamingIt(string amount, SubscriptionInterval interval, int count, string quantity, string percent, string off, string parameter)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SubscriptionTerms(new Money(D(amount), Currency.USD), interval, count, D(quantity), D(percent), D(off)));

        Assert.Equal(parameter, e.ParamName);
    }
}
