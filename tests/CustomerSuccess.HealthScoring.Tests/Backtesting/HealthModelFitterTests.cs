using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthModelFitterTests
{
    private static readonly string[] Names = ["behavior.weekly", "adoption.licences", "noise.coin", "support.cases"];

    /// <summary>
    /// Accounts with four signals in [0, 100] and a churn outcome drawn from a known logistic model of their curve scores x
    /// (x = raw / 100): logit P(churn within 90 days) = intercept + sum coefficient_j x_j.
    /// </summary>
    private static (HealthScorer<double[]> Scorer, ChurnHistory<double[]> History) Generate(double intercept, double[] coefficients, int accounts, int seed)
    {
        var random = new Random(seed);
        var snapshots = new List<HealthSnapshot<double[]>>();
        var outcomes = new List<ChurnOutcome>();
        var asOf = new LocalDate(2026, 1, 1);
        for (int a = 0; a < accounts; a++)
        {
            var id = new AccountId($"acct-{a:D5}");
            double[] raw = Enumerable.Range(0, Names.Length).Select(_ => random.NextDouble() * 100).ToArray();
            double z = intercept + raw.Select((r, j) => coefficients[j] * r / 100).Sum();
            bool churns = random.NextDouble() < 1 / (1 + Math.Exp(-z));
            snapshots.Add(new HealthSnapshot<double[]>(id, asOf, raw));
            outcomes.Add(new ChurnOutcome(id, churns ? asOf.PlusDays(45) : null, new LocalDate(2026, 12, 31)));
        }

        HealthModel.Builder model = HealthModel.CreateBuilder("start");
        var signals = new List<ISignal<double[]>>();
        for (int j = 0; j < Names.Length; j++)
        {
            int column = j;
            model.AddSignal(new HealthSignalDefinition(new SignalId(Names[j]), Curve.Linear(0, 100)));
            signals.Add(Signal.Create<double[]>(new SignalId(Names[j]), SignalTiming.Lagging, (row, _) => SignalValue.Of(row[column])));
        }

        return (HealthScorer.Create(model.Build(), signals), new ChurnHistory<double[]>(snapshots, outcomes));
    }

    private static double WeightOf(FittedModel fitted, string name) => fitted.Model.Signals.Single(s => s.Id == new SignalId(name)).Weight;

    [Fact]
    public void Fit_RecoversTheGeneratingWeights_AndGivesNoiseNoWeight()
    {
        // Health weights are minus the churn coefficients: behavior 4, adoption 2, noise 0, support 1.
        (HealthScorer<double[]> scorer, ChurnHistory<double[]> history) = Generate(2, [-4, -2, 0, -1], 4_000, seed: 7);

        FittedModel fitted = HealthModelFitter.Fit(scorer, history, 90);

        double behavior = WeightOf(fitted, "behavior.weekly"), adoption = WeightOf(fitted, "adoption.licences");
        double noise = WeightOf(fitted, "noise.coin"), support = WeightOf(fitted, "support.cases");
        Assert.InRange(behavior / adoption, 1.5, 2.7);   // generated 2
        Assert.InRange(behavior / support, 2.5, 7.0);    // generated 4
        Assert.True(noise < 0.15 * behavior, $"noise {noise}, behavior {behavior}");
        Assert.InRange(fitted.Provenance.CrossValidatedAuc!.Value, 0.65, fitted.Provenance.InSampleAuc!.Value + 0.01);
        Assert.Equal((5, 4_000, 90), (fitted.Provenance.Folds, fitted.Provenance.Snapshots, fitted.Provenance.HorizonDays));
        double? noiseAuc = SignalLeadTime.Analyze(scorer, history, 90).Single(l => l.Signal == new SignalId("noise.coin")).AucByHorizon[0].Auc;
        Assert.InRange(noiseAuc!.Value, 0.45, 0.55);     // a signal of pure noise: AUC near 0.5
    }

    [Fact]
    public void Fit_DropsAndReportsASignalWhoseEffectPointsTheWrongWay_AndTheResultIsAnOrdinaryModel()
    {
        // "support.cases" here rises with churn as its curve score rises: a higher score would mean more risk.
        (HealthScorer<double[]> scorer, ChurnHistory<double[]> history) = Generate(0, [-4, -2, 0, 3], 3_000, seed: 11);

        FittedModel fitted = HealthModelFitter.Fit(scorer, history, 90);

        DroppedSignal support = Assert.Single(fitted.Dropped, d => d.Signal == new SignalId("support.cases"));
        Assert.True(support.Coefficient > 0, $"{support.Coefficient}");
        Assert.Contains("wrong way", support.Reason, StringComparison.Ordinal);
        Assert.Equal(0, WeightOf(fitted, "support.cases"));
        Assert.True(WeightOf(fitted, "behavior.weekly") > 0);
        string json = HealthModelJson.Serialize(fitted.Model);                       // the JSON format accepts it
        Assert.Equal(json, HealthModelJson.Serialize(HealthModelJson.Deserialize(json, fitted.Model.Name)));
        HealthScorer<double[]> refitted = HealthScorer.Create(fitted.Model, Names.Select((n, j) => Signal.Create<double[]>(new SignalId(n), SignalTiming.Lagging, (row, _) => SignalValue.Of(row[j]))));
        Assert.True(refitted.Score([90, 90, 50, 50], new Signals.SignalContext(Instant.FromUtc(2026, 1, 1, 0, 0), DateTimeZone.Utc)).HasValue);
    }

    [Fact]
    public void FitCurveBounds_MovesALinearCurveOntoTheData_SoTheSignalGetsItsWeight()
    {
        (HealthScorer<double[]> start, ChurnHistory<double[]> history) = Generate(2, [-4, -2, 0, -1], 3_000, seed: 5);

        // The behavior signal's curve reaches 100 only at 1,000 while its raw values run 0 to 100: every score is tiny.
        HealthModel.Builder badly = HealthModel.CreateBuilder("badly-scaled");
        foreach (HealthSignalDefinition s in start.Model.Signals)
        {
            badly.AddSignal(s.Id == new SignalId("behavior.weekly") ? new HealthSignalDefinition(s.Id, Curve.Linear(900, 1000)) : s);
        }

        HealthScorer<double[]> scorer = HealthScorer.Create(badly.Build(), Names.Select((n, j) => Signal.Create<double[]>(new SignalId(n), SignalTiming.Lagging, (row, _) => SignalValue.Of(row[j]))));

        FittedModel kept = HealthModelFitter.Fit(scorer, history, 90);
        FittedModel refitted = HealthModelFitter.Fit(scorer, history, 90, fitCurveBounds: true);

        Assert.Equal(0, WeightOf(kept, "behavior.weekly"));                           // every score 0: no information
        Assert.Contains(kept.Dropped, d => d.Signal == new SignalId("behavior.weekly"));
        Assert.True(WeightOf(refitted, "behavior.weekly") > WeightOf(refitted, "adoption.licences"), $"{WeightOf(refitted, "behavior.weekly")}");
        string curve = refitted.Model.Signals.Single(s => s.Id == new SignalId("behavior.weekly")).Curve.ToString()!;
        Assert.StartsWith("linear 0 at ", curve, StringComparison.Ordinal);
        Assert.True(refitted.Provenance.CrossValidatedAuc > kept.Provenance.CrossValidatedAuc, $"{refitted.Provenance.CrossValidatedAuc} vs {kept.Provenance.CrossValidatedAuc}");
        Assert.DoesNotContain("900", curve, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_IsDeterministic()
    {
        (HealthScorer<double[]> scorer, ChurnHistory<double[]> history) = Generate(1, [-3, -1, 0, -1], 800, seed: 3);

        Assert.Equal(HealthModelJson.Serialize(HealthModelFitter.Fit(scorer, history, 90).Model), HealthModelJson.Serialize(HealthModelFitter.Fit(scorer, history, 90).Model));
    }

    [Fact]
    public void Fit_WithoutBothOutcomes_SaysSo()
    {
        (HealthScorer<double[]> scorer, ChurnHistory<double[]> history) = Generate(-50, [0, 0, 0, 0], 50, seed: 1);

        var e = Assert.Throws<InvalidOperationException>(() => HealthModelFitter.Fit(scorer, history, 90));

        Assert.Contains("fitting needs both outcomes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AFittedModel_IsAnOrdinaryModelFile_CarryingItsProvenance()
    {
        (HealthScorer<double[]> scorer, ChurnHistory<double[]> history) = Generate(2, [-4, -2, 0, -1], 1_000, seed: 11);
        FittedModel fitted = HealthModelFitter.Fit(scorer, history, 90);

        string json = HealthModelJson.Serialize(fitted, "linear 0 to 100");
        HealthModel read = HealthModelJson.Deserialize(json, "fitted");

        Assert.Equal(fitted.Model.Signals.Select(s => (s.Id, s.Weight)), read.Signals.Select(s => (s.Id, s.Weight)));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        System.Text.Json.JsonElement provenance = document.RootElement.GetProperty("provenance");
        Assert.Equal("2026-01-01", provenance.GetProperty("from").GetString());
        Assert.Equal(fitted.Provenance.Snapshots, provenance.GetProperty("snapshots").GetInt32());
        Assert.Equal(fitted.Provenance.CrossValidatedAuc, provenance.GetProperty("crossValidatedAuc").GetDouble());
        Assert.Equal("linear 0 to 100", provenance.GetProperty("curves").GetString());
        Assert.DoesNotContain("provenance", HealthModelJson.Serialize(read), StringComparison.Ordinal); // a hand-made model has none
    }
}
