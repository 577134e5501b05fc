using System;
using System.IO;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class PlanCommandTests : CliRunner
{
    private static LocalDate D(int month, int day) => new(2026, month, day);

    private string PlanFile()
    {
        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder("financiality-onboarding", new AccountId("financiality"));
        plan.Purpose = "Train analysts in a week";
        plan.AddMetric(new PlanMetric("Days to train a new analyst", "days", MetricDirection.LowerIsBetter, "Median days to certification", "LMS", 20, D(6, 30), 7, D(12, 31)))
            .AddMetric(new PlanMetric("Weekly active analysts", "users", MetricDirection.HigherIsBetter, "Distinct users per week", "Product", 40, D(6, 30), 50, D(10, 31)))
            .AddMetric(new PlanMetric("Reports shared", "reports", MetricDirection.HigherIsBetter, "Reports shared per month", "Product", 5, D(6, 30), 20, D(12, 31)));
        return Write("plan.json", SuccessPlanJson.Serialize(plan.Build()));
    }

    private const string Measurements = """
        metric,date,value
        Days to train a new analyst,2026-09-30,16
        Days to train a new analyst,2026-10-31,12
        Days to train a new analyst,2026-11-30,9
        Days to train a new analyst,2026-12-15,8
        Weekly active analysts,2026-10-31,46
        """;

    [Fact]
    public void Plan_ListsEachMetricsProgressTrendAndStatus_AndWritesCharts()
    {
        string charts = Path.Combine(Folder, "charts");

        var (code, output, error) = Run("plan", "--plan", PlanFile(), "--measurements", Write("m.csv", Measurements), "--as-of", "2026-12-08", "--charts", charts);

        Assert.True(code == 0, error);
        string[] lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("metric,unit,baseline,current,target,target_date,progress,projected,status", lines[0]);
        Assert.StartsWith("Days to train a new analyst,days,20,9,7,2026-12-31,0.8461538462,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",on_track", lines[1], StringComparison.Ordinal);
        string[] weekly = lines[2].Split(',');
        Assert.Equal(["Weekly active analysts", "users", "40", "46", "50", "2026-10-31", "0.6", "46", "missed"], weekly);
        Assert.Equal("Reports shared,reports,5,,20,2026-12-31,,,not_measured", lines[3]);
        string svg = File.ReadAllText(Path.Combine(charts, "days-to-train-a-new-analyst.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Days to train a new analyst</title>", svg, StringComparison.Ordinal);
        Assert.Contains("OnTrack, 85% of the way", svg, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(charts, "reports-shared.svg")));
    }

    [Theory]
    [InlineData("metric,date,value\nDays to onboard,2026-09-30,16\n", "line 2, field 'metric': 'Days to onboard' is not a metric of plan 'financiality-onboarding'")]
    [InlineData("metric,date,value\nReports shared,2026-09-31,16\n", "line 2, field 'date': '2026-09-31' is not a date")]
    [InlineData("metric,date,value\nReports shared,2026-09-30,many\n", "line 2, field 'value': 'many' is not a number")]
    public void BadMeasurements_ExitOne_NamingTheLineAndField(string measurements, string expected)
    {
        var (code, _, error) = Run("plan", "--plan", PlanFile(), "--measurements", Write("m.csv", measurements), "--as-of", "2026-12-08");

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadPlan_ExitsOne_WithTheJsonPath()
    {
        var (code, _, error) = Run("plan", "--plan", Write("plan.json", """{"id":"p","account":"a","status":"Drafty"}"""), "--measurements", Write("m.csv", "metric,date,value\n"), "--as-of", "2026-12-08");

        Assert.Equal(1, code);
        Assert.Contains("plan.json", error, StringComparison.Ordinal);
        Assert.Contains("$.status", error, StringComparison.Ordinal);
    }
}
