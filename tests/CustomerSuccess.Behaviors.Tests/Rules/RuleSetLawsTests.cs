using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Behaviors.Tests;

[Properties(Arbitrary = new[] { typeof(BehaviorArbitraries) }, MaxTest = 200)]
public class RuleSetLawsTests
{
    [Property]
    public Property RuleSet_RoundTripsThroughTextAndJson(BehaviorPredicate[] predicates)
    {
        var rules = new RuleSet(predicates.Take(5).Select((p, i) => new BehaviorRule(
            $"rule-{i}", (RuleKind)(1 + (i % 3)), (AlertSeverity)(1 + (i % 3)), p, i % 2 == 0 ? Duration.FromDays(i) : BehaviorRule.Forever,
            perUser: i == 1 && !p.ToString().Contains("users(", StringComparison.Ordinal), message: i == 2 ? "at {as_of}: {evidence}" : null)));
        string text = rules.ToString();
        return (RuleSet.Parse(text).ToString() == text && BehaviorJson.DeserializeRules(BehaviorJson.SerializeRules(rules)).ToString() == text).Label(text);
    }
}
