using System;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class CurveTests
{
    [Theory]
    [InlineData(-1.7e308, 1.7e308)]
    [InlineData(double.MaxValue, -double.MaxValue)]
    [InlineData(0, 5e-324)]
    public void Linear_BoundsWhoseDistanceCannotBeComputedWith_AreRefused(double zeroAt, double fullAt)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Curve.Linear(zeroAt, fullAt));

        Assert.Contains("too far apart or too close together", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Piecewise_NeighboursTooFarApartToDivideBy_AreRefused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Curve.Piecewise(new CurvePoint(-1e308, 0), new CurvePoint(1e308, 100)));

        Assert.Contains("too far from point 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Linear_WideButComputableBounds_ScoreExactlyInBetween()
    {
        IScoreCurve curve = Curve.Linear(-8e307, 8e307);

        Assert.Equal(50, curve.Score(0.65), 9);
        Assert.Equal(100, curve.Score(double.MaxValue));
        Assert.Equal(0, curve.Score(-double.MaxValue));
    }

    [Fact]
    public void Curves_MapEitherDirectionAndClamp()
    {
        IScoreCurve pastDue = Curve.Linear(90, 0);
        Assert.Equal(100, pastDue.Score(-5));
        Assert.Equal(50, pastDue.Score(45), 9);
        Assert.Equal(0, pastDue.Score(400));
        Assert.False(pastDue.IsNonDecreasing);
        Assert.True(Curve.Linear(0, 10).IsNonDecreasing);
        Assert.Equal(60, Curve.Steps(100, new CurvePoint(3, 60), new CurvePoint(5, 10)).Score(4));
        Assert.Equal(100, Curve.Boolean().Score(1));
        Assert.Equal(0, Curve.Boolean().Score(0));
    }

    [Fact]
    public void Curves_BadPoints_AreRejectedNamingThePoint()
    {
        var unsorted = Assert.Throws<ArgumentException>(() => Curve.Piecewise(new CurvePoint(5, 10), new CurvePoint(3, 20)));
        Assert.Contains("Point 2 ((3 -> 20)) does not come after point 1", unsorted.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Curve.Piecewise(new CurvePoint(1, 10), new CurvePoint(3, 120)));
        Assert.Throws<ArgumentException>(() => Curve.Linear(5, 5));
    }
}
