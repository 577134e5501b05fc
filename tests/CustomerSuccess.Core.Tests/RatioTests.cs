using System;
using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

public class RatioTests
{
    [Property]
    public bool Of_IsUndefinedExactlyWhenTheDenominatorIsZero(int numerator, int denominator) =>
        Ratio.Of(numerator, denominator).HasValue == (denominator != 0);

    [Property]
    public bool Of_NonZeroDenominator_IsTheQuotient(int numerator, NonZeroInt denominator) =>
        Ratio.Of(numerator, denominator.Get).Value == numerator / (decimal)denominator.Get;

    [Property]
    public bool Undefined_SortsBeforeEveryDefinedValue(int numerator, NonZeroInt denominator) =>
        Ratio.Undefined < Ratio.Of(numerator, denominator.Get) && Ratio.Undefined.CompareTo(Ratio.Undefined) == 0;

    [Fact]
    public void Undefined_IsNeitherZeroNorNaN()
    {
        Ratio undefined = Ratio.Of(10m, 0m);

        Assert.False(undefined.HasValue);
        Assert.NotEqual(Ratio.FromValue(0m), undefined);
        Assert.Null(undefined.ToNullable());
        Assert.Null(undefined.ToDouble());
        Assert.False(undefined.TryGetValue(out _));
        Assert.Equal("undefined", undefined.ToString());
        Assert.Equal("undefined", undefined.ToString("F2", CultureInfo.InvariantCulture));
        var error = Assert.Throws<InvalidOperationException>(() => undefined.Value);
        Assert.Contains("undefined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_EqualsUndefined_UnlikeNaN()
    {
        Assert.Equal(Ratio.Undefined, Ratio.Of(0m, 0m));
        Assert.True(Ratio.Undefined == default(Ratio));
        Assert.Equal(Ratio.Undefined.GetHashCode(), Ratio.Of(3m, 0m).GetHashCode());
    }

    [Fact]
    public void Of_Seed002NetRevenueRetention_Is108Percent()
    {
        // Seed 002: (75,000 + 10,000 - 2,000 - 2,000) / 75,000.
        Ratio nrr = Ratio.Of(new Money(75_000m + 10_000m - 2_000m - 2_000m, Currency.USD), new Money(75_000m, Currency.USD));

        Assert.Equal(1.08m, nrr.Value);
        Assert.Equal("108.0%", nrr.ToString());
        Assert.Equal("108%", nrr.ToPercentString(0));
        Assert.Equal("108.00%", nrr.ToString("P2", CultureInfo.InvariantCulture));
        Assert.Equal("1.08", nrr.ToString("0.00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToPercentString_UsesTheGivenCulture() =>
        Assert.Equal("12,5%", Ratio.FromValue(0.125m).ToString("P1", CultureInfo.GetCultureInfo("fr-FR")));

    [Fact]
    public void Of_MoneyInDifferentCurrencies_Throws() =>
        Assert.Throws<CurrencyMismatchException>(() => Ratio.Of(new Money(1m, Currency.USD), new Money(1m, Currency.EUR)));

    [Fact]
    public void Of_ZeroMoneyDenominator_IsUndefined() =>
        Assert.False(Ratio.Of(new Money(5m, Currency.USD), Money.Zero(Currency.USD)).HasValue);
}
