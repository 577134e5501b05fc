using System;
using CustomerSuccess.Signals;
using CustomerSuccess.Testing;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Tests;

[Properties(Arbitrary = new[] { typeof(CoreArbitraries) })]
public class SignalIdTests
{
    [Property]
    public bool SignalId_FormatThenParse_RoundTrips(SignalId id) =>
        SignalId.Parse(id.ToString()) == id && SignalId.TryParse(id.ToString(), out var parsed) && parsed == id;

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
}
