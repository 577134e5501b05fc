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

    /// <summary>The legend's entries in rows from x, wrapped before they pass maxX; the first row's baseline at y, the next ones 16 lower.</summary>
    public static void Legend(StringBuilder html, IReadOnlyList<(string Name, string Colour)> entries, double x, double y, double maxX = double.MaxValue)
    {
        if (entries.Count < 2)
        {
            return; // one series: the title names it
        }

        html.Append("<g class=\"legend\">");
        foreach ((string name, string colour, double ex, double ey) in Place(entries, x, y, maxX))
        {
            html.Append("<rect x=\"").Append(Markup.Number(ex)).Append("\" y=\"").Append(Markup.Number(ey - 9)).Append("\" width=\"10\" height=\"10\" fill=\"").Append(colour).Append("\"/>")
                .Append("<text x=\"").Append(Markup.Number(ex + 14)).Append("\" y=\"").Append(Markup.Number(ey)).Append("\">").AppendEscaped(name).Append("</text>");
        }

        html.Append("</g>\n");
    }

    /// <summary>How many rows the legend takes between x and maxX (0 for one series, which has none).</summary>
    public static int LegendRows(IReadOnlyList<(string Name, string Colour)> entries, double x, double maxX) =>
        entries.Count < 2 ? 0 : 1 + (int)((Place(entries, x, 0, maxX).Max(e => e.Y)) / LegendRow);

    private const double LegendRow = 16;

    private static IEnumerable<(string Name, string Colour, double X, double Y)> Place(IReadOnlyList<(string Name, string Colour)> entries, double x0, double y0, double maxX)
    {
        double x = x0, y = y0;
        foreach ((string name, string colour) in entries)
        {
            double width = 24 + (7 * name.Length);
            if (x > x0 && x + width - 10 > maxX)
            {
                (x, y) = (x0, y + LegendRow);
            }

            yield return (name, colour, x, y);
            x += width;
        }
    }
}
