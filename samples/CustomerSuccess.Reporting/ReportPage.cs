using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// A report as one HTML file that needs nothing else: inline CSS (for the screen, a phone and print on A4 or Letter),
/// inline SVG, no script, and a Content-Security-Policy that forbids scripts and every remote load. The same sections
/// give the same bytes.
/// </summary>
public sealed class ReportPage
{
    /// <summary>
    /// The policy the page declares: nothing may load or run (default-src 'none'), but its own inline style; a page
    /// that an input tried to inject a script or an image into still runs and fetches nothing.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private readonly List<(string Heading, string? Lead, IReadOnlyList<ReportBlock> Blocks)> _sections = [];

    /// <summary>Starts a report.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="subtitle">A line under it: whose figures, as of when.</param>
    public ReportPage(string title, string subtitle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        (Title, Subtitle) = (title, subtitle);
    }

    /// <summary>Gets the page's title.</summary>
    public string Title { get; }

    /// <summary>Gets the line under the title.</summary>
    public string Subtitle { get; }

    /// <summary>Adds a section.</summary>
    /// <param name="heading">Its heading.</param>
    /// <param name="lead">A paragraph before its blocks, or <see langword="null"/>.</param>
    /// <param name="blocks">Its charts and tables, in order.</param>
    /// <returns>The page.</returns>
    public ReportPage AddSection(string heading, string? lead, params IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        ArgumentNullException.ThrowIfNull(blocks);
        _sections.Add((heading, lead, [.. blocks]));
        return this;
    }

    /// <summary>The page's HTML.</summary>
    /// <returns>The whole document.</returns>
    public string Render()
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").AppendEscaped(Title).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<header><h1>")
            .AppendEscaped(Title).Append("</h1><p class=\"subtitle\">").AppendEscaped(Subtitle).Append("</p></header>\n<main>\n");
        for (int s = 0; s < _sections.Count; s++)
        {
            (string heading, string? lead, IReadOnlyList<ReportBlock> blocks) = _sections[s];
            html.Append("<section id=\"section-").Append((s + 1).ToString(CultureInfo.InvariantCulture)).Append("\">\n<h2>").AppendEscaped(heading).Append("</h2>\n");
            if (lead is not null)
            {
                html.Append("<p>").AppendEscaped(lead).Append("</p>\n");
            }

            for (int b = 0; b < blocks.Count; b++)
            {
                blocks[b].Render(html, string.Create(CultureInfo.InvariantCulture, $"s{s + 1}b{b + 1}"));
            }

            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    // System fonts only (nothing to load); charts scale to the width; printed, each figure stays on one page.
    private const string Style = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d9d9d9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        header, main { max-width: 980px; margin: 0 auto; padding: 0 16px; }
        header { padding-top: 24px; border-bottom: 2px solid var(--ink); }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
        .subtitle { color: var(--muted); margin: 0 0 12px; }
        figure.chart { margin: 12px 0 24px; }
        figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
        svg { display: block; width: 100%; height: auto; font-size: 11px; }
        svg .axis line { stroke: var(--rule); stroke-width: 1; }
        svg .axis line.zero { stroke: var(--ink); }
        svg .axis text, svg .legend text { fill: var(--muted); }
        svg text.category { fill: var(--ink); }
        table.data { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 13px; font-variant-numeric: tabular-nums; }
        table.data caption { text-align: left; color: var(--muted); padding: 4px 0; }
        table.data th, table.data td { padding: 3px 8px; border-bottom: 1px solid var(--rule); text-align: left; }
        table.data .n { text-align: right; }
        table.data th[scope="row"], table.data th[scope="col"], table.data td.n { white-space: nowrap; }
        .package-chart svg { max-width: 640px; }
        .scroll { overflow-x: auto; } /* a wide table scrolls on a phone instead of widening the page */
        @media (max-width: 600px) { body { font-size: 14px; } table.data { font-size: 12px; } table.data th, table.data td { padding: 2px 4px; } }
        @page { margin: 14mm; }
        @media print { header, main { max-width: none; padding: 0; } .scroll { overflow: visible; } figure.chart, table.data { break-inside: avoid; } h2 { break-after: avoid; } }

        """;
}
