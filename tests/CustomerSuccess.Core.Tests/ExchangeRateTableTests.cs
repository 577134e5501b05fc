using System;
using System.Linq;
using CustomerSuccess.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class ExchangeRateTableTests
{
    private static readonly YearMonth June = new(2026, 6);

    [Property]
    public Property Convert_ThereAndBack_RoundTripsWithinRounding(Money money, YearMonth month)
    {
        return Prop.ForAll(CoreGen.Rate.ToArbitrary(), CoreGen.CommonCurrency.ToArbitrary(), (rate, target) =>
        {
            if (target == money.Currency)
            {
                return true;
            }

            var table = ExchangeRateTable.CreateBuilder().Add(money.Currency, target, month, rate).Build();
            Money converted = table.Convert(money, target, month);
            Money back = table.Convert(converted, money.Currency, month);
            return back.Round() == money && converted.Currency == target;
        });
    }

    [Fact]
    public void Convert_UsesTheRateOfTheMonth()
    {
        var table = ExchangeRateTable.CreateBuilder()
            .Add(Currency.EUR, Currency.USD, new YearMonth(2026, 5), 1.10m)
            .Add(Currency.EUR, Currency.USD, June, 1.20m)
            .Build();

        Assert.Equal(new Money(120m, Currency.USD), table.Convert(new Money(100m, Currency.EUR), Currency.USD, June));
        Assert.Equal(new Money(110m, Currency.USD), table.Convert(new Money(100m, Currency.EUR), Currency.USD, new YearMonth(2026, 5)));
    }

    [Fact]
    public void Convert_ReverseOfAGivenRate_UsesTheReciprocal()
    {
        var table = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, June, 1.25m).Build();
        Assert.Equal(new Money(80m, Currency.EUR), table.Convert(new Money(100m, Currency.USD), Currency.EUR, June));
    }

    [Fact]
    public void Convert_SameCurrency_NeedsNoRate() =>
        Assert.Equal(new Money(5m, Currency.JPY), ExchangeRateTable.Empty.Convert(new Money(5m, Currency.JPY), Currency.JPY, June));

    [Fact]
    public void Convert_MissingRate_ThrowsNamingThePairAndMonth()
    {
        var table = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, June, 1.2m).Build();

        var error = Assert.Throws<MissingExchangeRateException>(
            () => table.Convert(new Money(1m, Currency.GBP), Currency.USD, new YearMonth(2026, 7)));

        Assert.Contains("GBP", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-07", error.Message, StringComparison.Ordinal);
        Assert.Equal((Currency.GBP, Currency.USD, new YearMonth(2026, 7)), (error.From, error.To, error.Month));
        Assert.False(table.TryConvert(new Money(1m, Currency.GBP), Currency.USD, new YearMonth(2026, 7), out _));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    public void Add_NonPositiveRate_ThrowsNamingThePair(string rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeRateTable.CreateBuilder()
            .Add(Currency.EUR, Currency.USD, June, decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("EUR/USD for 2026-06", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ConflictingDuplicate_Throws()
    {
        var builder = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, June, 1.2m);
        builder.Add(Currency.EUR, Currency.USD, June, 1.2m); // the same rate twice is harmless
        var error = Assert.Throws<ArgumentException>(() => builder.Add(Currency.EUR, Currency.USD, June, 1.3m));
        Assert.Contains("already added as 1.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameCurrencyOnBothSides_Throws() =>
        Assert.Throws<ArgumentException>(() => ExchangeRateTable.CreateBuilder().Add(Currency.USD, Currency.USD, June, 1m));

    [Fact]
    public void Build_IsASnapshot_LaterAddsDoNotLeakIn()
    {
        var builder = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, June, 1.2m);
        var table = builder.Build();
        builder.Add(Currency.GBP, Currency.USD, June, 1.3m);

        Assert.Equal(1, table.Count);
        Assert.False(table.TryGetRate(Currency.GBP, Currency.USD, June, out _));
    }

    [Fact]
    public void Rates_ListsTheGivenRatesInOrder_AndRebuildsAnEqualTable()
    {
        var table = ExchangeRateTable.CreateBuilder()
            .Add(Currency.GBP, Currency.USD, June, 1.27m)
            .Add(Currency.EUR, Currency.USD, June, 1.08m)
            .Add(Currency.EUR, Currency.USD, new YearMonth(2026, 5), 1.07m)
            .Build();

        Assert.Equal(
            ["EUR/USD 2026-05 = 1.07", "EUR/USD 2026-06 = 1.08", "GBP/USD 2026-06 = 1.27"],
            table.Rates.Select(r => r.ToString()));

        var rebuilt = ExchangeRateTable.CreateBuilder();
        foreach (ExchangeRate rate in table.Rates)
        {
            rebuilt.Add(rate);
        }

        Assert.Equal(table.Rates, rebuilt.Build().Rates);
    }
}
