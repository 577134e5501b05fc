using System;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthBandsTests
{
    [Theory]
    [InlineData(39.999, "red")]
    [InlineData(40, "yellow")]
    [InlineData(69.9, "yellow")]
    [InlineData(70, "green")]
    [InlineData(0, "red")]
    [InlineData(100, "green")]
    public void Bands_DefaultIsRedBelow40YellowBelow70Green(double score, string band) =>
        Assert.Equal(band, HealthBands.Default.Classify(score).Name);

    [Fact]
    public void Bands_Custom_MustRiseFromZero()
    {
        Assert.Equal("amber", HealthBands.Create(("red", 0), ("amber", 50), ("green", 80)).Classify(79).Name);
        Assert.Throws<ArgumentException>(() => HealthBands.Create(("red", 10)));
        Assert.Throws<ArgumentException>(() => HealthBands.Create(("red", 0), ("green", 0)));
    }
}
