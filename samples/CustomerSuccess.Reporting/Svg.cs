using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>What every chart's SVG shares: the opening with its title and description, and the legend.</summary>
internal static class Svg
{
    // The figure, its title shown above the chart (the SVG's own title is for screen readers and tooltips).
    public static void Figure(StringBuilder html, string title) =>
        html.Append("<figure class=\"chart\">\n<figcaption>").AppendEscaped(title).Append("</figcaption>\n");

    public static void Open(StringBuilder html, string id, double width, double height, string title, string description)
    {
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(Markup.Number(width)).Append(' ').Append(Markup.Number(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\">")
            .Append("<title id=\"").Append(id).Append("-title\">").AppendEscaped(title).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").AppendEscaped(description).Append("</desc>\n");
    }

    // About how wide a label of 11 px text is, per character.
    private const double CharacterWidth = 6.2;

    /// <summary>How much lower a chart must reach for its category labels: nothing when they fit their bands, else what they need turned 35 degrees.</summary>
    public static double LabelDrop(IEnumerable<string> labels, double band)
    {
        double widest = labels.DefaultIfEmpty(string.Empty).Max(l => l.Length) * CharacterWidth;
        return widest <= band * 0.95 ? 0 : Math.Ceiling(widest * Math.Sin(35 * Math.PI / 180));
    }

    /// <summary>A category's label under its bar: centred, or turned 35 degrees and ending under the bar when the labels do not fit.</summary>
    public static void CategoryLabel(StringBuilder html, double x, double y, string text, bool turned)
    {
        html.Append("<text class=\"category\" x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y));
        html.Append(turned
            ? $"\" text-anchor=\"end\" transform=\"rotate(-35 {Markup.Number(x)} {Markup.Number(y - 8)})\">"
            : "\" text-anchor=\"middle\">");
        html.AppendEscaped(text).Append("</text>");
    }

    public static void Legend(StringBuilder html, IReadOnlyList<(string Name, string Colour)> entries, double x, double y)
    {
        if (entries.Count < 2)
        {
            return; // one series: the title names it
        }

        html.Append("<g class=\"legend\">");
        foreach ((string name, string colour) in entries)
        {
            html.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y - 9)).Append("\" width=\"10\" height=\"10\" fill=\"").Append(colour).Append("\"/>")
                .Append("<text x=\"").Append(Markup.Number(x + 14)).Append("\" y=\"").Append(Markup.Number(y)).Append("\">").AppendEscaped(name).Append("</text>");
            x += 24 + (7 * name.Length);
        }

        html.Append("</g>\n");
    }
}
