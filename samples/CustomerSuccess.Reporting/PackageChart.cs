using System;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// A chart a package draws itself (SuccessPlans' <c>MetricChart</c>, the one <c>customersuccess plan --charts</c> writes),
/// placed in the page as it is, with its data table under it.
/// </summary>
/// <remarks>
/// The SVG is trusted markup: it must come from a drawer that escapes its own text, never from input. It is checked to be
/// one inline <c>svg</c> element with its own <c>title</c> and <c>desc</c>, and no script or foreign object.
/// </remarks>
public sealed class PackageChart : ReportBlock
{
    /// <summary>Creates the block.</summary>
    /// <param name="title">The figure's caption.</param>
    /// <param name="svg">The chart's SVG document, as the package drew it.</param>
    /// <param name="table">Its numbers.</param>
    /// <exception cref="ArgumentException">The markup is not one svg element with a title and a description, or it holds a script, a foreign object or an external reference.</exception>
    public PackageChart(string title, string svg, DataTable table)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(table);
        string trimmed = svg.Trim();
        if (!trimmed.StartsWith("<svg ", StringComparison.Ordinal) || !trimmed.EndsWith("</svg>", StringComparison.Ordinal)
            || !trimmed.Contains("<title>", StringComparison.Ordinal) || !trimmed.Contains("<desc>", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Chart '{title}': the markup is not one svg element with a title and a description.", nameof(svg));
        }

        foreach (string forbidden in new[] { "<script", "<foreignObject", "href=" })
        {
            if (trimmed.Contains(forbidden, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Chart '{title}': the markup holds '{forbidden}', which a report does not place.", nameof(svg));
            }
        }

        if (HasEventAttribute(trimmed))
        {
            throw new ArgumentException($"Chart '{title}': the markup holds an event attribute (on...=), which a report does not place.", nameof(svg));
        }

        (Title, Svg, Table) = (title, trimmed, table);
    }

    /// <summary>Gets the figure's caption.</summary>
    public string Title { get; }

    /// <summary>Gets the chart's SVG.</summary>
    public string Svg { get; }

    /// <summary>Gets the chart's numbers.</summary>
    public DataTable Table { get; }

    internal override void Render(StringBuilder html, string id)
    {
        Reporting.Svg.Figure(html, Title);
        html.Append("<div class=\"package-chart\">").Append(Svg).Append("</div>\n");
        Table.Render(html, id + "-data");
        html.Append("</figure>\n");
    }

    // An attribute such as onload= inside a tag (text between tags may say " on" freely).
    private static bool HasEventAttribute(string svg)
    {
        bool inTag = false;
        for (int i = 0; i < svg.Length; i++)
        {
            char c = svg[i];
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (inTag && char.IsWhiteSpace(c) && i + 3 < svg.Length && (svg[i + 1] | 0x20) == 'o' && (svg[i + 2] | 0x20) == 'n' && char.IsAsciiLetter(svg[i + 3]))
            {
                return true;
            }
        }

        return false;
    }
}
