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
    public void Rollup_NoChildWithAScore_IsUndefined()
    {
        Assert.False(HealthRollups.Mean([Score(null)], HealthBands.Default).HasValue);
        Assert.False(HealthRollups.Mean([], HealthBands.Default).HasValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthRollups.Weighted([(Score(10), -1m)], HealthBands.Default));
    }
}
