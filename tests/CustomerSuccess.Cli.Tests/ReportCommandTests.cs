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

        Assert.Equal(["MRR and ARR over time", "MRR movements, 2026-10", "Health by segment, as of 2026-10-31", "The ten riskiest accounts"],
            Regex.Matches(html, "<h2>([^<]*)</h2>").Select(m => m.Groups[1].Value));
        int charts = Regex.Count(html, "<svg ");
        Assert.Equal(3, charts);
        Assert.Equal(charts, Regex.Count(html, "<title id=\"s\\d+b\\d+-title\">[^<]+</title><desc id=\"s\\d+b\\d+-desc\">[^<]+</desc>"));
        Assert.Equal(charts, Regex.Count(html, "</svg>\n<div class=\"scroll\"><table class=\"data\""));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Report_MrrTable_IsTheRetentionCommandsFigures_ToTheCent()
    {
        string demo = Path.Combine(Folder, "demo");
        Assert.Equal(0, Run("demo", "--out", demo).Code);
        var retention = Run("retention", "--mrr", Path.Combine(demo, "mrr.csv"), "--rates", Path.Combine(demo, "rates.csv"));
        string[] lines = retention.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var expected = lines.Skip(1).Select(l => l.Split(',')).Select(c => new[]
        {
            c[Column("month")], c[Column("closing_mrr")], c[Column("new")], c[Column("reactivation")], c[Column("expansion")], c[Column("contraction")], c[Column("churn")], c[Column("customers_closing")],
        }).ToList();

        // The first table: Month, MRR, ARR, New, Reactivation, Expansion, Contraction, Churn, Customers.
        string table = Regex.Match(Report(), "<table class=\"data\" id=\"s1b1-data\">.*?</table>", RegexOptions.Singleline).Value;
        List<string[]> rows = [.. Regex.Matches(table, "<tr><th scope=\"row\">(.*?)</tr>").Select(m => Regex.Matches(m.Value, "<t[hd][^>]*>([^<]*)</t[hd]>").Select(c => c.Groups[1].Value).ToArray())];

        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Select(e => string.Join(',', e)), rows.Select(r => string.Join(',', r.Where((_, i) => i != 2))));
        Assert.All(rows, r => Assert.Equal(decimal.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) * 12, decimal.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
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
