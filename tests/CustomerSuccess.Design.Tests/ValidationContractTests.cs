using System;
using System.Text.Json;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using Xunit;

namespace CustomerSuccess.Design.Tests;

/// <summary>One validation contract across the packages: one exception type, every problem listed, the JSON path kept.</summary>
public class ValidationContractTests
{
    public static TheoryData<string, Func<string, object>> JsonReaders { get; } = new()
    {
        { "HealthModelJson", json => HealthModelJson.Deserialize(json, "m") },
        { "BehaviorJson.Deserialize", json => BehaviorJson.Deserialize(json) },
        { "BehaviorJson.DeserializeRules", json => BehaviorJson.DeserializeRules(json) },
        { "SuccessPlanJson.Deserialize", json => SuccessPlanJson.Deserialize(json) },
        { "SuccessPlanJson.DeserializeTemplate", json => SuccessPlanJson.DeserializeTemplate(json) },
    };

    [Theory]
    [MemberData(nameof(JsonReaders))]
    public void MalformedJson_RaisesTheValidationException_WithPathAndPosition(string reader, Func<string, object> read)
    {
        var error = Assert.Throws<CustomerSuccessValidationException>(() => read("{ \"a\": [1, 2 }"));

        Assert.IsType<JsonException>(error.InnerException);
        Assert.NotNull(error.JsonPath);
        Assert.Equal(0, error.LineNumber);
        Assert.NotNull(error.BytePositionInLine);
        Assert.Single(error.Problems);
        Assert.False(string.IsNullOrWhiteSpace(reader));
    }

    [Theory]
    [MemberData(nameof(JsonReaders))]
    public void ARepeatedKey_RaisesTheValidationException_AtTheSecondKey(string reader, Func<string, object> read)
    {
        var error = Assert.Throws<CustomerSuccessValidationException>(() => read("{\n  \"x\": 1,\n  \"x\": 2\n}"));

        Assert.Equal("$.x", error.JsonPath);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(reader));
    }

    [Fact]
    public void HealthModelBuilder_ListsEveryProblem()
    {
        var nps = new SignalId("nps.latest");
        HealthModel.Builder builder = HealthModel.CreateBuilder("bad")
            .AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10), weight: -1))
            .AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10)))
            .WithGroupWeight("ghosts", 2)
            .AddGate(new HealthGate(new SignalId("ghost"), GateComparison.AtLeast, 1, GateEffect.Cap, 10, "x"));

        var error = Assert.Throws<CustomerSuccessValidationException>(builder.Build);

        Assert.Equal(
            [
                "Health model 'bad', signal 'nps.latest': weight -1 must be zero or more.",
                "Health model 'bad', signal 'nps.latest': the model has this signal twice.",
                "Health model 'bad': group 'ghosts' has a weight but no signal.",
                "Health model 'bad': the gate 'cap at 10 when ghost >= 1 (x)' names signal 'ghost', which the model does not have.",
            ],
            error.Problems);
    }

    [Fact]
    public void HealthModelOptions_ListEveryProblem_OfEverySignal()
    {
        var options = new HealthModelOptions
        {
            Signals =
            [
                new HealthSignalOptions { Id = "Bad Id", Curve = new CurveOptions { Kind = CurveKind.Boolean } },
                new HealthSignalOptions { Id = "nps", Weight = -2, Curve = new CurveOptions { Kind = CurveKind.Boolean } },
                new HealthSignalOptions { Id = "usage" },
            ],
        };

        var error = Assert.Throws<CustomerSuccessValidationException>(() => options.ToModel("m"));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("Health model 'm', signal 'Bad Id'", error.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Health model 'm', signal 'usage', curve: no curve is given", error.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Health model 'm', signal 'nps': weight -2", error.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void MrrOptions_ListEveryBadSetting()
    {
        var options = new MrrOptions { ReportingCurrency = default, ZeroMrr = (ZeroMrrPolicy)7, DuplicateRows = (DuplicateRowPolicy)9, ExchangeRates = null! };

        var error = Assert.Throws<CustomerSuccessValidationException>(() => new MrrHistory.Builder(options));

        Assert.Equal(4, error.Problems.Count);
        Assert.All(error.Problems, p => Assert.StartsWith("MrrOptions.", p, StringComparison.Ordinal));
    }

    [Fact]
    public void RuleSetOptions_ListEveryBadRule()
    {
        var options = new BehaviorRuleSetOptions();
        options.Rules.Add(new BehaviorRuleOptions { Id = "a", Kind = "risky", Severity = "danger", When = "performed(x, ever)" });
        options.Rules.Add(new BehaviorRuleOptions { Id = "b", Kind = "risk", Severity = "danger", When = "count(x, ever) >" });
        options.Rules.Add(new BehaviorRuleOptions { Id = "a", Kind = "risk", Severity = "danger", When = "performed(x, ever)" });

        var error = Assert.Throws<CustomerSuccessValidationException>(() => options.ToRuleSet("csm"));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("Rule set 'csm', rule 0 ('a'): Kind 'risky'", error.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Rule set 'csm', rule 1 ('b'): When: Line 1, column 17", error.Problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Rule set 'csm', rule 2 ('a'): the id is also used by rule 0", error.Problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSet_ListsEveryRepeatedId()
    {
        BehaviorRule Rule(string id) => new(id, RuleKind.Risk, AlertSeverity.Danger, BehaviorPredicate.Parse("performed(x, ever)"));

        var error = Assert.Throws<CustomerSuccessValidationException>(() => new RuleSet([Rule("a"), Rule("b"), Rule("a"), Rule("b")]));

        Assert.Equal(["Rule id 'a' is used by rules 1 and 3; ids must be unique.", "Rule id 'b' is used by rules 2 and 4; ids must be unique."], error.Problems);
    }
}
