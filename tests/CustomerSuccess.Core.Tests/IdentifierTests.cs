using System;
using CustomerSuccess.Signals;
using CustomerSuccess.Testing;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class IdentifierTests
{
    [Property]
    public bool AccountId_FormatThenParse_RoundTrips(AccountId id) =>
        AccountId.Parse(id.ToString()) == id && AccountId.TryParse(id.ToString(), out var parsed) && parsed == id;

    [Property]
    public bool SignalId_FormatThenParse_RoundTrips(SignalId id) =>
        SignalId.Parse(id.ToString()) == id && SignalId.TryParse(id.ToString(), out var parsed) && parsed == id;

    [Property]
    public bool Currency_FormatThenParse_RoundTrips(Currency currency) =>
        Currency.Parse(currency.ToString()) == currency && Currency.FromCode(currency.Code).MinorUnits == currency.MinorUnits;

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" acct-1", "leading or trailing whitespace")]
    [InlineData("acct-1\t", "leading or trailing whitespace")]
    [InlineData("acct\u00001", "control character at position 5")]
    public void AccountId_Invalid_FailsSayingWhy(string text, string reason)
    {
        var parse = Assert.Throws<FormatException>(() => AccountId.Parse(text));
        Assert.Contains(reason, parse.Message, StringComparison.Ordinal);
        var construct = Assert.Throws<ArgumentException>(() => new AccountId(text));
        Assert.Contains(reason, construct.Message, StringComparison.Ordinal);
        Assert.False(AccountId.TryParse(text, out _));
    }

    [Fact]
    public void AccountId_TooLong_IsRejected()
    {
        Assert.True(AccountId.TryParse(new string('a', AccountId.MaxLength), out _));
        var error = Assert.Throws<FormatException>(() => AccountId.Parse(new string('a', AccountId.MaxLength + 1)));
        Assert.Contains("the limit is 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountId_IsCaseSensitiveAndOrdinal()
    {
        Assert.NotEqual(new AccountId("ACCT-1"), new AccountId("acct-1"));
        Assert.True(new AccountId("ACCT-1") < new AccountId("acct-1"));
    }

    [Fact]
    public void AccountId_Default_IsDistinguishable()
    {
        Assert.True(default(AccountId).IsDefault);
        Assert.Equal(string.Empty, default(AccountId).Value);
        Assert.False(new AccountId("x").IsDefault);
        Assert.False(AccountId.TryParse(null, out _));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Nps", "must start with a lower-case ASCII letter")]
    [InlineData("1nps", "must start with a lower-case ASCII letter")]
    [InlineData("nps latest", "' ' at position 4 is not allowed")]
    public void SignalId_Invalid_FailsSayingWhy(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SignalId.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new SignalId(text));
    }

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
