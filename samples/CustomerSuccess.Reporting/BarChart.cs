using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// Vertical bars, one per category, its series stacked (positive values upwards from zero, negative ones downwards) or
/// side by side, drawn as inline SVG with a title and a description, a legend, and the data table under it.
/// </summary>
public sealed class BarChart : ReportBlock
{
    private const double Width = 720, Height = 300, Left = 64, Right = 12, Top = 16, Bottom = 52;
    private readonly DataTable? _table;

    /// <summary>Creates a bar chart.</summary>
    /// <param name="title">What the chart shows, its first line and the screen reader's name for it.</param>
    /// <param name="description">How to read it, in a sentence.</param>
    /// <param name="categoryHeading">The categories' heading in the table, such as "Month".</param>
    /// <param name="categories">The categories, left to right.</param>
    /// <param name="series">The series, stacked in this order from the axis outwards.</param>
    /// <param name="format">How the table writes a value (the figure the CLI prints).</param>
    /// <param name="table">The table under the chart, when it should hold more than the chart's values; <see langword="null"/> for the chart's own (<see cref="Table"/>).</param>
    /// <param name="sideBySide">Whether the series stand side by side in each category (values to compare) rather than stacked (parts of a whole).</param>
    /// <exception cref="ArgumentException">A series has another number of values than there are categories, or there is none.</exception>
    public BarChart(string title, string description, string categoryHeading, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, Func<decimal, string> format, DataTable? table = null, bool sideBySide = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        if (series.Count == 0)
        {
            throw new ArgumentException($"Chart '{title}' has no series.", nameof(series));
        }

        foreach (ChartSeries s in series)
        {
            s.Check(categories.Count, title, nameof(series));
        }

        (Title, Description, CategoryHeading, Format, _table, SideBySide) = (title, description, categoryHeading, format, table, sideBySide);
        Categories = [.. categories];
        Series = [.. series];
    }

    /// <summary>Gets the chart's title.</summary>
    public string Title { get; }

    /// <summary>Gets how to read the chart.</summary>
    public string Description { get; }

    /// <summary>Gets the categories' heading.</summary>
    public string CategoryHeading { get; }

    /// <summary>Gets the categories.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Gets the series.</summary>
    public IReadOnlyList<ChartSeries> Series { get; }

    /// <summary>Gets how the table writes a value.</summary>
    public Func<decimal, string> Format { get; }

    /// <summary>Gets a value indicating whether the series stand side by side rather than stacked.</summary>
    public bool SideBySide { get; }

    /// <summary>The table under the chart: the one given, or the chart's numbers, a row per category and a column per series (and their total when stacked).</summary>
    public DataTable Table()
    {
        if (_table is not null)
        {
            return _table;
        }

        bool total = Series.Count > 1 && !SideBySide; // a total of values side by side means nothing
        string[] columns = [CategoryHeading, .. Series.Select(s => s.Name), .. total ? new[] { "Total" } : []];
        var rows = new List<IReadOnlyList<string>>();
        for (int c = 0; c < Categories.Count; c++)
        {
            int category = c;
            rows.Add([Categories[c], .. Series.Select(s => Format(s.Values[category])), .. total ? new[] { Format(Series.Sum(s => s.Values[category])) } : []]);
        }

        return new DataTable(Title, columns, rows);
    }

    internal override void Render(StringBuilder html, string id)
    {
        double low = 0, high = 0;
        for (int c = 0; c < Categories.Count; c++)
        {
            high = Math.Max(high, SideBySide ? (double)Series.Max(s => s.Values[c]) : (double)Series.Where(s => s.Values[c] > 0).Sum(s => s.Values[c]));
            low = Math.Min(low, SideBySide ? (double)Series.Min(s => s.Values[c]) : (double)Series.Where(s => s.Values[c] < 0).Sum(s => s.Values[c]));
        }

        var axis = new ValueAxis(low, high, Top, Height - Top - Bottom);
        double band = (Width - Left - Right) / Math.Max(1, Categories.Count), bar = band * 0.72;
        int every = Math.Max(1, (int)Math.Ceiling(Categories.Count / 12.0)); // at most 12 labels under the bars
        double drop = Svg.LabelDrop(Categories.Where((_, i) => i % every == 0), band * every);
        Svg.Figure(html, Title);
        Svg.Open(html, id, Width, Height + drop, Title, Description);
        axis.Draw(html, Left, Width - Right, ValueAxis.Short);
        for (int c = 0; c < Categories.Count; c++)
        {
            double x = Left + (c * band) + ((band - bar) / 2), up = 0, down = 0, width = SideBySide ? bar / Series.Count : bar;
            for (int s = 0; s < Series.Count; s++)
            {
                double v = (double)Series[s].Values[c];
                if (v == 0)
                {
                    continue;
                }

                (double from, double to) = SideBySide ? (0, v) : v > 0 ? (up, up += v) : (down, down += v);
                double y = axis.Y(Math.Max(from, to)), h = Math.Abs(axis.Y(from) - axis.Y(to));
                html.Append("<rect x=\"").Append(Markup.Number(SideBySide ? x + (s * width) : x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(width))
                    .Append("\" height=\"").Append(Markup.Number(h)).Append("\" fill=\"").Append(Series[s].ColourAt(s)).Append("\"><title>")
                    .AppendEscaped(Categories[c]).Append(", ").AppendEscaped(Series[s].Name).Append(": ").AppendEscaped(Format(Series[s].Values[c])).Append("</title></rect>");
            }

            if (c % every == 0)
            {
                Svg.CategoryLabel(html, x + (bar / 2), Height - Bottom + 16, Categories[c], drop > 0);
            }
        }

        html.Append('\n');
        Svg.Legend(html, Series.Select((s, i) => (s.Name, s.ColourAt(i))).ToList(), Left, Height + drop - 14);
        html.Append("</svg>\n");
        Table().Render(html, id + "-data");
        html.Append("</figure>\n");
    }
}
