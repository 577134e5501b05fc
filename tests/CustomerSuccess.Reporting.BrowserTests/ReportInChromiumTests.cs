using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CustomerSuccess.Reporting.BrowserTests;

/// <summary>
/// The demo report, Financiality's business review and a page of hostile names, loaded by headless Chromium: every
/// section and chart there, drawn, nothing logged, no request made, printed on a few pages; input that looks like markup
/// stays text and nothing runs.
/// </summary>
public sealed class ReportInChromiumTests : IDisposable
{
    private static readonly string Artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
    private readonly string _folder = Directory.CreateTempSubdirectory("cs-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DemoReport_Loads_WithEverySectionAndChart_AndLogsNothing()
    {
        (string dom, string log) = Chromium.DumpDom(DemoReport());

        Assert.Equal(11, Regex.Count(dom, "<section id="));
        Assert.Equal(24, Regex.Count(dom, "<svg "));
        Assert.True(Regex.Count(dom, "<rect ") > 24, "the charts' bars are in the DOM");
        Assert.DoesNotMatch("CONSOLE|Uncaught|Refused to", log);
    }

    [Fact]
    public void DemoReport_Screenshot_ShowsEveryChart()
    {
        string png = Path.Combine(Artifacts, "report.png");
        Chromium.Screenshot(DemoReport(), png, 1000, 18500);
        Png shot = Png.Read(png);

        Assert.Equal((1000, 18500), (shot.Width, shot.Height));
        Assert.True(shot.Count("#0072B2") > 20_000, "MRR bars (blue)"); // 24 bars, the net change bar
        Assert.True(shot.Count("#009E73") > 5_000, "green bands and increases (bluish green)");
        Assert.True(shot.Count("#D55E00") > 1_000, "decreases and red bands (vermillion)");
        Assert.True(shot.Count("#E69F00") > 1_000, "yellow bands and GRR (orange)");
        Assert.True(shot.Count("#08306B") > 200, "the cohort heatmap's most retained cell (dark blue)");
        Assert.True(shot.Count("#CC79A7") > 500, "the lead-time chart's fifth signal (reddish purple)");
    }

    [Fact]
    public void DemoReport_Phone_FitsTheWidth()
    {
        string png = Path.Combine(Artifacts, "report-phone.png");
        Chromium.Screenshot(DemoReport(), png, 390, 2400);

        Assert.True(Png.Read(png).Count("#0072B2") > 2_000, "the MRR chart scales down to a phone's width");
    }

    [Fact]
    public void DemoReport_Printed_TakesAFewPages_OnLetterAndA4()
    {
        // Eighteen pages on Chromium's default Letter paper here, and on A4 (each figure kept whole on a page); fonts differ
        // a little between machines, so a range; a figure split or a section lost moves it out.
        string page = DemoReport();
        Assert.InRange(Printed(page, "report.pdf", Letter), 15, 21);
        Assert.InRange(Printed(page, "report-a4.pdf", A4), 15, 21);
    }

    [Fact]
    public void HostileNames_StayText_AndNothingRuns()
    {
        const string script = "<script>document.title='pwned'</script>", image = "<img src=x onerror=\"document.title='pwned'\">", attribute = "\" onload=\"document.title='pwned'";
        string path = Path.Combine(_folder, "hostile.html");
        File.WriteAllText(path, new ReportPage("Hostile", script)
            .AddSection(image, attribute,
                new BarChart(script, image, attribute, [script, image], [new ChartSeries(attribute, [1m, 2m])], v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DataTable(script, [image, attribute], [[script, image]]))
            .Render());

        (string dom, _) = Chromium.DumpDom(path);

        Assert.Contains("<title>Hostile</title>", dom, StringComparison.Ordinal); // no script changed it
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void FinancialityReview_Loads_WithEverySectionAndChart_AndLogsNothing()
    {
        (string dom, string log) = Chromium.DumpDom(FinancialityReview());

        Assert.Contains("<h1>Financiality: business review, 2026-12-08</h1>", dom, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(dom, "<section id="));
        Assert.Equal(5, Regex.Count(dom, "<svg "));
        Assert.Equal(2, Regex.Count(dom, "<div class=\"package-chart\"><svg "));
        Assert.DoesNotMatch("CONSOLE|Uncaught|Refused to", log);
    }

    [Fact]
    public void FinancialityReview_Screenshot_ShowsEveryChart_PrintsOnAFewPages_AndFitsAPhone()
    {
        string png = Path.Combine(Artifacts, "review-financiality.png");
        Chromium.Screenshot(FinancialityReview(), png, 1000, 5000);
        Png shot = Png.Read(png);

        Assert.True(shot.Count("#2563EB") > 1_000, "the metric charts' measurements (MetricChart's blue)");
        Assert.True(shot.Count("#0072B2") > 20_000, "the score line and the MRR bars (blue)");
        Assert.True(shot.Count("#E69F00") > 20_000, "the committed-MRR bars (orange)");

        string page = FinancialityReview();
        Assert.InRange(Printed(page, "review-financiality.pdf", Letter), 4, 7); // five here
        Assert.InRange(Printed(page, "review-financiality-a4.pdf", A4), 4, 7); // five here

        string phone = Path.Combine(Artifacts, "review-financiality-phone.png");
        Chromium.Screenshot(page, phone, 390, 6000);
        Assert.True(Png.Read(phone).Count("#0072B2") > 2_000, "the explanation and MRR bars scale down to a phone's width");
    }

    private const string Letter = "[0 0 612 792]", A4 = "[0 0 594.95996 841.91998]";

    // Prints the page (Chromium's default paper is Letter; for A4 a copy of the page asks for it, as a printer's setting
    // would) and returns its number of pages, having checked the paper's size.
    private int Printed(string page, string file, string paper)
    {
        if (paper == A4)
        {
            string copy = Path.Combine(_folder, "a4-" + Path.GetFileName(page));
            File.WriteAllText(copy, File.ReadAllText(page).Replace("</style>", "@page { size: A4; }\n</style>", StringComparison.Ordinal));
            page = copy;
        }

        string pdf = Path.Combine(Artifacts, file);
        Chromium.PrintToPdf(page, pdf);
        string text = File.ReadAllText(pdf, System.Text.Encoding.Latin1);
        Assert.Matches(@"/MediaBox\s*" + Regex.Escape(paper), text);
        return Regex.Count(text, @"/Type\s*/Page[^s]");
    }

    [Fact]
    public void NeitherPage_MakesAnyNetworkRequest_WhichTheCheckWouldSee()
    {
        Assert.Empty(Chromium.PageRequests(DemoReport()));
        Assert.Empty(Chromium.PageRequests(FinancialityReview()));

        // The check sees a page's requests: a page that loads an image and a style sheet from the network.
        string control = Path.Combine(_folder, "control.html");
        File.WriteAllText(control, "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"http://127.0.0.1:9/a.css\"></head><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        Assert.Equal(["http://127.0.0.1:9/a.css", "http://127.0.0.1:9/x.png"], Chromium.PageRequests(control).Order(StringComparer.Ordinal));
    }

    private string DemoReport() => Cli("report.html");

    private string FinancialityReview() => Cli("review-financiality.html", "--account", "acct-financiality");

    private string Cli(string file, params string[] args)
    {
        string path = Path.Combine(_folder, file);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "customersuccess.dll"), "report", .. args, "--out", path])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error.Result);
        File.Copy(path, Path.Combine(Artifacts, file), overwrite: true);
        return path;
    }
}
