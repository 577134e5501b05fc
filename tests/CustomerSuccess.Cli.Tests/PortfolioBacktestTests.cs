using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class PortfolioBacktestTests : CliRunner
{
    private static readonly Lazy<string> MainJob = new(() => Run().Output);

    private static string[] Section(string start, string end)
    {
        string output = MainJob.Value;
        int from = output.IndexOf(start, StringComparison.Ordinal);
        int to = output.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"'{start}' then '{end}'");
        return output[from..to].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void MainJob_AfterHealth_BacktestsTheDemoModelAt30_90And180Days_ThenLeadTime_ThenAlerts()
    {
        string output = MainJob.Value;

        int health = output.IndexOf("Health, as of 2026-10-31", StringComparison.Ordinal);
        int backtest = output.IndexOf("Backtest of model 'wingtip': 34,462 month-end snapshots of 1,869 accounts, 269 of which churned, up to 2026-10-31", StringComparison.Ordinal);
        int bands = output.IndexOf("Churn by band", StringComparison.Ordinal);
        int lead = output.IndexOf("Lead time: each signal's own AUC by horizon", StringComparison.Ordinal);
        int alerts = output.IndexOf("Alerts, as of 2026-10-31", StringComparison.Ordinal);
        Assert.True(health >= 0 && health < backtest && backtest < bands && bands < lead && lead < alerts, output);

        string[] summary = Section("Backtest of model", "Churn by band");
        Assert.Contains(summary, l => l.StartsWith("Horizon   Snapshots  Churned     AUC     95% interval          Unexpected churn", StringComparison.Ordinal));
        Assert.Equal(["30d", "90d", "180d"], summary.Where(l => l.EndsWith("churners", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]));
        Assert.Equal(9, Section("Churn by band", "Lead time").Count(l => l.Contains('x', StringComparison.Ordinal) && l.EndsWith('x')));

        string[] signals = Section("Lead time", "Alerts, as of");
        Assert.Matches(@"^behavior\.essential_weeks +0\.8\d{3} +0\.8\d{3} +0\.8\d{3}  leading  leading$", signals.Single(l => l.StartsWith("behavior.", StringComparison.Ordinal)));
        Assert.Matches(@"^adoption\.active_licences +0\.9\d{3} +0\.7\d{3} +0\.6\d{3}  leading  lagging +contradicted$", signals.Single(l => l.StartsWith("adoption.", StringComparison.Ordinal)));
        Assert.Equal(7, signals.Count(l => l.Contains("  leading", StringComparison.Ordinal) || l.Contains("  lagging", StringComparison.Ordinal)));
        Assert.Contains("The data contradict 1 tag: adoption.active_licences is tagged leading but keeps 42% of its power above chance from 30 to 180 days, so the data suggest lagging.", signals);
    }

    [Fact]
    public void MainJob_Backtest_IsTheBacktestCommandOverTheFilesDemoWrites()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);
        var (code, csv, error) = Run("backtest", "--model", Path.Combine(Folder, "model.json"), "--history", Path.Combine(Folder, "snapshots.csv"),
            "--outcomes", Path.Combine(Folder, "outcomes.csv"), "--horizon", "30d,90d,180d");
        Assert.True(code == 0, error);
        string[][] tables = [.. csv.Split("\n\n").Select(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..])];

        // horizon,snapshots,churned,auc,auc_low,auc_high,unexpected_churn_rate against "30d  32,862  291  0.9727  0.9664-0.9786  9.1% of 254 churners"
        string[] summary = [.. Section("Backtest of model", "Churn by band").Where(l => l.EndsWith("churners", StringComparison.Ordinal))];
        Assert.Equal(tables[0].Length, summary.Length);
        for (int i = 0; i < summary.Length; i++)
        {
            string[] file = tables[0][i].Split(',');
            string[] job = summary[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(file[0] + "d", job[0]);
            Assert.Equal(file[1], job[1].Replace(",", "", StringComparison.Ordinal));
            Assert.Equal(file[2], job[2].Replace(",", "", StringComparison.Ordinal));
            Assert.Equal(Four(file[3]), job[3]);
            Assert.Equal($"{Four(file[4])}-{Four(file[5])}", job[4]);
            Assert.Equal(decimal.Parse(file[6], CultureInfo.InvariantCulture).ToString("0.0%", CultureInfo.InvariantCulture), job[5]);
        }

        // horizon,band,snapshots,churned,churn_rate,lift against "30d  red  378  159  42.1%  47.50x"
        string[] bands = [.. Section("Churn by band", "Lead time").Where(l => l.EndsWith('x'))];
        Assert.Equal(tables[1].Length, bands.Length);
        for (int i = 0; i < bands.Length; i++)
        {
            string[] file = tables[1][i].Split(',');
            string[] job = bands[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([file[0] + "d", file[1], file[2], file[3]], job[..4].Select(c => c.Replace(",", "", StringComparison.Ordinal)));
            Assert.Equal(decimal.Parse(file[5], CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture) + "x", job[5]);
        }

        // signal,horizon,auc,suggested_tag against "behavior.essential_weeks  0.8633  0.8718  0.8409  leading  leading"
        foreach (string line in Section("Lead time", "The data contradict").Where(l => l.Contains("  lagging", StringComparison.Ordinal) || l.Contains("  leading", StringComparison.Ordinal)))
        {
            string[] job = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string[][] rows = [.. tables[2].Select(r => r.Split(',')).Where(r => r[0] == job[0])];
            Assert.Equal(rows.Select(r => Four(r[2])), job[1..4]);
            Assert.All(rows, r => Assert.Equal(r[3], job[5]));
        }
    }

    [Fact]
    public void Demo_WritesTheOutcomesThatTheOutcomesCommandDerivesFromItsMrr_AndAModelThatScoreReads()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);

        var (code, outcomes, error) = Run("outcomes", "--mrr", Path.Combine(Folder, "mrr.csv"));

        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, "outcomes.csv")), outcomes);
        Assert.StartsWith("account_id,as_of,behavior.essential_weeks,adoption.active_licences,", File.ReadAllText(Path.Combine(Folder, "snapshots.csv")), StringComparison.Ordinal);
        Assert.Equal(HealthScoring.HealthModelJson.Serialize(Demo.DemoHealthModel.Model), File.ReadAllText(Path.Combine(Folder, "model.json")));
    }

    [Fact]
    public void Docs_ShowTheMainJobsBacktest_AndTheCommandsOverTheDemoFiles()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);
        string snapshots = Path.Combine(Folder, "snapshots.csv"), outcomes = Path.Combine(Folder, "outcomes.csv"), model = Path.Combine(Folder, "model.json");
        string backtest = Run("backtest", "--model", model, "--history", snapshots, "--outcomes", outcomes, "--horizon", "30d,90d,180d").Output;
        string fit = Run("fit", "--history", snapshots, "--outcomes", outcomes, "--horizon", "90d", "--model", model, "--out", Path.Combine(Folder, "fitted.json")).Output;
        string output = MainJob.Value;
        int from = output.IndexOf("Backtest of model", StringComparison.Ordinal);
        int to = output.IndexOf('\n', output.IndexOf("The data contradict", from, StringComparison.Ordinal));

        string page = File.ReadAllText(Path.Combine(CustomerSuccess.Testing.Repository.Root, "docs", "predictive.md"));

        Assert.Contains(output[from..to], page, StringComparison.Ordinal);
        Assert.Contains(backtest.TrimEnd('\n'), page, StringComparison.Ordinal);
        Assert.Contains(fit.TrimEnd('\n'), page, StringComparison.Ordinal);
    }

    private static string Four(string text) => decimal.Parse(text, CultureInfo.InvariantCulture).ToString("0.0000", CultureInfo.InvariantCulture);
}
