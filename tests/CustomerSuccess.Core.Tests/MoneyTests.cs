using System;
using System.Linq;
using CustomerSuccess.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class MoneyTests
{
    [Property]
    public bool Add_IsCommutativeWithinOneCurrency(SameCurrency m) => m.A + m.B == m.B + m.A;

    [Property]
    public bool Add_IsAssociativeWithinOneCurrency(SameCurrency m) => (m.A + m.B) + m.C == m.A + (m.B + m.C);

    [Property]
    public bool Add_ZeroIsIdentity(Money m) => m + Money.Zero(m.Currency) == m;

    [Property]
    public bool Subtract_UndoesAdd(SameCurrency m) => m.A + m.B - m.B == m.A;

    [Property]
    public bool Multiply_DistributesOverAdd(SameCurrency m, byte factor) =>
        (m.A + m.B) * factor == (m.A * factor) + (m.B * factor);

    [Property]
    public void AddSubtractCompare_DifferentCurrencies_AlwaysThrowNamingBoth(CurrencyMismatch pair)
    {
        var add = Assert.Throws<CurrencyMismatchException>(() => pair.Left + pair.Right);
        var subtract = Assert.Throws<CurrencyMismatchException>(() => pair.Left - pair.Right);
        var compare = Assert.Throws<CurrencyMismatchException>(() => pair.Left < pair.Right);
        Assert.Throws<CurrencyMismatchException>(() => pair.Left.CompareTo(pair.Right));

        foreach (var error in new[] { add, subtract, compare })
        {
            Assert.Contains(pair.Left.Currency.Code, error.Message, StringComparison.Ordinal);
            Assert.Contains(pair.Right.Currency.Code, error.Message, StringComparison.Ordinal);
            Assert.Equal(pair.Left.Currency, error.Left);
            Assert.Equal(pair.Right.Currency, error.Right);
        }
    }

    [Property]
    public bool Equals_DifferentCurrencies_IsFalseWithoutThrowing(CurrencyMismatch pair) =>
        !pair.Left.Equals(pair.Right) && pair.Left != pair.Right;

    [Property]
    public bool Equals_SameValue_HasSameHashCode(Money m) =>
        new Money(m.Amount * 1.000m, m.Currency).GetHashCode() == m.GetHashCode();

    [Property]
    public Property Allocate_PartsAddUpExactlyAndDifferByAtMostOneMinorUnit(Money m, PositiveInt partCount)
    {
        int parts = (partCount.Get % 50) + 1;
        Money[] allocated = m.Allocate(parts);
        decimal unit = m.Currency.MinorUnits == 0 ? 1m : m.Currency.MinorUnits == 2 ? 0.01m : 0.001m;
        decimal spread = allocated.Max(p => p.Amount) - allocated.Min(p => p.Amount);
        return (allocated.Length == parts).Label("count")
            .And(Money.Sum(allocated, m.Currency) == m).Label("sum")
            .And(spread <= unit).Label("spread")
            .And(allocated.All(p => p.Currency == m.Currency)).Label("currency");
    }

    [Fact]
    public void Allocate_AnnualContractOverTwelveMonths_LosesNoCent()
    {
        // Seed 002: Financiality signs for $29,000 ARR.
        Money[] months = new Money(29_000m, Currency.USD).Allocate(12);

        Assert.Equal(8, months.Count(m => m.Amount == 2_416.67m));
        Assert.Equal(4, months.Count(m => m.Amount == 2_416.66m));
        Assert.Equal(new Money(29_000m, Currency.USD), Money.Sum(months, Currency.USD));
    }

    [Fact]
    public void Allocate_SubMinorUnitAmount_ThrowsAskingToRound()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Money(10.005m, Currency.USD).Allocate(3));
        Assert.Contains("Round it first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USD", "2.345", "2.35")]
    [InlineData("USD", "-2.345", "-2.35")]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("BHD", "1.23456", "1.235")]
    public void Round_UsesTheCurrencyMinorUnitAndRoundsHalvesAwayFromZero(string code, string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Round().Amount);
    }

    [Fact]
    public void Round_WithBankersRounding_RoundsHalvesToEven() =>
        Assert.Equal(2.34m, new Money(2.345m, Currency.USD).Round(MidpointRounding.ToEven).Amount);

    [Fact]
    public void Constructor_DefaultCurrency_Throws() =>
        Assert.Throws<ArgumentException>(() => new Money(1m, default));

    [Fact]
    public void ToString_IsInvariantAmountAndCode()
    {
        var money = new Money(1234.5m, Currency.EUR);
        Assert.Equal("1234.5 EUR", money.ToString());
        Assert.Equal("1,234.50 EUR", money.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Sum_Empty_IsZeroInTheGivenCurrency() =>
        Assert.Equal(Money.Zero(Currency.GBP), Money.Sum([], Currency.GBP));

    [Fact]
    public void Sum_MixedCurrencies_ThrowsNamingBoth()
    {
        var error = Assert.Throws<CurrencyMismatchException>(
            () => Money.Sum([new Money(1m, Currency.USD), new Money(1m, Currency.EUR)], Currency.USD));
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }
}
