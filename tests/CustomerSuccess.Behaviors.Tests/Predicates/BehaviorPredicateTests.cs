using System;
using System.Linq;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorPredicateTests
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
}
