using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class SyntaxTests
{
    [Theory]
    [InlineData("count(login, last 7d) >= ", 1, 26, "Expected a number")]
    [InlineData("count(login, last 7d) = 5", 1, 23, "write '=='")]
    [InlineData("count(login, lats 7d) >= 5", 1, 14, "Unknown window 'lats'")]
    [InlineData("performed(login, last 7d)\n  and frobnicate(x)", 2, 7, "Unknown function 'frobnicate'")]
    [InlineData("performed(login, last 7d) performed(x, ever)", 1, 27, "Expected 'and', 'or'")]
    [InlineData("count(login, last 0d) >= 1", 1, 19, "Expected a duration")]
    [InlineData("at_least(3, performed(a, ever), performed(b, ever))", 1, 1, "count from 1 to the number of predicates (2)")]
    [InlineData("first(login, ever) >= 5", 1, 23, "Expected an instant")]
    [InlineData("count(login, ever) >= 5%", 1, 23, "a percentage only fits change")]
    [InlineData("users(any, ever, users(any, ever, performed(a, ever)))", 1, 1, "cannot be nested")]
    public void Parse_ReportsLineAndColumn(string text, int line, int column, string problem)
    {
        var e = Assert.Throws<BehaviorSyntaxException>(() => BehaviorPredicate.Parse(text));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Line {line}, column {column}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesDeepNesting_BeforeTheStackIsAtRisk()
    {
        string deep = string.Concat(Enumerable.Repeat("not ", 10_000)) + "performed(login, ever)";
        string parens = new string('(', 100_000) + "performed(login, ever)" + new string(')', 100_000);

        Assert.Contains("deeper than 64", Assert.Throws<BehaviorSyntaxException>(() => BehaviorPredicate.Parse(deep)).Message, StringComparison.Ordinal);
        Assert.Contains("deeper than 64", Assert.Throws<BehaviorSyntaxException>(() => BehaviorPredicate.Parse(parens)).Message, StringComparison.Ordinal);
        Assert.Equal(PredicateKind.Not, BehaviorPredicate.Parse(string.Concat(Enumerable.Repeat("not ", 60)) + "performed(login, ever)").Kind);
    }

    [Fact]
    public void Parse_ReadsALongFlatPredicateInOnePass()
    {
        // One token of look-ahead and no backtracking: a 20,000-term disjunction parses like any other input.
        string wide = string.Join(" or ", Enumerable.Range(0, 20_000).Select(i => $"count(e{i}, last 7d) >= {i}"));

        BehaviorPredicate parsed = BehaviorPredicate.Parse(wide);

        Assert.Equal(20_000, parsed.Children.Count);
        Assert.Equal(wide, parsed.ToString());
    }

    [Fact]
    public void Text_AcceptsCommentsWeeksAndPlainFractions_AndWritesTheCanonicalForm()
    {
        BehaviorPredicate parsed = BehaviorPredicate.Parse("""
            # usage down a quarter
            change(count(login, last 2w), last 2w offset 2w) <= -0.25   # a plain fraction is a change too
            and count(case, last 7d) between 1.0 and 5
            """);

        Assert.Equal("change(count(login, last 14d), last 14d offset 14d) <= -25% and count(case, last 7d) between 1 and 5", parsed.ToString());
    }

    [Fact]
    public void Fluent_Text_And_Json_DescribeTheSamePredicate()
    {
        BehaviorPredicate fluent = BehaviorAggregate.Count("support_case_opened", BehaviorWindow.Last(Duration.FromDays(7))).AtLeast(5)
            .And(BehaviorPredicate.Performed("login", BehaviorWindow.Last(Duration.FromDays(30))).Negate());
        const string Text = "count(support_case_opened, last 7d) >= 5 and not performed(login, last 30d)";
        const string Json = """{"and":[{"compare":{"aggregate":{"count":{"event":"support_case_opened","window":{"last":"7d"}}},"op":">=","value":5}},{"not":{"performed":{"event":"login","window":{"last":"30d"}}}}]}""";

        Assert.Equal(Text, fluent.ToString());
        Assert.Equal(Json, BehaviorJson.Serialize(fluent));
        Assert.Equal(fluent, BehaviorPredicate.Parse(Text));
        Assert.Equal(fluent, BehaviorJson.Deserialize(Json));
        Assert.Equal(new[] { "login", "support_case_opened" }, fluent.EventNamesUsed());
    }

    [Theory]
    [InlineData("""{"and":[{"performed":{"event":"login","window":{"last":"7d"}}}]}""", "$.and", "two or more")]
    [InlineData("""{"compare":{"aggregate":{"count":{"event":"login","window":{"last":"7x"}}},"op":">=","value":5}}""", "$.compare.aggregate.count.window.last", "not a duration")]
    [InlineData("""{"compare":{"aggregate":{"count":{"event":"login","window":{"last":"7d"}}},"op":"=>","value":5}}""", "$.compare.op", "not an operator")]
    [InlineData("""{"or":[{"performed":{"event":"login","window":{"ever":true}}},{"perfomed":{}}]}""", "$.or[1]", "'perfomed' is not a predicate")]
    [InlineData("""{"performed":{"window":{"ever":true}}}""", "$.performed", "'event' is missing")]
    [InlineData("""{"performed":{"event":"9lives","window":{"ever":true}}}""", "$.performed", "not a valid event name")]
    [InlineData("""{"performed":{"event":"login","window":{"ever":true}}""", "$", "malformed")]
    public void Json_ReportsThePathAtFault(string json, string path, string problem)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => BehaviorJson.Deserialize(json));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(e.InnerException);
        if (path != "$")
        {
            Assert.Equal(path, e.JsonPath);
            Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RuleSet_RoundTripsThroughTextAndJson_AndAcceptsTextPredicatesInJson()
    {
        const string Text = """
            rule support_case_spike risk danger cooldown 7d message "{account}: \"5 cases\" in 7 days"
              when count(support_case_opened, last 7d) >= 5

            rule power_user_reward trigger info cooldown forever per_user
              when count(login, ever) >= 50 and count(page_view, ever) >= 500

            rule licences_active opportunity warning
              when ratio(distinct_users(login, last 30d), fact(licences)) > 80%

            """;
        RuleSet rules = RuleSet.Parse(Text);

        Assert.Equal(Text.ReplaceLineEndings("\n").TrimEnd() + "\n", rules.ToString());
        Assert.Equal(rules.ToString(), BehaviorJson.DeserializeRules(BehaviorJson.SerializeRules(rules)).ToString());
        RuleSet fromJsonText = BehaviorJson.DeserializeRules("""{"rules":[{"id":"spike","kind":"risk","severity":"danger","when":"count(support_case_opened, last 7d) >= 5"}]}""");
        Assert.Equal("count(support_case_opened, last 7d) >= 5", fromJsonText[0].When.ToString());
    }

    [Theory]
    [InlineData("rule a risk danger when performed(x, ever)\nrule a risk danger when performed(x, ever)", "Line 2, column 1: Rule 'a' is defined twice")]
    [InlineData("rule a risky danger when performed(x, ever)", "Line 1, column 8: Rule 'a': 'risky' is not a kind")]
    [InlineData("rule a risk danger\n  when performed(x, ever) >= 1", "Line 2, column 27: Rule 'a': Expected 'and', 'or', the next 'rule'")]
    [InlineData("rule a risk danger message \"{acount}\" when performed(x, ever)", "Rule 'a': the message has an unknown placeholder {acount}")]
    [InlineData("rule a risk danger per_user when users(any, ever, performed(x, ever))", "Rule 'a': a per-user rule")]
    public void RuleSet_ErrorsNameTheRuleAndPosition(string text, string expected)
    {
        var e = Assert.Throws<BehaviorSyntaxException>(() => RuleSet.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSetJson_ErrorsNameTheRuleAndPath()
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => BehaviorJson.DeserializeRules(
            """{"rules":[{"id":"ok","kind":"risk","severity":"info","when":"performed(x, ever)"},{"id":"bad","kind":"risk","severity":"info","when":"count(x, ever) >"}]}"""));

        Assert.Equal("$.rules[1].when", e.JsonPath);
        Assert.Contains("rule 'bad': Line 1, column 17", e.Message, StringComparison.Ordinal);
    }
}

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
