using System;
using System.Globalization;
using System.Text.RegularExpressions;
using CustomerSuccess.Reporting;
using Xunit;

namespace CustomerSuccess.Cli.Tests.Reporting;

/// <summary>The charts: deterministic, each with its title, description and table, and never drawing a wrong sum.</summary>
public class ChartTests
{
    private static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public void BarChart_HasItsTitleDescriptionAndTable_WithTheValuesAsTheTableWritesThem()
    {
        var chart = new BarChart("MRR", "One bar a month", "Month", ["2026-09", "2026-10"],
            [new ChartSeries("new", [10.5m, 20m]), new ChartSeries("expansion", [1.25m, -3m])], Money);
        string html = new ReportPage("r", "s").AddSection("h", null, chart).Render();

        Assert.Matches("<svg [^>]*role=\"img\" aria-labelledby=\"s1b1-title s1b1-desc\"><title id=\"s1b1-title\">MRR</title><desc id=\"s1b1-desc\">One bar a month</desc>", html);
        Assert.Contains("<tr><th scope=\"row\">2026-10</th><td class=\"n\">20.00</td><td class=\"n\">-3.00</td><td class=\"n\">17.00</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "<rect [^>]*><title>")); // a bar per value (the legend's squares have no title)
        Assert.Contains("<title>2026-10, expansion: -3.00</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_IsTheSameBytes_EveryTime()
    {
        static string Render() => new ReportPage("r", "s")
            .AddSection("h", "lead", new Waterfall("w", "d", ("Opening", 100m), [("New", 12.5m), ("Churn", -7m)], ("Closing", 105.5m), Money))
            .Render();

        Assert.Equal(Render(), Render());
    }

    [Fact]
    public void Waterfall_WhoseStepsDoNotReachTheClosingTotal_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Waterfall("Bridge", "d", ("Opening", 100m), [("New", 10m)], ("Closing", 111m), Money));

        Assert.Contains("reach 110.00, not the closing 111.00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BarChart_WithASeriesOfTheWrongLength_IsRefused_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new BarChart("c", "d", "Month", ["a", "b"], [new ChartSeries("mrr", [1m])], Money));

        Assert.Contains("series 'mrr' has 1 values for 2 categories", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_DeclaresAPolicyThatForbidsScriptsAndRemoteLoads_AndLoadsNothing()
    {
        string html = new ReportPage("r", "s").AddSection("h", null, new DataTable("t", ["a"], [["b"]])).Render();

        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportPage.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", ReportPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=", html);
    }
    [Fact]
    public void LineChart_BreaksAtAnUndefinedValue_InsteadOfDrawingItAsZero_AndListsItEmpty()
    {
        var chart = new LineChart("Score", "Daily", "Day", ["d1", "d2", "d3", "d4", "d5"],
            [new LineSeries("score", [null, 60m, 78m, null, 80m])], Money, (0, 100), [("green from 70", 70m)]);
        string html = new ReportPage("r", "s").AddSection("h", null, chart).Render();

        Assert.Equal(1, Regex.Count(html, "<polyline ")); // d2-d3; d5 stands alone
        Assert.Equal(1, Regex.Count(html, "<circle "));
        Assert.Contains("<tr><th scope=\"row\">d1</th><td class=\"n\"></td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">d3</th><td class=\"n\">78.00</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains(">green from 70</text>", html, StringComparison.Ordinal);
        Assert.Matches("<title id=\"s1b1-title\">Score</title><desc id=\"s1b1-desc\">Daily</desc>", html);

        var error = Assert.Throws<ArgumentException>(() => new LineChart("Score", "d", "Day", ["d1"], [new LineSeries("score", [1m, 2m])], Money));
        Assert.Contains("series 'score' has 2 values for 1 points", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg viewBox=\"0 0 1 1\"><title>t</title><desc>d</desc><script>alert(1)</script></svg>", "'<script'")]
    [InlineData("<svg viewBox=\"0 0 1 1\" onload=\"alert(1)\"><title>t</title><desc>d</desc></svg>", "an event attribute")]
    [InlineData("<svg viewBox=\"0 0 1 1\"><title>t</title><desc>d</desc><image href=\"https://example.com/x.png\"/></svg>", "'href='")]
    [InlineData("<svg viewBox=\"0 0 1 1\"><title>t</title></svg>", "a title and a description")]
    [InlineData("<p>not a chart</p>", "a title and a description")]
    public void PackageChart_RefusesMarkupThatCouldRunOrLoadAnything(string svg, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new PackageChart("Chart", svg, new DataTable("t", ["a"], [])));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageChart_PlacesAPackagesChartAsItIs_WithItsTable_AndTextSayingOnIsFine()
    {
        const string Svg = "<svg viewBox=\"0 0 1 1\"><title>Days on target</title><desc>Measured on 2026-12-08</desc></svg>";
        string html = new ReportPage("r", "s").AddSection("h", null, new PackageChart("Chart", Svg, new DataTable("Measurements", ["Date", "Value"], [["2026-12-08", "9"]]))).Render();

        Assert.Contains("<div class=\"package-chart\">" + Svg + "</div>\n<div class=\"scroll\"><table class=\"data\" id=\"s1b1-data\">", html, StringComparison.Ordinal);
    }
}
