using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

/// <summary>Band counts by segment (DESIGN section 9): counts over disjoint accounts, sent as JSON and merged, are the counts over the union.</summary>
public class BandDistributionsTests
{
    private static readonly HealthScorer<double?> Scorer = HealthScorer.Create(
        HealthModel.CreateBuilder("r").AddSignal(new HealthSignalDefinition(new SignalId("s"), Curve.Linear(0, 100))).Build(),
        [Signal.Create<double?>(new SignalId("s"), SignalTiming.Lagging, static (v, _) => v is { } x ? SignalValue.Of(x) : SignalValue.Missing("none"))]);

    private static readonly Gen<(string Segment, double? Value)[]> Accounts =
        Gen.ArrayOf(
            from segment in Gen.Elements("Enterprise", "MidMarket", "SMB", "", "Ünïcode")
            from value in Gen.OneOf(Gen.Choose(0, 100).Select(v => (double?)v), Gen.Constant((double?)null))
            select (segment, value));

    [Property(MaxTest = 200)]
    public Property Merge_OfPartsSentAsJson_IsTheCountOfTheWhole() => Prop.ForAll(Accounts.ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (accounts, parts) =>
    {
        BandDistributions whole = Count(accounts);
        BandDistributions[] partials = [.. Enumerable.Range(0, parts).Select(p => Count(accounts.Where((_, i) => i % parts == p)))];

        BandDistributions travelled = partials.Select(d => BandDistributions.FromJson(d.ToJson())).Aggregate((x, y) => x.Merge(y));
        BandDistributions reversed = partials.Reverse().Aggregate((x, y) => x.Merge(y));

        Assert.Equal(whole.ToJson(), travelled.ToJson());
        Assert.Equal(whole.ToJson(), reversed.ToJson());
        Assert.Equal(whole.Segments.Select(s => s.Segment), travelled.Segments.Select(s => s.Segment));
        foreach (BandDistribution segment in whole.Segments)
        {
            BandDistribution other = travelled.ForSegment(segment.Segment);
            Assert.Equal(HealthBands.Default.All.Select(b => segment.Count(b.Name)), HealthBands.Default.All.Select(b => other.Count(b.Name)));
            Assert.Equal(segment.Undefined, other.Undefined);
        }
    });

    [Fact]
    public void ToJson_WritesTheBandsThenEachSegmentsCounts()
    {
        BandDistributions counts = Count([("SMB", 50), ("Enterprise", 80), ("Enterprise", null), ("Enterprise", 10)]);

        Assert.Equal(
            """{"partial":"band-distributions","version":1,"bands":[{"name":"red","lowerBound":0},{"name":"yellow","lowerBound":40},{"name":"green","lowerBound":70}],"segments":[{"segment":"Enterprise","counts":[1,0,1],"undefined":1},{"segment":"SMB","counts":[0,1,0],"undefined":0}]}""",
            counts.ToJson());
        Assert.Same(HealthBands.Default, BandDistributions.FromJson(counts.ToJson()).Bands);
        Assert.Throws<KeyNotFoundException>(() => counts.ForSegment("Mid"));
    }

    [Fact]
    public void Merge_CountsInOtherBands_IsRefused()
    {
        BandDistributions counts = Count([("SMB", 50)]);
        BandDistributions other = BandDistributions.Of([("SMB", Scorer.Score(50, HealthSample.Context))], HealthBands.Create(("red", 0), ("green", 50)));

        var e = Assert.Throws<ArgumentException>(() => counts.Merge(other));

        Assert.Contains("red (0) < green (50)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"partial":"band-distributions","version":1,"bands":[],"segments":[]}""", "$.bands")]
    [InlineData("""{"partial":"band-distributions","version":1,"bands":[{"name":"red","lowerBound":0}],"segments":[{"segment":"b","counts":[1],"undefined":0},{"segment":"a","counts":[1],"undefined":0}]}""", "$.segments[1].segment")]
    [InlineData("""{"partial":"band-distributions","version":1,"bands":[{"name":"red","lowerBound":0}],"segments":[{"segment":"b","counts":[1,2],"undefined":0}]}""", "$.segments[0].counts")]
    [InlineData("""{"partial":"band-distributions","version":1,"bands":[{"name":"red","lowerBound":0}],"segments":[{"segment":"b","counts":[-1],"undefined":0}]}""", "$.segments[0].counts[0]")]
    public void FromJson_CountsThatCannotBe_AreRefusedByPath(string json, string path)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => BandDistributions.FromJson(json));

        Assert.Equal(path, e.JsonPath);
    }

    private static BandDistributions Count(IEnumerable<(string Segment, double? Value)> accounts) =>
        BandDistributions.Of(accounts.Select(a => (a.Segment, Scorer.Score(a.Value, HealthSample.Context))), HealthBands.Default);
}
