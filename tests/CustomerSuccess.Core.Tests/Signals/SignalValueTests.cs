using System;
using CustomerSuccess.Signals;
using Xunit;

namespace CustomerSuccess.Tests;

public class SignalValueTests
{
    [Fact]
    public void Of_NonFiniteValue_IsRejectedPointingToMissing()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SignalValue.Of(double.NaN));
        Assert.Contains("SignalValue.Missing", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalValue.Of(double.PositiveInfinity));
    }

    [Fact]
    public void Missing_CarriesItsReason_AndHasNoValue()
    {
        SignalValue missing = SignalValue.Missing("no NPS response yet");

        Assert.False(missing.IsPresent);
        Assert.Equal("no NPS response yet", missing.MissingReason);
        Assert.False(missing.TryGetValue(out _));
        var error = Assert.Throws<InvalidOperationException>(() => missing.Value);
        Assert.Contains("no NPS response yet", error.Message, StringComparison.Ordinal);
        Assert.Equal("missing (no NPS response yet)", missing.ToString());
    }

    [Fact]
    public void Default_IsMissingNotZero()
    {
        SignalValue unset = default;
        Assert.False(unset.IsPresent);
        Assert.Equal("no value was measured", unset.MissingReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_BlankReason_IsRejected(string reason) =>
        Assert.ThrowsAny<ArgumentException>(() => SignalValue.Missing(reason));

    [Fact]
    public void Of_Bool_IsOneOrZero()
    {
        Assert.Equal(1d, SignalValue.Of(true).Value);
        Assert.Equal(0d, SignalValue.Of(false).Value);
        Assert.Null(SignalValue.Of(false).MissingReason);
    }
}
