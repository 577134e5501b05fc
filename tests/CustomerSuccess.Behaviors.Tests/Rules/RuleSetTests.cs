using System;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class RuleSetTests
{
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
}
