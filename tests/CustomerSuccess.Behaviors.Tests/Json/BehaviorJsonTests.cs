using System;
using System.Text.Json;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

public class BehaviorJsonTests
{
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
    public void RuleSetJson_ErrorsNameTheRuleAndPath()
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => BehaviorJson.DeserializeRules(
            """{"rules":[{"id":"ok","kind":"risk","severity":"info","when":"performed(x, ever)"},{"id":"bad","kind":"risk","severity":"info","when":"count(x, ever) >"}]}"""));

        Assert.Equal("$.rules[1].when", e.JsonPath);
        Assert.Contains("rule 'bad': Line 1, column 17", e.Message, StringComparison.Ordinal);
    }
}
