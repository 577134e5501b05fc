using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

/// <summary>The laws of DESIGN section 4 over random models and accounts.</summary>
[Properties(Arbitrary = new[] { typeof(HealthArbitraries) }, MaxTest = 200)]
public class HealthScorerLawsTests
{
    private const double Tolerance = 1e-9;

    [Property]
    public void Score_IsWithinZeroToHundredOrUndefined_AndUndefinedWhenEverythingIsMissing(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        foreach (ScoredAccount account in sample.Accounts)
        {
            HealthScore score = scorer.Score(account, HealthSample.Context);
            Assert.True(!score.HasValue || score.Value is >= 0 and <= 100, $"{score}");
            if (score.HasValue)
            {
                Assert.Equal(sample.Model().Bands.Classify(score.Value), score.Band);
            }
        }

        var nothing = new ScoredAccount("empty", new double?[sample.Signals.Length]);
        // With every value missing, only substitutes can score, and a required (Fail) signal forbids it.
        bool scorable = sample.Signals.Any(s => s.Missing == MissingSignalPolicy.Substitute && s.Weight > 0)
            && sample.Signals.All(s => s.Missing != MissingSignalPolicy.Fail);
        Assert.Equal(scorable, scorer.Score(nothing, HealthSample.Context).HasValue);
    }

    [Property]
    public void Score_IsMonotoneInASignalWhoseCurveRises(UngatedSample ungated, PositiveInt which, PositiveInt by)
    {
        HealthSample sample = ungated.Sample;
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        int k = which.Get % sample.Signals.Length;
        if (!sample.Signals[k].Curve.IsNonDecreasing)
        {
            return;
        }

        foreach (ScoredAccount account in sample.Accounts.Where(a => a.Raw[k] is not null))
        {
            double?[] raised = account.Raw.ToArray();
            raised[k] += by.Get % 100;
            HealthScore before = scorer.Score(account, HealthSample.Context);
            HealthScore after = scorer.Score(account with { Raw = raised }, HealthSample.Context);
            Assert.Equal(before.HasValue, after.HasValue);
            if (before.HasValue)
            {
                Assert.True(after.Value >= before.Value - Tolerance, $"{before} -> {after} raising s{k}");
            }
        }
    }

    [Property]
    public void Score_IsUnchangedWhenAllWeightsScale(HealthSample sample, PositiveInt factor)
    {
        double c = (factor.Get % 50) + 0.25;
        HealthScorer<ScoredAccount> plain = sample.Scorer(sample.Model());
        HealthScorer<ScoredAccount> scaled = sample.Scorer(sample.Model(s => new HealthSignalDefinition(s.Id, s.Curve, s.Weight * c, s.Group, s.Missing, s.SubstituteScore), groupScale: c));

        foreach (ScoredAccount account in sample.Accounts)
        {
            AssertClose(plain.Score(account, HealthSample.Context), scaled.Score(account, HealthSample.Context));
        }
    }

    [Property]
    public void Score_IsUnchangedWhenAllWeightsScaleByHugeOrTinyFactors(HealthSample sample, PositiveInt pick)
    {
        // The largest weight becomes each of these: products and sums of weights that large or small overflow or
        // underflow unless the engine normalises them first.
        double[] largest = [1e300, 1e308, 1e-300, 1e-305];
        double target = largest[pick.Get % largest.Length];
        double max = sample.Signals.Select(s => s.Weight).Concat(sample.GroupWeights.Values).Append(1).Max();
        double c = target / max;
        HealthScorer<ScoredAccount> plain = sample.Scorer(sample.Model());
        HealthScorer<ScoredAccount> scaled = sample.Scorer(sample.Model(s => new HealthSignalDefinition(s.Id, s.Curve, s.Weight * c, s.Group, s.Missing, s.SubstituteScore), groupScale: c));

        foreach (ScoredAccount account in sample.Accounts)
        {
            AssertClose(plain.Score(account, HealthSample.Context), scaled.Score(account, HealthSample.Context));
        }
    }

    [Property]
    public void Score_AZeroWeightSignalChangesNothing(HealthSample sample, double raw)
    {
        HealthScorer<ScoredAccount> plain = sample.Scorer(sample.Model());
        HealthModel withExtra = HealthModel.CreateBuilder("extra")
            .AddSignalsOf(sample.Model())
            .AddSignal(new HealthSignalDefinition(new SignalId("extra"), Curve.Linear(0, 10), 0, "support"))
            .Build();
        var extraPlugin = Signal.Create<ScoredAccount>(new SignalId("extra"), SignalTiming.Lagging, (_, _) => double.IsFinite(raw) ? SignalValue.Of(raw) : SignalValue.Missing("none"));
        HealthScorer<ScoredAccount> extra = HealthScorer.Create(withExtra, HealthSample.Plugins(sample.Signals.Length).Append(extraPlugin));

        foreach (ScoredAccount account in sample.Accounts)
        {
            AssertClose(plain.Score(account, HealthSample.Context), extra.Score(account, HealthSample.Context));
        }
    }

    [Property]
    public void Score_SignalOrderChangesNothing(HealthSample sample, int seed)
    {
        HealthSignalDefinition[] shuffled = sample.Signals.ToArray();
        new Random(seed).Shuffle(shuffled);
        HealthScorer<ScoredAccount> plain = sample.Scorer(sample.Model());
        HealthScorer<ScoredAccount> reordered = sample.Scorer(sample.Model(order: shuffled));

        foreach (ScoredAccount account in sample.Accounts)
        {
            AssertClose(plain.Score(account, HealthSample.Context), reordered.Score(account, HealthSample.Context));
        }
    }

    [Property]
    public void Score_OfAnAllLinearModel_EqualsTheGeneralPath(HealthSample sample)
    {
        // Score computes all-linear models inline; Explain always goes the general way (curve objects, groups).
        HealthModel linear = sample.Model(change: s => new HealthSignalDefinition(s.Id, LinearFor(s.Id), s.Weight, s.Group, s.Missing, s.SubstituteScore));
        HealthScorer<ScoredAccount> scorer = sample.Scorer(linear);
        var scores = new HealthScore[sample.Accounts.Length];
        scorer.ScoreAll(sample.Accounts, HealthSample.Context, scores);
        for (int i = 0; i < sample.Accounts.Length; i++)
        {
            HealthScore general = scorer.Explain(sample.Accounts[i], HealthSample.Context).Score;
            Assert.Equal(general, scorer.Score(sample.Accounts[i], HealthSample.Context));
            Assert.Equal(general, scores[i]);
        }
    }

    // Rising and falling linear curves that cut through the samples' raw values (-50 to 150).
    private static IScoreCurve LinearFor(SignalId id)
    {
        int i = int.Parse(id.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        return i % 2 == 0 ? Curve.Linear(-10 - i, 100 + (3 * i)) : Curve.Linear(110 + i, 5 * i);
    }

    [Property]
    public void Explain_ContributionsAndAdjustmentsAddUpToTheScore(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        foreach (ScoredAccount account in sample.Accounts)
        {
            HealthExplanation explanation = scorer.Explain(account, HealthSample.Context);
            Assert.Equal(scorer.Score(account, HealthSample.Context), explanation.Score);
            if (!explanation.Score.HasValue)
            {
                Assert.NotNull(explanation.UndefinedBecause);
                continue;
            }

            double contributions = explanation.Signals.Sum(s => s.Contribution);
            Assert.Equal(explanation.WeightedScore!.Value, contributions, Tolerance);
            Assert.Equal(explanation.Score.Value, contributions + explanation.Adjustments.Sum(a => a.Delta), Tolerance);
            Assert.Equal(1.0, explanation.Signals.Sum(s => s.EffectiveWeight), Tolerance);
            Assert.All(explanation.MissingSignals, s => Assert.StartsWith("no data for", s.Raw.MissingReason, StringComparison.Ordinal));
        }
    }

    [Property]
    public void Batch_AndColumns_EqualOneAtATime(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        HealthScore[] single = sample.Accounts.Select(a => scorer.Score(a, HealthSample.Context)).ToArray();

        var batch = new HealthScore[sample.Accounts.Length];
        scorer.ScoreAll(sample.Accounts, HealthSample.Context, batch);
        Assert.Equal(single, batch);

        double[][] columns = Enumerable.Range(0, sample.Signals.Length)
            .Select(i => sample.Accounts.Select(a => a.Raw[i] ?? double.NaN).ToArray())
            .ToArray();
        var columnar = new HealthScore[sample.Accounts.Length];
        scorer.ScoreColumns(columns, HealthSample.Context.AsOf, columnar);
        Assert.Equal(single, columnar);
    }

    [Property]
    public void Columns_VectorBlocksWithEverySignalPresent_EqualOneAtATime(HealthSample sample, PositiveInt seed) =>
        AssertColumnsEqualOneAtATime(sample, sample.Model(), seed.Get);

    [Property]
    public void Columns_OfAnAllLinearUngatedModel_EqualOneAtATime(UngatedSample ungated, PositiveInt seed)
    {
        // The columnar path's quickest kernel (every curve linear, no gates) scores and writes whole blocks in vectors.
        HealthSample sample = ungated.Sample;
        AssertColumnsEqualOneAtATime(sample, sample.Model(change: s => new HealthSignalDefinition(s.Id, LinearFor(s.Id), s.Weight, s.Group, s.Missing, s.SubstituteScore)), seed.Get);
    }

    [Property]
    public void Columns_OfAModelWithCustomCurves_EqualOneAtATime(HealthSample sample, PositiveInt seed)
    {
        // A curve the library did not build is only known through its Score: the columnar path must call it per lane
        // (and only with finite raw values, as the scalar path does) and still agree exactly.
        AssertColumnsEqualOneAtATime(sample, sample.Model(change: s => new HealthSignalDefinition(s.Id, new CustomCurve(s.Curve), s.Weight, s.Group, s.Missing, s.SubstituteScore)), seed.Get);
    }

    // A plugin's own curve: the library sees only the interface. It refuses what the contract rules out (non-finite raw values).
    private sealed class CustomCurve(IScoreCurve inner) : IScoreCurve
    {
        public bool IsNonDecreasing => inner.IsNonDecreasing;

        public double Score(double raw) => double.IsFinite(raw)
            ? inner.Score(raw)
            : throw new ArgumentOutOfRangeException(nameof(raw), raw, "A curve is only asked about finite raw values.");
    }

    private static void AssertColumnsEqualOneAtATime(HealthSample sample, HealthModel model, int seed)
    {
        // The vectorised path takes blocks where every value is present: fill the gaps so it runs, on 103 rows so that
        // full blocks and a scalar tail both occur.
        HealthScorer<ScoredAccount> scorer = sample.Scorer(model);
        var random = new Random(seed);
        ScoredAccount[] accounts = Enumerable.Range(0, 103)
            .Select(n => new ScoredAccount($"a{n}", sample.Signals.Select(_ => (double?)(random.Next(-500, 1500) / 10.0)).ToArray()))
            .ToArray();
        accounts[50].Raw[0] = null; // and one block with a gap

        double[][] columns = Enumerable.Range(0, sample.Signals.Length).Select(i => accounts.Select(a => a.Raw[i] ?? double.NaN).ToArray()).ToArray();
        var columnar = new HealthScore[accounts.Length];
        scorer.ScoreColumns(columns, HealthSample.Context.AsOf, columnar);

        Assert.Equal(accounts.Select(a => scorer.Score(a, HealthSample.Context)), columnar);
    }

    [Property]
    public void Columns_ScoredInParts_OnSeveralThreadsAtOnce_EqualOneRun(HealthSample sample, PositiveInt seed, PositiveInt parts)
    {
        // Rows split at arbitrary places (inside vector blocks, too), parts scored concurrently: every row's score is the one
        // a single run gives, bit for bit.
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        var random = new Random(seed.Get);
        ScoredAccount[] accounts = Enumerable.Range(0, 211)
            .Select(n => new ScoredAccount($"a{n}", sample.Signals.Select(_ => random.Next(9) == 0 ? null : (double?)(random.Next(-500, 1500) / 10.0)).ToArray()))
            .ToArray();
        double[][] columns = Enumerable.Range(0, sample.Signals.Length).Select(i => accounts.Select(a => a.Raw[i] ?? double.NaN).ToArray()).ToArray();
        var whole = new HealthScore[accounts.Length];
        scorer.ScoreColumns(columns, HealthSample.Context.AsOf, whole);

        int[] cuts = [0, .. Enumerable.Range(0, (parts.Get % 9) + 1).Select(_ => random.Next(accounts.Length + 1)).Order(), accounts.Length];
        var inParts = new HealthScore[accounts.Length];
        Parallel.For(0, cuts.Length - 1, p => scorer.ScoreColumns(columns, cuts[p], cuts[p + 1] - cuts[p], HealthSample.Context.AsOf, inParts));

        Assert.Equal(whole, inParts);
    }

    [Property(MaxTest = 10)]
    public void Columns_APartOutsideTheColumns_IsRefused(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        double[][] columns = [.. sample.Signals.Select(_ => new double[10])];
        Assert.NotEmpty(columns);
        var results = new HealthScore[10];

        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.ScoreColumns(columns, 8, 3, HealthSample.Context.AsOf, results));
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.ScoreColumns(columns, -1, 1, HealthSample.Context.AsOf, results));
        Assert.Throws<ArgumentException>(() => scorer.ScoreColumns(columns, 0, 10, HealthSample.Context.AsOf, new HealthScore[9]));
    }

    [Property(MaxTest = 30)]
    public void Score_FromManyThreadsAtOnce_IsIdentical(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        HealthScore[] expected = sample.Accounts.Select(a => scorer.Score(a, HealthSample.Context)).ToArray();
        var seen = new HealthScore[64][];

        Parallel.For(0, seen.Length, t => seen[t] = sample.Accounts.Select(a => scorer.Score(a, HealthSample.Context)).ToArray());

        Assert.All(seen, results => Assert.Equal(expected, results));
    }

    [Property]
    public void Attribute_SignalChangesAndAdjustmentsAddUpToTheChange(HealthSample sample)
    {
        HealthScorer<ScoredAccount> scorer = sample.Scorer(sample.Model());
        for (int i = 1; i < sample.Accounts.Length; i++)
        {
            ScoreChange? change = HealthTrends.Attribute(
                scorer.Explain(sample.Accounts[i - 1], HealthSample.Context), scorer.Explain(sample.Accounts[i], HealthSample.Context));
            if (change is null)
            {
                continue;
            }

            Assert.Equal(change.Change, change.BySignal.Sum(s => s.Delta) + change.Adjustments, Tolerance);
        }
    }

    private static void AssertClose(HealthScore expected, HealthScore actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected.HasValue)
        {
            Assert.Equal(expected.Value, actual.Value, 1e-9);
        }
    }
}

internal static class ModelBuilderExtensions
{
    public static HealthModel.Builder AddSignalsOf(this HealthModel.Builder builder, HealthModel model)
    {
        foreach (HealthSignalDefinition s in model.Signals)
        {
            builder.AddSignal(s);
        }

        foreach ((string group, double weight) in model.GroupWeights)
        {
            builder.WithGroupWeight(group, weight);
        }

        foreach (HealthGate gate in model.Gates)
        {
            builder.AddGate(gate);
        }

        return builder;
    }
}
