using System;
using CustomerSuccess.Testing;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class CurrencyTests
{
    [Property]
    public bool Currency_FormatThenParse_RoundTrips(Currency currency) =>
        Currency.Parse(currency.ToString()) == currency && Currency.FromCode(currency.Code).MinorUnits == currency.MinorUnits;

    [Theory]
    [InlineData("usd")]
    [InlineData("USS")]
    [InlineData("US")]
    [InlineData("")]
    public void Currency_UnknownCode_FailsNamingIt(string code)
    {
        var error = Assert.Throws<FormatException>(() => Currency.Parse(code));
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Currency.FromCode(code));
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("BHD", 3)]
    [InlineData("CLF", 4)]
    public void Currency_KnowsItsMinorUnits(string code, int minorUnits) =>
        Assert.Equal(minorUnits, Currency.FromCode(code).MinorUnits);

    [Fact]
    public void Currency_All_IsSortedAndComplete()
    {
        Assert.True(Currency.All.Count > 150);
        for (int i = 1; i < Currency.All.Count; i++)
        {
            Assert.True(Currency.All[i - 1] < Currency.All[i]);
        }
    }
}
