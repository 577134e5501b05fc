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
}
