using CustomerSuccess.Signals;
using Xunit;
using static CustomerSuccess.HealthScoring.Tests.WingtipHealth;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthTrendsTests
{
    [Theory]
    [InlineData(70, 60, HealthTrend.Improving)]
    [InlineData(62, 60, HealthTrend.Stable)]
    [InlineData(55, 60, HealthTrend.Stable)]
    [InlineData(54, 60, HealthTrend.Declining)]
    public void Trend_UsesADeadBand(double now, double before, HealthTrend expected)
    {
        HealthScorer<Customer> scorer = Scorer(HealthModel.CreateBuilder("t").AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 100))).Build());
        Assert.Equal(expected, HealthTrends.Trend(scorer.Score(new Customer("a", null, null, now, null), AsOf), scorer.Score(new Customer("a", null, null, before, null), AsOf), deadBand: 5));
        Assert.Null(HealthTrends.Trend(default, scorer.Score(new Customer("a", null, null, before, null), AsOf)));
    }
}
