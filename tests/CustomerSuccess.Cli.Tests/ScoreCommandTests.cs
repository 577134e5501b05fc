using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class ScoreCommandTests : CliRunner
{
    private const string Model = """
        {
          "signals": [
            { "id": "adoption.active_licences", "group": "adoption", "weight": 2, "curve": { "kind": "Linear", "zeroAt": 0.2, "fullAt": 0.8 } },
            { "id": "support.cases_7d", "group": "support", "curve": { "kind": "Steps", "below": 100, "points": [ { "raw": 3, "score": 60 }, { "raw": 5, "score": 10 } ] } },
            { "id": "invoice.days_past_due", "group": "financial", "curve": { "kind": "Linear", "zeroAt": 90, "fullAt": 0 } }
          ],
          "gates": [ { "signal": "invoice.days_past_due", "comparison": "AtLeast", "threshold": 90, "effect": "Cap", "limit": 39.9, "reason": "invoice 90 days overdue" } ]
        }
        """;

    private const string Accounts = "account_id,adoption.active_licences,support.cases_7d,invoice.days_past_due,segment\n" +
        "acct-1,0.65,1,0,SMB\nacct-2,0.9,0,120,SMB\nacct-3,,,,SMB\n";

    [Fact]
    public void Score_FollowsTheColumnContract_UndefinedIsEmpty()
    {
        var (code, output, error) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", Accounts), "--as-of", "2026-09-08T00:00:00Z");

        Assert.True(code == 0, error);
        Assert.Equal(["account_id,score,band", "acct-1,91.6666666667,green", "acct-2,39.9,red", "acct-3,,"], output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Score_Explain_AddsOneContributionColumnPerSignal_ThatAddUpToTheWeightedScore()
    {
        var (code, output, _) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", Accounts), "--explain");

        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal(0, code);
        Assert.Equal("account_id,score,band,adoption.active_licences,support.cases_7d,invoice.days_past_due", lines[0]);
        decimal[] first = lines[1].Split(',')[3..].Select(v => decimal.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(91.6666666667m, first.Sum(), 9);
        Assert.Equal("acct-3,,,,,", lines[3]);
    }

    [Fact]
    public void Score_Json_UsesTheSameNamesWithNullForUndefined()
    {
        var (code, output, _) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", Accounts), "--format", "json");

        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(0, code);
        Assert.Equal("red", json.RootElement[1].GetProperty("band").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement[2].GetProperty("score").ValueKind);
    }

    [Theory]
    [InlineData("""{ "signals": [ { "id": "nps", "weight": -1, "curve": { "kind": "Boolean" } } ] }""", "model.json: Health model 'model', signal 'nps': weight -1 must be zero or more")]
    [InlineData("""{ "signals": [ """, "model.json, line 1, column 16, at $.signals[0]: Health model 'model': the JSON is not a model")]
    [InlineData(
        """{ "signals": [ { "id": "nps", "weight": -1, "curve": { "kind": "Boolean" } }, { "id": "usage", "curve": { "kind": "Linear", "zeroAt": 5, "fullAt": 5 } } ] }""",
        "model.json: 2 problems: Health model 'model', signal 'usage', curve: ")]
    public void Score_BadModel_ExitsOneNamingFileModelAndSignal(string model, string message)
    {
        var (code, output, error) = Run("score", "--model", Write("model.json", model), "--accounts", Write("accounts.csv", Accounts));

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n')); // every problem, on one line
    }

    [Theory]
    [InlineData("account_id,adoption.active_licences,support.cases_7d\nacct-1,0.5,1\n", "accounts.csv, line 1, field 'invoice.days_past_due': the header has no such column")]
    [InlineData("account_id,adoption.active_licences,support.cases_7d,invoice.days_past_due\nacct-1,lots,1,0\n", "accounts.csv, line 2, field 'adoption.active_licences': 'lots' is not a number")]
    public void Score_BadAccounts_ExitsOneNamingLineAndField(string accounts, string message)
    {
        var (code, _, error) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", accounts));

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BadAsOf_IsAUsageError()
    {
        var (code, _, error) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", Accounts), "--as-of", "yesterday");

        Assert.Equal(2, code);
        Assert.Contains("--as-of 'yesterday' is not an instant", error, StringComparison.Ordinal);
    }

    private string ManyAccounts(int count)
    {
        var random = new Random(17);
        var text = new System.Text.StringBuilder("account_id,adoption.active_licences,support.cases_7d,invoice.days_past_due\n");
        string Value(double value) => random.Next(10) == 0 ? "" : value.ToString("R", CultureInfo.InvariantCulture);
        for (int a = 0; a < count; a++)
        {
            text.Append("acct-").Append(a).Append(',').Append(Value(random.NextDouble())).Append(',')
                .Append(Value(random.Next(0, 8))).Append(',').Append(Value(random.Next(0, 150))).Append('\n');
        }

        return Write("many.csv", text.ToString());
    }

    [Fact]
    public void Score_OnSeveralThreads_PrintsTheSameBytesAsOne_AndTheColumnarScoresAreTheExplainedOnes()
    {
        // 20,000 accounts make several parts of 4,096; --explain scores one account at a time (the plain reference).
        string model = Write("model.json", Model), accounts = ManyAccounts(20_000);
        const string AsOf = "2026-09-08T00:00:00Z";

        var one = Run("score", "--model", model, "--accounts", accounts, "--as-of", AsOf, "--threads", "1");
        var two = Run("score", "--model", model, "--accounts", accounts, "--as-of", AsOf, "--threads", "2");
        var seven = Run("score", "--model", model, "--accounts", accounts, "--as-of", AsOf, "--threads", "7");
        var explained = Run("score", "--model", model, "--accounts", accounts, "--as-of", AsOf, "--explain", "--threads", "3");

        Assert.Equal(0, one.Code);
        Assert.Equal(20_001, one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(one.Output, seven.Output);
        Assert.Equal(
            one.Output.Split('\n'),
            explained.Output.Split('\n').Select(l => string.Join(',', l.Split(',').Take(3))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("two")]
    [InlineData("1025")]
    public void Score_BadThreads_IsAUsageError(string threads)
    {
        var (code, output, error) = Run("score", "--model", Write("model.json", Model), "--accounts", Write("accounts.csv", Accounts), "--threads", threads);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"--threads must be a whole number from 1 to 1024, not '{threads}'", error, StringComparison.Ordinal);
    }
}
