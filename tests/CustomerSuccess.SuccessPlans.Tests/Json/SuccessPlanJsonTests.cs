using System;
using Xunit;
using static CustomerSuccess.SuccessPlans.Tests.PlanDates;

namespace CustomerSuccess.SuccessPlans.Tests;

public class SuccessPlanJsonTests
{
    [Fact]
    public void Plan_RoundTripsThroughJson_WithIsoDates()
    {
        SuccessPlan plan = FinancialityTests.Signed().Agree(D(7, 16), "Joe Smith");

        string json = SuccessPlanJson.Serialize(plan);

        Assert.Equal(plan, SuccessPlanJson.Deserialize(json));
        Assert.Contains("\"signedOn\": \"2026-06-30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Agreed\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"Up","baseline":1,"baselineDate":"2026-01-01"}]}""", "$.metrics[0].direction")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-13-01"}]}""", "$.metrics[0].baselineDate")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baselineDate":"2026-01-01"}]}""", "$.metrics[0].baseline")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","roles":[{"party":"Customer","kind":"ExecutiveSponsor"}]}""", "$.roles[0].person")]
    [InlineData("""{"id":"p","status":"Draft"}""", "$.account")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-01-01"},{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-01-01"}]}""", "$")]
    public void MalformedPlan_FailsWithTheJsonPathAtFault(string json, string path)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => SuccessPlanJson.Deserialize(json));

        Assert.True(e.JsonPath == path || e.Message.Contains(path, StringComparison.Ordinal), $"path {e.JsonPath}: {e.Message}");
    }

    [Theory]
    [InlineData("\"2026-13-01\"", "'2026-13-01' is not a date (yyyy-MM-dd)")]
    [InlineData("20260101", "Expected a date (yyyy-MM-dd) as a string, not a Number")]
    public void ABadDate_IsNamedWithItsValueAndPath(string date, string message)
    {
        string json = $$"""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":{{date}}}]}""";

        var e = Assert.Throws<CustomerSuccessValidationException>(() => SuccessPlanJson.Deserialize(json));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal("$.metrics[0].baselineDate", e.JsonPath);
    }
}
