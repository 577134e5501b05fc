using System;
using System.Linq;
using System.Net;
using CustomerSuccess.Reporting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests.Reporting;

/// <summary>Input reaches a report only escaped: as text, in an attribute, in SVG.</summary>
public class MarkupTests
{
    [Property(MaxTest = 500)]
    public Property Escape_LeavesNoMarkupCharacter_AndDecodesBackToTheText(NonNull<string> input)
    {
        string text = input.Get;
        string escaped = Markup.Escape(text);
        string kept = new([.. text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')]);

        return (escaped.IndexOfAny(['<', '>', '"', '\'']) < 0 && WebUtility.HtmlDecode(escaped) == kept)
            .Label($"'{text}' -> '{escaped}'");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\" onload=\"x", "&quot; onload=&quot;x")]
    [InlineData("O'Brien & Sons", "O&#39;Brien &amp; Sons")]
    [InlineData("]]><svg onload=alert(1)>", "]]&gt;&lt;svg onload=alert(1)&gt;")]
    public void Escape_WritesTheFiveCharactersAsEntities(string text, string expected) => Assert.Equal(expected, Markup.Escape(text));

    [Fact]
    public void AHostileName_InATableAChartAndTheTitle_StaysText()
    {
        const string hostile = "<script>alert(1)</script>\" onload=\"x";
        string html = new ReportPage(hostile, hostile)
            .AddSection(hostile, hostile,
                new BarChart(hostile, hostile, hostile, [hostile], [new ChartSeries(hostile, [1m])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DataTable(hostile, [hostile, "n"], [[hostile, "1"]]))
            .Render();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onload", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x", html, StringComparison.Ordinal);
    }
}
