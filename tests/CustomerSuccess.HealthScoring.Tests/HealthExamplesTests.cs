using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthExamplesTests
{
    private static readonly SignalContext AsOf = new(Instant.FromUtc(2026, 9, 8, 12, 0), DateTimeZone.Utc);

    // Seed 002's health factors for one customer.
    private sealed record Customer(string Id, double? ActiveLicenceShare, double? CasesLast7Days, double? Nps, double? DaysPastDue)
    {
        public override string ToString() => Id;
    }

    private static readonly ISignal<Customer>[] Plugins =
    [
        Signal.Create<Customer>(new SignalId("adoption.active_licences"), SignalTiming.Leading, static (c, _) => c.ActiveLicenceShare is { } v ? SignalValue.Of(v) : SignalValue.Missing("no licence data")),
        Signal.Create<Customer>(new SignalId("support.cases_7d"), SignalTiming.Lagging, static (c, _) => c.CasesLast7Days is { } v ? SignalValue.Of(v) : SignalValue.Missing("no support data")),
        Signal.Create<Customer>(new SignalId("nps.latest"), SignalTiming.Lagging, static (c, _) => c.Nps is { } v ? SignalValue.Of(v) : SignalValue.Missing("no NPS response yet")),
        Signal.Create<Customer>(new SignalId("invoice.days_past_due"), SignalTiming.Lagging, static (c, _) => c.DaysPastDue is { } v ? SignalValue.Of(v) : SignalValue.Missing("no invoice")),
    ];

    private static HealthModel.Builder Wingtip() => HealthModel.CreateBuilder("wingtip")
        .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0.2, 0.8), 2, "adoption"))
        .AddSignal(new HealthSignalDefinition(new SignalId("support.cases_7d"), Curve.Steps(100, new CurvePoint(3, 60), new CurvePoint(5, 10)), 1, "support"))
        .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(6, 30), new CurvePoint(8, 70), new CurvePoint(10, 100)), 1, "relationship"))
        .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
        .WithGroupWeight("adoption", 2);

    private static HealthScorer<Customer> Scorer(HealthModel? model = null) => HealthScorer.Create(model ?? Wingtip().Build(), Plugins);

    [Fact]
    public void Score_WeightsGroupsAndSignals()
    {
        // adoption 0.65 -> 75; support 1 case -> 100; NPS 9 -> 85; 0 days past due -> 100.
        HealthScore score = Scorer().Score(new Customer("acct-1", 0.65, 1, 9, 0), AsOf);

        double expected = ((2 * 75) + 100 + 85 + 100) / 5.0;
        Assert.Equal(expected, score.Value, 9);
        Assert.Equal("green", score.Band!.Value.Name);
        Assert.Equal(HealthScoreInfluences.None, score.Influences);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(double.MaxValue)]
    [InlineData(1e-300)]
    [InlineData(1.976e-323)] // 2^-1072: subnormal, and half of it still exact
    public void Score_GroupAndSignalWeightsOfAnyPositiveMagnitude_ScoreAsTheirRatios(double scale)
    {
        HealthModel scaled = HealthModel.CreateBuilder("wingtip")
            .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0.2, 0.8), scale, "adoption"))
            .AddSignal(new HealthSignalDefinition(new SignalId("support.cases_7d"), Curve.Steps(100, new CurvePoint(3, 60), new CurvePoint(5, 10)), scale, "support"))
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(6, 30), new CurvePoint(8, 70), new CurvePoint(10, 100)), scale, "relationship"))
            .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), scale, "financial"))
            .WithGroupWeight("adoption", scale).WithGroupWeight("support", scale / 2).WithGroupWeight("relationship", scale / 2).WithGroupWeight("financial", scale / 2)
            .Build();
        var customer = new Customer("acct-1", 0.65, 1, 9, 0);

        HealthScore plain = Scorer().Score(customer, AsOf);
        HealthScore huge = Scorer(scaled).Score(customer, AsOf);

        Assert.Equal(plain.Value, huge.Value, 9);
        Assert.Equal("green", huge.Band!.Value.Name);
    }

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
    public void Score_FiveSupportCasesInSevenDays_CostsTheSupportGroup()
    {
        HealthExplanation calm = Scorer().Explain(new Customer("acct-1", 0.65, 1, 9, 0), AsOf);
        HealthExplanation busy = Scorer().Explain(new Customer("acct-1", 0.65, 5, 9, 0), AsOf);

        Assert.Equal(100, calm.Signals[1].CurveScore);
        Assert.Equal(10, busy.Signals[1].CurveScore);
        ScoreChange change = HealthTrends.Attribute(calm, busy)!;
        Assert.Equal(-18, change.Change, 9);
        Assert.Equal(-18, change.BySignal.Single(s => s.Id == new SignalId("support.cases_7d")).Delta, 9);
    }

    [Fact]
    public void Score_MissingSignalIsSkippedAndTheRestRenormalised()
    {
        HealthExplanation explanation = Scorer().Explain(new Customer("acct-1", 0.65, 1, null, 0), AsOf);

        Assert.Equal(((2 * 75) + 100 + 100) / 4.0, explanation.Score.Value, 9);
        SignalContribution nps = explanation.MissingSignals.Single();
        Assert.Equal("no NPS response yet", nps.Raw.MissingReason);
        Assert.Equal(0, nps.EffectiveWeight);
        Assert.True(explanation.Score.Influences.HasFlag(HealthScoreInfluences.SignalsMissing));
    }

    [Fact]
    public void Score_EverySignalMissing_IsUndefinedNotZero()
    {
        HealthExplanation explanation = Scorer().Explain(new Customer("acct-1", null, null, null, null), AsOf);

        Assert.False(explanation.Score.HasValue);
        Assert.Null(explanation.Score.Band);
        Assert.Equal("undefined", explanation.Score.ToString());
        Assert.Equal("no signal with weight had a value", explanation.UndefinedBecause);
        Assert.Throws<InvalidOperationException>(() => explanation.Score.Value);
    }

    [Fact]
    public void Score_SubstituteAndFailPolicies()
    {
        HealthModel substitute = HealthModel.CreateBuilder("sub")
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 10), 1, "relationship", MissingSignalPolicy.Substitute, 50))
            .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
            .Build();
        HealthScore withSubstitute = Scorer(substitute).Score(new Customer("a", null, null, null, 0), AsOf);
        Assert.Equal(75, withSubstitute.Value, 9);
        Assert.True(withSubstitute.Influences.HasFlag(HealthScoreInfluences.Substituted));

        HealthModel required = HealthModel.CreateBuilder("req")
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 10), 1, "relationship", MissingSignalPolicy.Fail))
            .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
            .Build();
        HealthExplanation failed = Scorer(required).Explain(new Customer("a", null, null, null, 0), AsOf);
        Assert.False(failed.Score.HasValue);
        Assert.Equal("signal 'nps.latest' is missing and the model requires it", failed.UndefinedBecause);
    }

    [Fact]
    public void Gate_InvoiceNinetyDaysOverdue_CapsAtRed()
    {
        HealthModel model = Wingtip()
            .AddGate(new HealthGate(new SignalId("invoice.days_past_due"), GateComparison.AtLeast, 90, GateEffect.Cap, 39.9, "invoice 90 days overdue"))
            .Build();

        HealthExplanation explanation = Scorer(model).Explain(new Customer("acct-1", 0.8, 0, 10, 95), AsOf);

        Assert.Equal(80, explanation.WeightedScore!.Value, 9);
        Assert.Equal(39.9, explanation.Score.Value, 9);
        Assert.Equal("red", explanation.Score.Band!.Value.Name);
        ScoreAdjustment gate = Assert.Single(explanation.Adjustments);
        Assert.Equal((AdjustmentKind.Gate, "invoice 90 days overdue"), (gate.Kind, gate.Reason));
        Assert.Equal(-40.1, gate.Delta, 9);
    }

    [Fact]
    public void Override_AppliesUntilItExpires_WithItsReason()
    {
        var manual = new ManualOverride(30, "champion resigned", Instant.FromUtc(2026, 10, 1, 0, 0));
        var customer = new Customer("acct-1", 0.8, 0, 10, 0);

        HealthExplanation during = Scorer().Explain(customer, AsOf, manual);
        Assert.Equal(30, during.Score.Value);
        Assert.True(during.Score.Influences.HasFlag(HealthScoreInfluences.Overridden));
        Assert.Equal("champion resigned", during.Adjustments.Single().Reason);

        HealthScore after = Scorer().Score(customer, new SignalContext(Instant.FromUtc(2026, 10, 1, 0, 0), DateTimeZone.Utc), manual);
        Assert.Equal(100, after.Value, 9);
    }

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
    public void CohortPercentile_Seed002_78IsAtTheHighEndOfTheQ2Cohort()
    {
        double[] q2 = [45, 52, 60, 61, 66, 70, 72, 75, 78];
        var cohort = q2.Select(s => Scorer(HealthModel.CreateBuilder("c").AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 100))).Build())
            .Score(new Customer("x", null, null, s, null), AsOf)).Append(Scorer().Score(new Customer("none", null, null, null, null), AsOf)).ToArray();

        Assert.Equal(100 * 8.5 / 9, HealthTrends.CohortPercentile(78, cohort)!.Value, 9);
        Assert.Null(HealthTrends.CohortPercentile(78, []));
    }

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

    [Fact]
    public void Columns_NaNOrInfinity_CountsAsMissing()
    {
        HealthScorer<Customer> scorer = Scorer();
        var results = new HealthScore[2];
        scorer.ScoreColumns([[0.65, double.NaN], [1, double.PositiveInfinity], [9, double.NaN], [0, double.NaN]], AsOf.AsOf, results);

        Assert.Equal(scorer.Score(new Customer("a", 0.65, 1, 9, 0), AsOf), results[0]);
        Assert.False(results[1].HasValue);
        Assert.True(results[1].Influences.HasFlag(HealthScoreInfluences.SignalsMissing));
    }

    [Fact]
    public void Columns_AllLinearModel_VectorPathEqualsOneAtATime()
    {
        // Every curve linear takes the hoisted vector path; it must agree exactly with scoring one account at a time.
        HealthModel model = HealthModel.CreateBuilder("linear")
            .AddSignal(new HealthSignalDefinition(new SignalId("adoption.active_licences"), Curve.Linear(0.2, 0.8), 2, "adoption"))
            .AddSignal(new HealthSignalDefinition(new SignalId("support.cases_7d"), Curve.Linear(10, 0), 1, "support"))
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Linear(0, 10), 1, "relationship"))
            .AddSignal(new HealthSignalDefinition(new SignalId("invoice.days_past_due"), Curve.Linear(90, 0), 1, "financial"))
            .Build();
        HealthScorer<Customer> scorer = Scorer(model);
        var random = new Random(7);
        Customer[] customers = Enumerable.Range(0, 37)
            .Select(i => new Customer($"a{i}", random.NextDouble(), random.Next(0, 12), i == 20 ? null : random.Next(0, 11), random.Next(0, 120)))
            .ToArray();
        double[][] columns =
        [
            customers.Select(c => c.ActiveLicenceShare ?? double.NaN).ToArray(), customers.Select(c => c.CasesLast7Days ?? double.NaN).ToArray(),
            customers.Select(c => c.Nps ?? double.NaN).ToArray(), customers.Select(c => c.DaysPastDue ?? double.NaN).ToArray(),
        ];
        var results = new HealthScore[customers.Length];

        scorer.ScoreColumns(columns, AsOf.AsOf, results);

        Assert.Equal(customers.Select(c => scorer.Score(c, AsOf)), results);
    }

    [Fact]
    public void Columns_HugeFiniteValuesArePresent_InfinityAndNaNAreMissing()
    {
        // The vector kernel spots a missing value by summing a block's raw values; huge finite values overflow that sum
        // without being missing, and must still score as present (the scalar path decides such a block).
        HealthModel model = HealthModel.CreateBuilder("huge")
            .AddSignal(new HealthSignalDefinition(new SignalId("usage.events"), Curve.Linear(0, 1e300), 1, "adoption"))
            .AddSignal(new HealthSignalDefinition(new SignalId("usage.minutes"), Curve.Linear(0, 1e300), 1, "adoption"))
            .Build();
        double[] events = [1.5e308, 1e308, double.PositiveInfinity, 5e299, 1e308, double.NaN, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308];
        double[] minutes = [1.5e308, 1e308, 5e299, double.NegativeInfinity, 1e308, 5e299, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308];
        var results = new HealthScore[events.Length];

        HealthScorer.Create(model, [Plugin("usage.events"), Plugin("usage.minutes")]).ScoreColumns([events, minutes], AsOf.AsOf, results);

        Assert.Equal(100, results[0].Value);
        Assert.Equal(HealthScoreInfluences.None, results[0].Influences);
        Assert.Equal(50, results[2].Value); // infinity is missing: only minutes (5e299 = 50) counts
        Assert.Equal(HealthScoreInfluences.SignalsMissing, results[2].Influences);
        Assert.Equal(50, results[3].Value);
        Assert.Equal(50, results[5].Value); // NaN is missing
        Assert.All(results[8..], r => Assert.Equal(100, r.Value)); // a whole block of huge values, every sum overflowing

        static ISignal<object> Plugin(string id) => Signal.Create<object>(new SignalId(id), SignalTiming.Leading, static (_, _) => SignalValue.Missing("columns only"));
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

    [Theory]
    [InlineData("empty", "Health model 'bad' has no signals")]
    [InlineData("negative", "Health model 'bad', signal 'nps.latest': weight -1 must be zero or more")]
    [InlineData("zero", "every signal or group has weight 0")]
    [InlineData("duplicate", "Health model 'bad', signal 'nps.latest': the model has this signal twice")]
    [InlineData("gate", "names signal 'ghost', which the model does not have")]
    [InlineData("group", "group 'ghosts' has a weight but no signal")]
    public void Model_Invalid_FailsWhenBuiltNamingModelAndSignal(string fault, string message)
    {
        HealthModel.Builder builder = HealthModel.CreateBuilder("bad");
        var nps = new SignalId("nps.latest");
        switch (fault)
        {
            case "negative":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10), -1));
                break;
            case "zero":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10), 0));
                break;
            case "duplicate":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10))).AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10)));
                break;
            case "gate":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10)))
                    .AddGate(new HealthGate(new SignalId("ghost"), GateComparison.AtLeast, 1, GateEffect.Cap, 10, "x"));
                break;
            case "group":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10))).WithGroupWeight("ghosts", 2);
                break;
        }

        var error = Assert.Throws<CustomerSuccessValidationException>(() => builder.Build());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownSignal_FailsWhenTheScorerIsBuilt()
    {
        HealthModel model = Wingtip().AddSignal(new HealthSignalDefinition(new SignalId("sponsor.engagement"), Curve.Boolean())).Build();

        var error = Assert.Throws<ArgumentException>(() => HealthScorer.Create(model, Plugins));
        Assert.Contains("Health model 'wingtip', signal 'sponsor.engagement': no signal plugin has this id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SignalThatThrows_IsReportedNamingSignalAndAccount()
    {
        HealthModel model = HealthModel.CreateBuilder("m").AddSignal(new HealthSignalDefinition(new SignalId("broken"), Curve.Boolean())).Build();
        ISignal<Customer> broken = Signal.Create<Customer>(new SignalId("broken"), SignalTiming.Lagging, static (_, _) => throw new KeyNotFoundException("no such column"));

        var error = Assert.Throws<SignalMeasurementException>(() => HealthScorer.Create(model, [broken]).Score(new Customer("acct-77", null, null, null, null), AsOf));
        Assert.Contains("Signal 'broken' failed to measure account 'acct-77': no such column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_Custom_MustRiseFromZero()
    {
        Assert.Equal("amber", HealthBands.Create(("red", 0), ("amber", 50), ("green", 80)).Classify(79).Name);
        Assert.Throws<ArgumentException>(() => HealthBands.Create(("red", 10)));
        Assert.Throws<ArgumentException>(() => HealthBands.Create(("red", 0), ("green", 0)));
    }

    [Fact]
    public void HealthScore_Is16Bytes()
    {
        // A million scores are 16 MB; the columnar kernel writes them as (score, band) pairs of two 8-byte halves.
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<HealthScore>());
    }

    [Fact]
    public void Score_OneAccount_AllocatesNothing()
    {
        // Allocation counts are exact, unlike timings: scoring on the hot path must not touch the heap.
        HealthModel model = Wingtip()
            .AddGate(new HealthGate(new SignalId("invoice.days_past_due"), GateComparison.AtLeast, 90, GateEffect.Cap, 39.9, "overdue"))
            .Build();
        HealthScorer<Customer> scorer = Scorer(model);
        var customer = new Customer("acct-1", 0.65, 5, null, 95);
        double total = 0;
        for (int i = 0; i < 100; i++)
        {
            total += scorer.Score(customer, AsOf).Value;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            total += scorer.Score(customer, AsOf).Value;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }

    [Fact]
    public void Explain_ShowsTimingSoAModelCanBeReadForHowEarlyItWarns()
    {
        HealthExplanation explanation = Scorer().Explain(new Customer("acct-1", 0.65, 1, 9, 0), AsOf);

        Assert.Equal(SignalTiming.Leading, explanation.Signals.Single(s => s.Id == new SignalId("adoption.active_licences")).Timing);
        Assert.All(explanation.Signals.Where(s => s.Group != "adoption"), s => Assert.Equal(SignalTiming.Lagging, s.Timing));
    }
}
