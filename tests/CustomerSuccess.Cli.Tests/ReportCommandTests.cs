using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The report on the demo (issue 19): one file, the same bytes every time, every chart with its title, description and
/// table, and the tables' figures those the other commands print.
/// </summary>
public sealed class ReportCommandTests : CliRunner
{
    private string Report()
    {
        string path = Path.Combine(Folder, "report.html");
        var result = Run("report", "--out", path);
        Assert.True(result.Code == 0, result.Error);
        Assert.Equal($"Wrote {path}.\n", result.Output.ReplaceLineEndings("\n"));
        return File.ReadAllText(path);
    }

    [Fact]
    public void Report_OnTheDemo_IsTheSameBytesEveryTime_AndToStandardOutputWithADash()
    {
        string first = Report();

        Assert.Equal(first, Report());
        Assert.Equal(first, Run("report", "--out", "-").Output);
    }

    [Fact]
    public void Report_HasItsSections_AndEveryChartItsTitleDescriptionAndDataTable()
    {
        string html = Report();

        Assert.Equal(["MRR and ARR over time", "MRR movements, 2026-10", "Monthly NRR and GRR by segment, 2025-11 to 2026-10", "Retention by segment, 2025-10 to 2026-10", "Cohort retention by first-paid month",
            "Committed MRR, 2025-10-31 to 2026-10-31", "Health by segment, as of 2026-10-31", "Score distribution, as of 2026-10-31", "The ten riskiest accounts", "Does the score predict churn? Backtest to 2026-10-31", "Alerts, as of 2026-10-31"], Regex.Matches(html, "<h2>([^<]*)</h2>").Select(m => m.Groups[1].Value));
        int charts = Regex.Count(html, "<svg ");
        Assert.Equal(24, charts); // MRR, the bridge, monthly NRR and GRR, retention, cohorts, the CMRR bridge and its losses, bands, scores, ten explanations, lift, reliability, lead time, alerts
        Assert.Equal(charts, Regex.Count(html, "<title id=\"s\\d+b\\d+-title\">[^<]+</title><desc id=\"s\\d+b\\d+-desc\">[^<]+</desc>"));
        Assert.Equal(charts, Regex.Count(html, "</svg>\n<div class=\"scroll\"><table class=\"data\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Report_MrrTable_IsTheRetentionCommandsFigures_ToTheCent()
    {
        string demo = DemoFiles();
        var retention = Run("retention", "--mrr", Path.Combine(demo, "mrr.csv"), "--rates", Path.Combine(demo, "rates.csv"));
        string[] lines = retention.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var expected = lines.Skip(1).Select(l => l.Split(',')).Select(c => new[]
        {
            c[Column("month")], c[Column("closing_mrr")], c[Column("new")], c[Column("reactivation")], c[Column("expansion")], c[Column("contraction")], c[Column("churn")], c[Column("customers_closing")],
        }).ToList();

        // The first table: Month, MRR, ARR, New, Reactivation, Expansion, Contraction, Churn, Customers.
        string[][] rows = BodyRows(Report(), "s1b1-data");

        Assert.Equal(expected.Count, rows.Length);
        Assert.Equal(expected.Select(e => string.Join(',', e)), rows.Select(r => string.Join(',', r.Where((_, i) => i != 2))));
        Assert.All(rows, r => Assert.Equal(decimal.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) * 12, decimal.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));

        // The monthly heatmaps' total rows: retention's nrr and grr of the last twelve months, as percentages.
        static string Percent(string ratio) => Math.Round(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture) * 100, 2, MidpointRounding.ToEven).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        string[][] last12 = [.. lines.Skip(lines.Length - 12).Select(l => l.Split(','))];
        string html = Report();
        Assert.Equal(["Total", .. last12.Select(c => Percent(c[Column("nrr")]))], Cells(html, "s3b1-data", "Total"));
        Assert.Equal(["Total", .. last12.Select(c => Percent(c[Column("grr")]))], Cells(html, "s3b2-data", "Total"));
    }

    [Fact]
    public void Report_RetentionFigures_AreTheCohortRetentionCommands()
    {
        string demo = DemoFiles();
        string[] Cohort(string from, string to) => Run("cohort-retention", "--mrr", Path.Combine(demo, "mrr.csv"), "--rates", Path.Combine(demo, "rates.csv"), "--from", from, "--to", to)
            .Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[1].Split(',');
        static string Percent(string ratio) => Math.Round(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture) * 100, 2, MidpointRounding.ToEven).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        string html = Report();

        // The trailing twelve months' total row: from,to,cohort_size,opening_mrr,closing_mrr,nrr,grr,logo_churn.
        string[] year = Cohort("2025-10", "2026-10");
        Assert.Equal(string.Join(',', "Total", year[2], year[3], year[4], Percent(year[5]), Percent(year[6]), Percent(year[7])), string.Join(',', Cells(html, "s4b1-data", "Total")));

        // The first cohort is everyone paying in the first month: its M12 is that month's cohort a year later.
        string[] first = Cells(html, "s5b1-data", "2024-11 and before");
        Assert.Equal("100.0", first[1]);
        Assert.Equal(Math.Round(decimal.Parse(Percent(Cohort("2024-11", "2025-11")[5]), System.Globalization.CultureInfo.InvariantCulture), 1, MidpointRounding.ToEven).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), first[13]);
        Assert.Equal(25, first.Length); // the label and M0 to M23
    }

    [Fact]
    public void Report_AlertsByRule_AreTheAlertsCommandsCounts()
    {
        string demo = DemoFiles();
        var alerts = Run("alerts", "--rules", Path.Combine(demo, "rules.txt"), "--events", Path.Combine(demo, "events.csv"), "--facts", Path.Combine(demo, "facts.csv"), "--as-of", "2026-10-31T23:59:59Z");
        Assert.True(alerts.Code == 0, alerts.Error);
        var byRule = alerts.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).GroupBy(l => l.Split(',')[1]).ToDictionary(g => g.Key, g => g.Count());
        string html = Report();

        string[][] rows = BodyRows(html, "s11b1-data");
        Assert.Equal(6, rows.Length);
        Assert.All(rows, r => Assert.Equal(byRule.GetValueOrDefault(r[0]), int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(byRule.Values.Sum(), rows.Sum(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Report_PredictiveTables_AreTheBacktestCommandsOutput()
    {
        string demo = DemoFiles();
        var backtest = Run("backtest", "--model", Path.Combine(demo, "model.json"), "--history", Path.Combine(demo, "snapshots.csv"), "--outcomes", Path.Combine(demo, "outcomes.csv"), "--horizon", "30d,90d,180d");
        Assert.True(backtest.Code == 0, backtest.Error);
        string[][] tables = [.. backtest.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split("\n\n").Select(t => t.Split('\n'))];
        string html = Report();

        string[] Table(string id) => [.. Regex.Matches(Regex.Match(html, $"<table class=\"data\" id=\"{id}\">.*?</table>", RegexOptions.Singleline).Value, "<tr>(.*?)</tr>")
            .Select(m => string.Join(',', Regex.Matches(m.Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => c.Groups[1].Value)))];
        Assert.Equal(tables[0], Table("s10b1"));                                        // summary: the header and a row per horizon
        Assert.Equal(tables[1], Table("s10b2-data"));                                   // churn and lift by band
        Assert.Equal(tables[2], Table("s10b4-data").Select(r => r[..r.LastIndexOf(',')])); // each signal's AUC, then its tag
        Assert.Equal(31, Table("s10b3-data").Length);                                   // a decile per horizon, and the header
    }

    [Fact]
    public void Report_FromAStoresRun_DrawsItsHealthAsTheDemoDoes_AndItsOpenAlerts()
    {
        string store = Path.Combine(Folder, "cs.db");
        Assert.True(Run("run", "--store", store).Code == 0);
        string[] open = Run("alerts", "list", "--store", store, "--open").Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[1..];
        string[] first = open[0].Split(',');
        Assert.Equal(0, Run("alerts", "ack", "--store", store, "--account", first[1], "--rule", first[2], "--raised-at", first[0], "--by", "Mary Harrison").Code);
        string path = Path.Combine(Folder, "stored.html");

        var result = Run("report", "--store", store, "--out", path);

        Assert.True(result.Code == 0, result.Error);
        string html = File.ReadAllText(path), demo = Report();
        static string[] Sections(string html) => [.. Regex.Matches(html, "<section id=.*?</section>", RegexOptions.Singleline).Select(m => m.Value)];
        static string WithoutLead(string section) => Regex.Replace(section, "<p>.*?</p>", string.Empty);
        string[] stored = Sections(html), built = Sections(demo);
        Assert.Equal(10, stored.Length); // revenue, health from the run, open alerts; the backtest needs outcomes (backtest --store)
        Assert.Equal(built.Take(6), stored.Take(6));
        Assert.Equal(built.Skip(6).Take(3).Select(WithoutLead), stored.Skip(6).Take(3).Select(WithoutLead)); // the run scored what the demo scores
        Assert.Contains($"The scores the store {store} holds for 2026-10-31, model &#39;wingtip&#39;", stored[6], StringComparison.Ordinal);

        // The open alerts by rule, as of the run's day: the one acknowledged today was open then, so it counts.
        var byRule = open.GroupBy(l => l.Split(',')[2]).ToDictionary(g => g.Key, g => g.Count());
        string[][] rows = BodyRows(stored[9], "s10b1-data");
        Assert.Equal(byRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"), rows.Select(r => $"{r[0]}={r[4]}"));

        var missing = Run("report", "--store", store, "--as-of", "2026-10-30", "--out", Path.Combine(Folder, "missing.html"));
        Assert.Equal((1, string.Empty), (missing.Code, missing.Output));
        Assert.Contains($"{store}: no snapshots are stored for 2026-10-30", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "missing.html")));
    }

    [Fact]
    public void Report_FromTheDemosFiles_HasTheRevenueSections_AsTheBuiltInDemoDrawsThem()
    {
        string demo = DemoFiles();
        string path = Path.Combine(Folder, "files.html");
        var result = Run("report", "--accounts", Path.Combine(demo, "accounts.csv"), "--mrr", Path.Combine(demo, "mrr.csv"), "--rates", Path.Combine(demo, "rates.csv"), "--out", path);
        Assert.True(result.Code == 0, result.Error);

        static string[] Sections(string html) => [.. Regex.Matches(html, "<section id=.*?</section>", RegexOptions.Singleline).Select(m => m.Value)];
        string[] fromFiles = Sections(File.ReadAllText(path)), builtIn = Sections(Report());
        Assert.Equal(5, fromFiles.Length); // health and alerts need the demo's facts (as in the main job), CMRR its contracts
        Assert.Equal(builtIn.Take(5), fromFiles);
    }

    [Fact]
    public void Report_FromFiles_EscapesWhatTheyHold_AndRefusesTooLittle()
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry,csm\nacme,Acme,\"<script>alert(1)</script>\",NA,Retail,Dana\nglobex,Globex,SMB,NA,Retail,Lee\n");
        // Fourteen months, so that the trailing twelve months (by segment) are in the report.
        string[] months = [.. Enumerable.Range(0, 14).Select(m => new NodaTime.YearMonth(2025, 1).PlusMonths(m).ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture))];
        string mrr = Write("mrr.csv", "account_id,month,mrr\n" + string.Concat(months.Select(m => $"acme,{m},100\nglobex,{m},50\n")));
        string path = Path.Combine(Folder, "hostile.html");

        var result = Run("report", "--accounts", accounts, "--mrr", mrr, "--out", path);

        Assert.True(result.Code == 0, result.Error);
        string html = File.ReadAllText(path);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>", html, StringComparison.Ordinal); // the segment's row

        string one = Write("one.csv", "account_id,month,mrr\nacme,2025-01,100\n");
        var single = Run("report", "--accounts", accounts, "--mrr", one, "--out", Path.Combine(Folder, "single.html"));
        Assert.Equal((1, string.Empty), (single.Code, single.Output));
        Assert.Contains($"{one}, field 'month': the report needs revenue in two months or more", single.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "single.html")));
    }

    [Fact]
    public void Report_CommittedMrr_IsTheCmrrCommandsBridge_AndLosses()
    {
        string demo = DemoFiles();
        var cmrr = Run("cmrr", "--contracts", Path.Combine(demo, "contracts.csv"), "--rates", Path.Combine(demo, "rates.csv"), "--from", "2025-10-31", "--to", "2026-10-31");
        Assert.True(cmrr.Code == 0, cmrr.Error);
        var rows = cmrr.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        string Amount(string section, string item) => rows.Single(r => r[0] == section && r[1] == item)[2];
        string html = Report();

        // The bridge's steps as the waterfall's table writes them: losses negative, the net change last.
        (string Label, string Item, int Sign)[] steps =
        [
            ("FX impact", "fx_impact", 1), ("New", "new", 1), ("Add-on", "add_on", 1), ("Upgrades, quantity", "upgrade_quantity", 1), ("Upgrades, price", "upgrade_price", 1),
            ("Downgrades, quantity", "downgrade_quantity", -1), ("Downgrades, price", "downgrade_price", -1), ("Cancellations", "cancellations", -1), ("First-time archives", "first_time_archives", 1),
        ];
        foreach ((string label, string item, int sign) in steps)
        {
            decimal expected = sign * decimal.Parse(Amount("bridge", item), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Cells(html, "s6b1-data", label)[1]);
        }

        decimal net = decimal.Parse(Amount("bridge", "closing_cmrr"), System.Globalization.CultureInfo.InvariantCulture) - decimal.Parse(Amount("bridge", "opening_cmrr"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(net.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Cells(html, "s6b1-data", "Net change")[1]);
        foreach (string[] loss in rows.Where(r => r[0] == "cancellations_by_reason"))
        {
            Assert.Equal(loss[2], Cells(html, "s6b2-data", loss[1])[1]);
        }
    }

    private string DemoFiles()
    {
        string demo = Path.Combine(Folder, "demo");
        Assert.Equal(0, Run("demo", "--out", demo).Code);
        return demo;
    }

    // The cells of a table's body rows (those that start with a row heading), as the page writes them.
    private static string[][] BodyRows(string html, string table)
    {
        string body = Regex.Match(html, $"<table class=\"data\" id=\"{table}\">.*?</table>", RegexOptions.Singleline).Value;
        return [.. Regex.Matches(body, "<tr><th scope=\"row\">(.*?)</tr>").Select(m => Regex.Matches(m.Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => c.Groups[1].Value).ToArray())];
    }

    private static string[] Cells(string html, string table, string row)
    {
        string body = Regex.Match(html, $"<table class=\"data\" id=\"{table}\">.*?</table>", RegexOptions.Singleline).Value;
        string line = Regex.Match(body, $"<tr><th scope=\"row\">{Regex.Escape(row)}</th>.*?</tr>").Value;
        return [.. Regex.Matches(line, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => c.Groups[1].Value)];
    }

    [Fact]
    public void Report_ToAFolderThatDoesNotExist_ExitsNamingIt_AndWritesNothing()
    {
        string path = Path.Combine(Folder, "missing", "report.html");
        var result = Run("report", "--out", path);

        Assert.Equal((1, string.Empty), (result.Code, result.Output));
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
