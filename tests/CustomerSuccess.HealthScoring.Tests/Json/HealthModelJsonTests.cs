using System;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

[Properties(Arbitrary = new[] { typeof(HealthArbitraries) }, MaxTest = 100)]
public class HealthModelJsonTests
{
    private const string Example = """
        {
          // Seed 002's health factors for a mid-market customer.
          "signals": [
            { "id": "adoption.active_licences", "group": "adoption", "weight": 2, "curve": { "kind": "Linear", "zeroAt": 0.2, "fullAt": 0.8 } },
            { "id": "support.cases_7d", "group": "support", "curve": { "kind": "Steps", "below": 100, "points": [ { "raw": 3, "score": 60 }, { "raw": 5, "score": 10 } ] } },
            { "id": "nps.latest", "group": "relationship", "missing": "Substitute", "substituteScore": 50,
              "curve": { "kind": "Piecewise", "points": [ { "raw": 0, "score": 0 }, { "raw": 6, "score": 30 }, { "raw": 10, "score": 100 } ] } },
            { "id": "sponsor.engaged", "group": "relationship", "curve": { "kind": "Boolean" } },
            { "id": "invoice.days_past_due", "group": "financial", "curve": { "kind": "Linear", "zeroAt": 90, "fullAt": 0 } }
          ],
          "groupWeights": { "adoption": 2 },
          "gates": [ { "signal": "invoice.days_past_due", "comparison": "AtLeast", "threshold": 90, "effect": "Cap", "limit": 39.9, "reason": "invoice 90 days overdue" } ],
          "bands": [ { "name": "red", "lowerBound": 0 }, { "name": "yellow", "lowerBound": 40 }, { "name": "green", "lowerBound": 70 } ],
        }
        """;

    [Fact]
    public void Deserialize_TheDocumentedExample()
    {
        HealthModel model = HealthModelJson.Deserialize(Example, "mid-market");

        Assert.Equal("mid-market", model.Name);
        Assert.Equal(5, model.Signals.Count);
        Assert.Equal(2, model.GroupWeights["adoption"]);
        Assert.Equal(1, model.GroupWeights["support"]);
        Assert.Equal(MissingSignalPolicy.Substitute, model.Signals[2].Missing);
        Assert.Equal(39.9, Assert.Single(model.Gates).Limit);
        Assert.Equal(50, model.Signals[4].Curve.Score(45), 9);
    }

    [Property]
    public void SerializeThenDeserialize_ScoresTheSame(HealthSample sample)
    {
        HealthModel model = sample.Model();
        string json = HealthModelJson.Serialize(model);
        HealthModel back = HealthModelJson.Deserialize(json, model.Name);

        Assert.Equal(json, HealthModelJson.Serialize(back));
        HealthScorer<ScoredAccount> original = sample.Scorer(model), roundTripped = sample.Scorer(back);
        Assert.All(sample.Accounts, a => Assert.Equal(original.Score(a, HealthSample.Context), roundTripped.Score(a, HealthSample.Context)));
    }

    [Theory]
    [InlineData("""{ "signals": [ { "id": "Bad Id", "curve": { "kind": "Boolean" } } ] }""", "Health model 'm', signal 'Bad Id': 'Bad Id' is not a valid signal id")]
    [InlineData("""{ "signals": [ { "id": "nps", "curve": { "kind": "Piecewise", "points": [ { "raw": 5, "score": 1 }, { "raw": 1, "score": 2 } ] } } ] }""", "Health model 'm', signal 'nps', curve: Point 2")]
    [InlineData("""{ "signals": [ { "id": "nps" } ] }""", "Health model 'm', signal 'nps', curve: no curve is given")]
    [InlineData("""{ "signals": [ { "id": "nps", "weight": -2, "curve": { "kind": "Boolean" } } ] }""", "Health model 'm', signal 'nps': weight -2 must be zero or more")]
    [InlineData("""{ "signals": [ { "id": "nps", "curve": { "kind": "Boolean" } } ], "bands": [ { "name": "red", "lowerBound": 10 } ] }""", "Health model 'm', bands: The lowest band 'red' must start at 0")]
    [InlineData("""{ "signals": [ { "id": "nps", "curve": { "kind": "Sigmoid" } } ] }""", "Health model 'm': the JSON is not a model")]
    [InlineData("""{ "signals": [ """, "Health model 'm': the JSON is not a model")]
    public void Deserialize_BadModel_NamesModelAndSignal(string json, string message)
    {
        var error = Assert.Throws<CustomerSuccessValidationException>(() => HealthModelJson.Deserialize(json, "m"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CustomCurve_IsRejectedNamingTheSignal()
    {
        HealthModel model = HealthModel.CreateBuilder("m").AddSignal(new HealthSignalDefinition(new Signals.SignalId("nps"), new HalfCurve())).Build();
        var error = Assert.Throws<ArgumentException>(() => HealthModelJson.Serialize(model));
        Assert.Contains("signal 'nps': its curve (HalfCurve) is custom", error.Message, StringComparison.Ordinal);
    }

    private sealed class HalfCurve : IScoreCurve
    {
        public bool IsNonDecreasing => true;

        public double Score(double raw) => 50;
    }
}
