using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CustomerSuccess.Demo;
using CustomerSuccess.SuccessPlans;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// One account's business review (issue 19, item 3): seed 002's Financiality on its December 8 review, kept as a test;
/// the page's tables the figures of 'plan' and 'history'; any account from files and a store; input escaped.
/// </summary>
public sealed class AccountReviewTests : CliRunner
{
    private string Review(params string[] args)
    {
        string path = Path.Combine(Folder, "review.html");
        var result = Run(["report", .. args, "--out", path]);
        Assert.True(result.Code == 0, result.Error);
        Assert.Equal($"Wrote {path}.\n", result.Output.ReplaceLineEndings("\n"));
        return File.ReadAllText(path);
    }

    private static string[] Headings(string html) => [.. Regex.Matches(html, "<h2>([^<]*)</h2>").Select(m => m.Groups[1].Value)];

    private static string[][] Rows(string html, string caption)
    {
        string table = Regex.Matches(html, "<table class=\"data\" id=\"[^\"]+\"><caption>([^<]*)</caption>.*?</table>", RegexOptions.Singleline)
            .Single(m => Decode(m.Groups[1].Value) == caption).Value;
        return [.. Regex.Matches(table, "<tr><th scope=\"row\">.*?</tr>").Select(m => Regex.Matches(m.Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => Decode(c.Groups[1].Value)).ToArray())];
    }

    private static string Decode(string text) => System.Net.WebUtility.HtmlDecode(text);

    private static string[] CsvLines(string output) => output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void Financiality_OnTheDemo_IsItsDecember8BusinessReview()
    {
        string html = Review("--account", WingtipDemo.Financiality.Value);

        Assert.Contains("<h1>Financiality: business review, 2026-12-08</h1>", html, StringComparison.Ordinal);
        Assert.Equal(["Success plan", "Success metrics, as of 2026-12-08", "Milestones and the next phase", "Health score, 2026-08-15 to 2026-12-08", "MRR and committed MRR, 2026-07 to 2026-10", "Alerts"], Headings(html));
        Assert.Contains("<p>Certify new analysts in a week, not a month</p>", html, StringComparison.Ordinal);

        string[][] plan = Rows(html, "Plan financiality-2026");
        Assert.Equal("72", plan.Single(r => r[0] == "Time to value (days)")[1]);
        Assert.StartsWith("Joe Smith: ", plan.Single(r => r[0] == "executive sponsor (customer)")[1], StringComparison.Ordinal);

        // Seed 002: 20 -> 9 days to train an analyst, 11/13 of the way to 7, on track; certifications 4 -> 7 of 8.
        string[][] metrics = Rows(html, "Success metrics as of 2026-12-08 (the output of 'customersuccess plan')");
        Assert.Equal(["Days to train a new analyst", "days", "20", "9", "7", "2026-12-27"], metrics[0][..6]);
        Assert.Equal(11m / 13m, decimal.Parse(metrics[0][6], CultureInfo.InvariantCulture), 9);
        Assert.Equal("on_track", metrics[0][8]);
        Assert.Equal(["Analysts certified per month", "analysts", "4", "7", "8"], metrics[1][..5]);
        Assert.Equal(2, Regex.Count(html, "<div class=\"package-chart\"><svg "));

        string[][] milestones = Rows(html, "Milestones");
        Assert.Equal(["Executive business review", "business review", "2026-12-08", "2026-12-08", "Mary Harrison", "done"], milestones.Single(m => m[0] == "Executive business review"));
        Assert.Equal("done, 9 days late", milestones.Single(m => m[0] == "Kickoff")[5]);
        Assert.Contains("Next phase (more people teams or divisions): Extend the training to the consulting division.", html, StringComparison.Ordinal);

        // The score: undefined before go-live, capped at 60 while onboarding is at risk, 78 once Joe rates it 5 of 5.
        string[][] health = Rows(html, "What moved the score");
        Assert.Equal(["2026-08-15", "", "", "", "", ""], health[0][..6]);
        Assert.Equal(["2026-09-05", "60", "yellow"], health[1][..3]);
        Assert.Contains("gate: onboarding at risk (-12.5 pts)", health[1][6], StringComparison.Ordinal);
        Assert.Equal(["2026-09-08", "78", "green", "improving", "18", "onboarding.satisfaction"], health[2][..6]);
        Assert.Contains("gate lifted: onboarding at risk (+12.5 pts)", health[2][6], StringComparison.Ordinal);

        // Revenue: $29,000 ARR from July, committed from the June 30 signature.
        string[][] mrr = Rows(html, "MRR by month and its movements (USD)");
        Assert.Equal(["2026-07", "2416.67"], mrr[0][..2]);
        Assert.Equal("2416.67", mrr[0][3]); // new

        // Mary followed up the detractor and the support-case spike; the licence opportunities are open.
        string[][] open = Rows(html, "Open alerts (3)");
        Assert.All(open, a => Assert.Equal(("licences_active", "opportunity"), (a[1], a[2])));
        string[][] done = Rows(html, "Acknowledged alerts (7)"); // three tips emails, two coffee cards, the detractor, the spike
        Assert.Equal(["2026-11-17T18:00:00Z", "support_case_spike", "danger", "acct-financiality opened 5 support cases in the past seven days", "2026-11-17T19:00:00Z", "Mary Harrison"], done[0]);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Financiality_IsTheSameBytesEveryTime_AndEveryChartHasItsTitleDescriptionAndTable()
    {
        string html = Review("--account", WingtipDemo.Financiality.Value);

        Assert.Equal(html, Review("--account", WingtipDemo.Financiality.Value));
        Assert.Equal(5, Regex.Count(html, "<svg ")); // two metric charts, the score line, its explanation, MRR
        Assert.Equal(5, Regex.Count(html, "<title[^>]*>[^<]+</title>\\s*<desc[^>]*>[^<]+</desc>"));
        Assert.Equal(5, Regex.Count(html, "</svg>(</div>)?\n<div class=\"scroll\"><table class=\"data\""));
    }

    [Fact]
    public void MetricsTable_IsThePlanCommandsOutput_AndTheSameFromTheFiles()
    {
        ScenarioResult story = FinancialityScenario.Run();
        string plan = Write("plan.json", SuccessPlanJson.Serialize(story.Plan));
        var csv = new StringBuilder("metric,date,value\n");
        foreach ((string metric, Measurement[] series) in FinancialityScenario.Measurements)
        {
            csv.Append(string.Concat(series.Select(m => string.Create(CultureInfo.InvariantCulture, $"{metric},{m.On:uuuu-MM-dd},{m.Value}\n"))));
        }

        string measurements = Write("measurements.csv", csv.ToString());
        var expected = Run("plan", "--plan", plan, "--measurements", measurements, "--as-of", "2026-12-08");
        Assert.True(expected.Code == 0, expected.Error);

        string demo = Review("--account", WingtipDemo.Financiality.Value);
        Assert.Equal(CsvLines(expected.Output).Skip(1), Rows(demo, "Success metrics as of 2026-12-08 (the output of 'customersuccess plan')").Select(r => string.Join(',', r)));

        // The same plan from the files: the plan's three sections are the demo's, byte for byte.
        string files = Review("--account", WingtipDemo.Financiality.Value, "--plan", plan, "--measurements", measurements, "--as-of", "2026-12-08");
        static string[] PlanSections(string html) => [.. Regex.Matches(html, "<section id=.*?</section>", RegexOptions.Singleline).Take(3).Select(m => m.Value)];
        Assert.Equal(PlanSections(demo), PlanSections(files));
        Assert.Contains($"No health score is recorded for {WingtipDemo.Financiality} up to 2026-12-08.", files, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAStore_TheHealthTableIsTheHistoryCommands_AndTheAlertsTheStoredOnes()
    {
        string store = Path.Combine(Folder, "cs.db");
        foreach (string day in new[] { "2026-10-30", "2026-10-31" })
        {
            var run = Run("run", "--store", store, "--as-of", day);
            Assert.True(run.Code == 0, run.Error);
        }

        var alerts = Run("alerts", "list", "--store", store);
        Assert.True(alerts.Code == 0, alerts.Error);
        string account = CsvLines(alerts.Output)[1].Split(',')[1]; // an account with an alert
        var history = Run("history", "--store", store, "--account", account);
        Assert.True(history.Code == 0, history.Error);

        string html = Review("--account", account, "--store", store);

        Assert.Equal(CsvLines(history.Output).Skip(1), Rows(html, "What moved the score").Select(r => string.Join(',', r.Take(6))));
        Assert.Equal("Success plan", Headings(html)[0]);
        int stored = CsvLines(alerts.Output).Skip(1).Count(l => l.Split(',')[1] == account);
        Assert.Equal(stored, Rows(html, $"Open alerts ({stored})").Length);
    }

    [Fact]
    public void FromFiles_EscapesWhatTheyHold_AndRefusesAPlanOfAnotherAccount()
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry,csm\nacme,\"<script>alert(1)</script>\",\"\"\" onload=\"\"x\",NA,Retail,Dana\n");
        string mrr = Write("mrr.csv", "account_id,month,mrr\nacme,2025-01,100\nacme,2025-02,120\n");

        string html = Review("--account", "acme", "--accounts", accounts, "--mrr", mrr);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onload=\"x", html, StringComparison.Ordinal);
        Assert.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;: business review, 2025-02-28</h1>", html, StringComparison.Ordinal);
        Assert.Equal([["2025-01", "100.00", "100.00", "0.00", "0.00", "0.00", "0.00"], ["2025-02", "120.00", "0.00", "0.00", "20.00", "0.00", "0.00"]], Rows(html, "MRR by month and its movements (USD)"));

        ScenarioResult story = FinancialityScenario.Run();
        string plan = Write("plan.json", SuccessPlanJson.Serialize(story.Plan));
        string measurements = Write("m.csv", "metric,date,value\n");
        string target = Path.Combine(Folder, "refused.html");
        var other = Run("report", "--account", "acme", "--accounts", accounts, "--mrr", mrr, "--plan", plan, "--measurements", measurements, "--out", target);
        Assert.Equal((1, string.Empty), (other.Code, other.Output));
        Assert.Contains($"{plan}, field 'account': the plan is for 'acct-financiality', not 'acme'.", other.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        var missing = Run("report", "--account", "globex", "--accounts", accounts, "--mrr", mrr, "--out", target);
        Assert.Equal((1, string.Empty), (missing.Code, missing.Output));
        Assert.Contains($"{accounts}: account 'globex' is not in the portfolio.", missing.Error, StringComparison.Ordinal);

        var half = Run("report", "--account", "acme", "--measurements", measurements);
        Assert.Equal((2, string.Empty), (half.Code, half.Output));
        Assert.Contains("--measurements needs --plan <plan.json>.", half.Error, StringComparison.Ordinal);

        var stray = Run("report", "--plan", plan, "--measurements", measurements);
        Assert.Equal(2, stray.Code);
        Assert.Contains("--plan is for one account's review; give --account <id> too.", stray.Error, StringComparison.Ordinal);
    }
}
