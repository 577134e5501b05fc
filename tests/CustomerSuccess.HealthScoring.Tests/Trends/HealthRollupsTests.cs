using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthRollupsTests
{
    private static readonly HealthScorer<double?> Scorer = HealthScorer.Create(
        HealthModel.CreateBuilder("r").AddSignal(new HealthSignalDefinition(new SignalId("s"), Curve.Linear(0, 100))).Build(),
        [Signal.Create<double?>(new SignalId("s"), SignalTiming.Lagging, static (v, _) => v is { } x ? SignalValue.Of(x) : SignalValue.Missing("none"))]);

    private static HealthScore Score(double? value) => Scorer.Score(value, new SignalContext(Instant.FromUtc(2026, 1, 1, 0, 0), DateTimeZone.Utc));

    [Fact]
    public void BandDistribution_CountsPerSegmentAndBand_UndefinedApart()
    {
        (string, HealthScore)[] scores =
        [
            ("Enterprise", Score(80)), ("Enterprise", Score(75)), ("Enterprise", Score(30)),
            ("SMB", Score(50)), ("SMB", Score(null)),
        ];

        IReadOnlyList<BandDistribution> distribution = HealthRollups.BandDistribution(scores, HealthBands.Default);

        Assert.Equal(["Enterprise", "SMB"], distribution.Select(d => d.Segment));
        Assert.Equal((1, 0, 2), (distribution[0].Count("red"), distribution[0].Count("yellow"), distribution[0].Count("green")));
        Assert.Equal(Ratio.Of(2, 3), distribution[0].Share("green"));
        Assert.Equal((1, 1, 1), (distribution[1].Count("yellow"), distribution[1].Undefined, distribution[1].Scored));
        Assert.Throws<KeyNotFoundException>(() => distribution[0].Count("blue"));
    }

    [Fact]
    public void Rollup_MeanAndContractValueWeighted()
    {
        HealthScore[] children = [Score(90), Score(30), Score(null)];

        Assert.Equal(60, HealthRollups.Mean(children, HealthBands.Default).Value, 9);
        HealthScore weighted = HealthRollups.Weighted([(children[0], 100_000m), (children[1], 300_000m), (children[2], 1_000_000m)], HealthBands.Default);
        Assert.Equal(45, weighted.Value, 9);
        Assert.Equal("yellow", weighted.Band!.Value.Name);
        Assert.True(weighted.Influences.HasFlag(HealthScoreInfluences.SignalsMissing));
    }

    [Fact]
    public void History_ScoreAtAnInstant_AndTrendOverALookBack()
    {
        Instant day(int d) => Instant.FromUtc(2026, 9, d, 0, 0);
        ScoreHistory history = ScoreHistory.From([(day(15), Score(60)), (day(1), Score(80)), (day(8), Score(70))]);

        Assert.Equal([day(1), day(8), day(15)], history.Points.Select(p => p.At));
        Assert.False(history.At(Instant.FromUtc(2026, 8, 31, 0, 0)).HasValue);
        Assert.Equal(70, history.At(day(10)).Value);
        Assert.Equal(HealthTrend.Declining, history.Trend(day(15), Duration.FromDays(14)));
        Assert.Equal(HealthTrend.Stable, history.Trend(day(15), Duration.FromDays(7), deadBand: 10));
        Assert.Null(history.Trend(day(15), Duration.FromDays(30)));
        Assert.Throws<ArgumentException>(() => ScoreHistory.From([(day(1), Score(1)), (day(1), Score(2))]));
    }

    [Fact]
    public void Rollup_NoChildWithAScore_IsUndefined()
    {
        Assert.False(HealthRollups.Mean([Score(null)], HealthBands.Default).HasValue);
        Assert.False(HealthRollups.Mean([], HealthBands.Default).HasValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthRollups.Weighted([(Score(10), -1m)], HealthBands.Default));
    }

    [Fact]
    public void CohortPercentile_Seed002_78IsAtTheHighEndOfTheQ2Cohort()
    {
        double[] q2 = [45, 52, 60, 61, 66, 70, 72, 75, 78];
        var cohort = q2.Select(s => WingtipHealth.Scorer(HealthModel.CreateBuilder("c").AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 100))).Build())
            .Score(new WingtipHealth.Customer("x", null, null, s, null), WingtipHealth.AsOf)).Append(WingtipHealth.Scorer().Score(new WingtipHealth.Customer("none", null, null, null, null), WingtipHealth.AsOf)).ToArray();

        Assert.Equal(100 * 8.5 / 9, HealthTrends.CohortPercentile(78, cohort)!.Value, 9);
        Assert.Null(HealthTrends.CohortPercentile(78, []));
    }
}
