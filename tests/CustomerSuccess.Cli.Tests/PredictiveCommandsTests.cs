using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using CustomerSuccess.Testing;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public class PredictiveCommandsTests : CliRunner
{
    private const string SummaryHeader = "horizon,snapshots,churned,auc,auc_low,auc_high,unexpected_churn_rate";
    private const string BandsHeader = "horizon,band,snapshots,churned,churn_rate,lift";
    private const string SignalsHeader = "signal,horizon,auc,suggested_tag";

    private (string Snapshots, string Outcomes) Files()
    {
        (string snapshots, string outcomes) = PredictiveHistory.Generate();
        return (Write("snapshots.csv", snapshots), Write("outcomes.csv", outcomes));
    }

    private string Fitted((string Snapshots, string Outcomes) files)
    {
        string model = Path.Combine(Folder, "fitted.json");
        var (code, _, error) = Run("fit", "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "90d", "--out", model);
        Assert.True(code == 0, error);
        return model;
    }

    [Fact]
    public void Backtest_Csv_PrintsTheThreeTables_WithTheirHeaders_InOrder()
    {
        var files = Files();
        var (code, output, error) = Run("backtest", "--model", Fitted(files), "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "30d,90d,180d");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string[] tables = output.TrimEnd('\n').Split("\n\n");
        Assert.Equal(3, tables.Length);
        string[] summary = tables[0].Split('\n');
        Assert.Equal(SummaryHeader, summary[0]);
        Assert.Equal(["30", "90", "180"], summary.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(summary.Skip(1), l => Assert.Equal(7, l.Split(',').Length));
        string[] bands = tables[1].Split('\n');
        Assert.Equal(BandsHeader, bands[0]);
        Assert.Equal(["30,red", "30,yellow", "30,green", "90,red", "90,yellow", "90,green", "180,red", "180,yellow", "180,green"],
            bands.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        string[] signals = tables[2].Split('\n');
        Assert.Equal(SignalsHeader, signals[0]);
        Assert.Equal(9, signals.Length - 1);
    }

    [Fact]
    public void Backtest_LeadTimeTable_RanksTheSignalsAsTheyWereGenerated()
    {
        var files = Files();
        var (_, output, _) = Run("backtest", "--model", Fitted(files), "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "30d,90d,180d");

        string[][] rows = output.TrimEnd('\n').Split("\n\n")[2].Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        double Auc(string signal, string horizon) => double.Parse(rows.Single(r => r[0] == signal && r[1] == horizon)[2], System.Globalization.CultureInfo.InvariantCulture);
        string Tag(string signal) => rows.First(r => r[0] == signal)[3];

        Assert.Equal("leading", Tag("behavior.weekly"));
        Assert.Equal("lagging", Tag("usage.logins"));
        Assert.NotEqual("leading", Tag("noise.x")); // by chance it may cross the power floor at 30 days; never lead
        Assert.All(new[] { "30", "90", "180" }, h => Assert.True(Auc("noise.x", h) < Math.Min(Auc("behavior.weekly", h), Auc("usage.logins", h))));
        // The behaviour keeps its power at 180 days; usage is the better signal at 30 days and loses most of it by 180.
        Assert.True(Auc("behavior.weekly", "180") > 0.8);
        Assert.True(Auc("usage.logins", "30") > Auc("behavior.weekly", "30"));
        Assert.True(Auc("usage.logins", "180") < 0.7);
        Assert.InRange(Auc("noise.x", "90"), 0.45, 0.55);
    }

    [Fact]
    public void Backtest_Json_CarriesTheSameTables()
    {
        var files = Files();
        string model = Fitted(files);
        var (_, csv, _) = Run("backtest", "--model", model, "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "90d");
        var (code, json, _) = Run("backtest", "--model", model, "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "90d", "--format", "json");

        Assert.Equal(0, code);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement summary = Assert.Single(document.RootElement.GetProperty("summary").EnumerateArray());
        string[] csvSummary = csv.Split('\n')[1].Split(',');
        Assert.Equal(90, summary.GetProperty("horizon").GetInt32());
        Assert.Equal(csvSummary[3], summary.GetProperty("auc").GetRawText());
        Assert.Equal(3, document.RootElement.GetProperty("bands").GetArrayLength());
        Assert.Equal(3, document.RootElement.GetProperty("signals").GetArrayLength());
        Assert.Equal(["summary", "bands", "signals"], document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Fit_WithoutAModel_StartsFromPercentileCurves_AndIsWithin002OfTheBestLinearMix()
    {
        var files = Files();
        string model = Fitted(files);

        HealthModel fitted = HealthModelJson.Deserialize(File.ReadAllText(model), "fitted");
        Assert.Equal(["behavior.weekly", "usage.logins", "noise.x"], fitted.Signals.Select(s => s.Id.Value));
        string json = File.ReadAllText(model);
        Assert.Contains("\"provenance\"", json, StringComparison.Ordinal);
        Assert.Contains("5th and 95th percentiles", json, StringComparison.Ordinal);

        // The best linear mix of the same curves, by a search over the weights, on the same labels.
        var history = ReadHistory(files);
        double Auc(double[] weights)
        {
            HealthModel.Builder builder = HealthModel.CreateBuilder("mix");
            for (int i = 0; i < weights.Length; i++)
            {
                builder.AddSignal(new HealthSignalDefinition(fitted.Signals[i].Id, fitted.Signals[i].Curve, weights[i]));
            }

            return HealthBacktest.Run(HealthScorer.Create(builder.Build(), Columns(fitted)), history, 90, resamples: 1).Auc!.Value;
        }

        double best = 0;
        for (int a = 0; a <= 10; a++)
        {
            for (int b = 0; a + b <= 10; b++)
            {
                if (a + b > 0 || 10 - a - b > 0)
                {
                    best = Math.Max(best, Auc([a, b, 10 - a - b]));
                }
            }
        }

        double mine = Auc([.. fitted.Signals.Select(s => s.Weight)]);
        Assert.True(mine >= best - 0.02, $"fitted {mine:0.0000}, best linear mix {best:0.0000}");
    }

    [Fact]
    public void Fit_WithAModel_KeepsItsCurves_AndOnlyFitsTheWeights()
    {
        var files = Files();
        string start = Write("start.json", """
            { "signals": [
              { "id": "behavior.weekly", "curve": { "kind": "Steps", "below": 0, "points": [ { "raw": 0.5, "score": 100 } ] } },
              { "id": "usage.logins", "curve": { "kind": "Linear", "zeroAt": 5, "fullAt": 25 } } ] }
            """);
        string model = Path.Combine(Folder, "out.json");
        var (code, output, error) = Run("fit", "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "90d", "--out", model, "--model", start);

        Assert.True(code == 0, error);
        Assert.StartsWith("signal,curve,zero_at,full_at,weight,dropped_because\nbehavior.weekly,steps,,,", output, StringComparison.Ordinal);
        Assert.Contains("\nusage.logins,linear,5,25,", output, StringComparison.Ordinal);
        Assert.Contains("\n\nhorizon,snapshots,churned,in_sample_auc,cross_validated_auc,folds,lambda\n90,", output, StringComparison.Ordinal);
        HealthModel fitted = HealthModelJson.Deserialize(File.ReadAllText(model), "out");
        Assert.Equal(2, fitted.Signals.Count);
        Assert.Contains("kept from start.json", File.ReadAllText(model), StringComparison.Ordinal);

        // An ordinary model file: score reads it.
        var (scored, scores, _) = Run("score", "--model", model, "--accounts", files.Snapshots, "--as-of", "2026-01-01T00:00:00Z");
        Assert.Equal(0, scored);
        Assert.StartsWith("account_id,score,band\n", scores, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Failing_LeavesTheOutputFileAsItWas()
    {
        var files = Files();
        string model = Write("keep.json", "{ \"old\": true }");
        string outcomes = Write("none-churn.csv", "account_id,churned_on,observed_until\n" + string.Join('\n',
            File.ReadAllLines(files.Outcomes).Skip(1).Select(l => l.Split(',')[0] + ",,2026-12-31")) + "\n");

        var (code, output, error) = Run("fit", "--history", files.Snapshots, "--outcomes", outcomes, "--horizon", "90d", "--out", model);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("cannot fit a model at 90d", error, StringComparison.Ordinal);
        Assert.Equal("{ \"old\": true }", File.ReadAllText(model));
        Assert.Single(Directory.GetFiles(Folder, "*keep.json*"));
    }

    [Theory]
    [InlineData("account_id,month,mrr\nchurner,2026-01,100\nchurner,2026-02,100\nother,2026-03,5\n", "churner,2026-03-01,2026-03-31")]
    [InlineData("account_id,month,mrr\nback,2026-01,50\nback,2026-02,0\nback,2026-03,60\n", "back,,2026-03-31")]
    [InlineData("account_id,month,mrr\nnever,2026-01,0\nnever,2026-02,0\nother,2026-03,5\n", "never,,2026-03-31")]
    [InlineData("account_id,month,mrr\nstill,2026-01,10\nstill,2026-03,10\n", "still,,2026-03-31")]
    [InlineData("account_id,month,mrr\nchurned_twice,2026-01,10\nchurned_twice,2026-03,10\nother,2026-05,5\n", "churned_twice,2026-04-01,2026-05-31")]
    public void Outcomes_FromAnMrrFile_ChurnReactivationNeverPaidStillPaying(string mrr, string expected)
    {
        var (code, output, error) = Run("outcomes", "--mrr", Write("mrr.csv", mrr));

        Assert.True(code == 0, error);
        Assert.StartsWith("account_id,churned_on,observed_until\n", output, StringComparison.Ordinal);
        Assert.Contains(expected + "\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_ObservedUntil_SetsTheColumn_AndLeavesALaterChurnEmpty()
    {
        var (code, output, _) = Run("outcomes", "--mrr", Write("mrr.csv", "account_id,month,mrr\nb,2026-01,1\na,2026-01,1\na,2026-02,1\nz,2026-06,1\n"), "--observed-until", "2026-02-20");

        Assert.Equal(0, code);
        Assert.Equal("account_id,churned_on,observed_until\na,,2026-02-20\nb,2026-02-01,2026-02-20\nz,,2026-02-20\n", output);
    }

    [Fact]
    public void Outcomes_ThenBacktest_RunFromATeamsOwnFiles()
    {
        string mrr = Write("mrr.csv", "account_id,month,mrr\na,2026-01,10\na,2026-02,10\nb,2026-01,10\nb,2026-02,0\nc,2026-01,10\nc,2026-02,10\nc,2026-03,10\na,2026-03,10\n");
        var (_, outcomes, _) = Run("outcomes", "--mrr", mrr);
        string snapshots = Write("snap.csv", "account_id,as_of,usage.logins\na,2026-01-05,20\nb,2026-01-05,2\nc,2026-01-05,15\n");
        string model = Write("m.json", """{ "signals": [ { "id": "usage.logins", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 20 } } ] }""");

        var (code, output, error) = Run("backtest", "--model", model, "--history", snapshots, "--outcomes", Write("outcomes.csv", outcomes), "--horizon", "30d");

        Assert.True(code == 0, error);
        Assert.StartsWith(SummaryHeader + "\n30,3,1,1,", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-outcome", "snapshots.csv, line 2, field 'account_id': account 'ghost' has no row in")]
    [InlineData("after-observed", "snapshots.csv, line 2, field 'as_of': 2027-03-01 is after the account's observed_until 2026-12-31")]
    [InlineData("missing-column", "snapshots.csv, line 1")]
    [InlineData("bad-date", "snapshots.csv, line 2, field 'as_of': '2026-13-01' is not a date")]
    [InlineData("bad-number", "snapshots.csv, line 2, field 'usage.logins': 'many' is not a number")]
    [InlineData("two-outcomes", "outcomes.csv, line 3, field 'account_id': account 'a' already has an outcome on line 2")]
    [InlineData("churn-after-watch", "outcomes.csv, line 2, field 'churned_on': 2027-01-05 is after observed_until 2026-12-31")]
    public void Backtest_BadInput_ExitsOneNamingFileLineAndField(string fault, string message)
    {
        string snapshots = fault switch
        {
            "no-outcome" => "account_id,as_of,usage.logins\nghost,2026-01-01,3\n",
            "after-observed" => "account_id,as_of,usage.logins\na,2027-03-01,3\n",
            "missing-column" => "account_id,as_of,other\na,2026-01-01,3\n",
            "bad-date" => "account_id,as_of,usage.logins\na,2026-13-01,3\n",
            "bad-number" => "account_id,as_of,usage.logins\na,2026-01-01,many\n",
            _ => "account_id,as_of,usage.logins\na,2026-01-01,3\n",
        };
        string outcomes = fault switch
        {
            "two-outcomes" => "account_id,churned_on,observed_until\na,,2026-12-31\na,,2026-12-31\n",
            "churn-after-watch" => "account_id,churned_on,observed_until\na,2027-01-05,2026-12-31\n",
            _ => "account_id,churned_on,observed_until\na,,2026-12-31\n",
        };
        string model = Write("m.json", """{ "signals": [ { "id": "usage.logins", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 20 } } ] }""");

        var (code, output, error) = Run("backtest", "--model", model, "--history", Write("snapshots.csv", snapshots), "--outcomes", Write("outcomes.csv", outcomes), "--horizon", "90d");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("90")]
    [InlineData("90d,")]
    [InlineData("-5d")]
    [InlineData("3651d")]
    [InlineData("90d,90d")]
    public void Backtest_BadHorizon_IsAUsageError(string horizon)
    {
        string model = Write("m.json", """{ "signals": [ { "id": "usage.logins", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 20 } } ] }""");
        var (code, output, error) = Run("backtest", "--model", model, "--history", Write("s.csv", "account_id,as_of,usage.logins\n"), "--outcomes", Write("o.csv", "account_id,churned_on,observed_until\n"), "--horizon", horizon);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("--horizon", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_OutIsAFolder_ExitsOneSayingSo()
    {
        var files = Files();
        var (code, output, error) = Run("fit", "--history", files.Snapshots, "--outcomes", files.Outcomes, "--horizon", "90d", "--out", Folder);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("cannot be written: it is a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SeveralHorizons_IsAUsageError()
    {
        var (code, _, error) = Run("fit", "--history", "s.csv", "--outcomes", "o.csv", "--horizon", "30d,90d", "--out", "m.json");

        Assert.Equal(2, code);
        Assert.Contains("this command takes one", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_WorkedExampleOfTheDocs_PrintsWhatTheDocsShow()
    {
        string examples = Path.Combine(Repository.Root, "docs", "examples", "predictive");
        var (_, outcomes, _) = Run("outcomes", "--mrr", Path.Combine(examples, "mrr.csv"));
        Assert.Equal(File.ReadAllText(Path.Combine(examples, "outcomes.csv")), outcomes);

        var (code, output, _) = Run("backtest", "--model", Path.Combine(examples, "model.json"), "--history", Path.Combine(examples, "snapshots.csv"),
            "--outcomes", Write("outcomes.csv", outcomes), "--horizon", "30d,60d");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(examples, "backtest.csv")), output);

        var (_, fit, _) = Run("fit", "--history", Path.Combine(examples, "snapshots.csv"), "--outcomes", Path.Combine(examples, "outcomes.csv"),
            "--horizon", "60d", "--out", Path.Combine(Folder, "fitted.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(examples, "fit.csv")), fit);

        // The page shows the same text as the files.
        string page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "predictive.md"));
        Assert.Contains(output.TrimEnd('\n'), page, StringComparison.Ordinal);
        Assert.Contains(fit.TrimEnd('\n'), page, StringComparison.Ordinal);
        Assert.Contains(outcomes.TrimEnd('\n'), page, StringComparison.Ordinal);
    }

    private static ChurnHistory<double[]> ReadHistory((string Snapshots, string Outcomes) files)
    {
        var outcomes = File.ReadAllLines(files.Outcomes).Skip(1).Select(l => l.Split(','))
            .Select(f => new ChurnOutcome(new AccountId(f[0]), f[1].Length == 0 ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(f[1]).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(f[2]).Value));
        var snapshots = File.ReadAllLines(files.Snapshots).Skip(1).Select(l => l.Split(','))
            .Select(f => new HealthSnapshot<double[]>(new AccountId(f[0]), NodaTime.Text.LocalDatePattern.Iso.Parse(f[1]).Value,
                [.. f.Skip(2).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))]));
        return new ChurnHistory<double[]>(snapshots, outcomes);
    }

    private static ISignal<double[]>[] Columns(HealthModel model) =>
        [.. model.Signals.Select((s, i) => Signal.Create<double[]>(s.Id, SignalTiming.Lagging, (row, _) => SignalValue.Of(row[i])))];
}
