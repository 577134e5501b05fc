using System;
using CustomerSuccess.Testing;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class AccountIdTests
{
    [Property]
    public bool AccountId_FormatThenParse_RoundTrips(AccountId id) =>
        AccountId.Parse(id.ToString()) == id && AccountId.TryParse(id.ToString(), out var parsed) && parsed == id;

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
}
