using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;
using static CustomerSuccess.HealthScoring.Tests.WingtipHealth;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthScorerTests
{
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
