using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// Lines over evenly spaced points (days, months), one per series, broken where a value is undefined rather than drawn
/// through zero; optional reference lines (a band's threshold) across the plot. Inline SVG with a title, a description,
/// a legend and the data table under it.
/// </summary>
public sealed class LineChart : ReportBlock
{
    private const double Width = 720, Height = 280, Left = 64, Right = 36, Top = 16, Bottom = 44; // room on the right for the last label
    private readonly DataTable? _table;

    /// <summary>Creates a line chart.</summary>
    /// <param name="title">What the chart shows, its first line and the screen reader's name for it.</param>
    /// <param name="description">How to read it, in a sentence.</param>
    /// <param name="categoryHeading">The points' heading in the table, such as "Day".</param>
    /// <param name="categories">The points, left to right.</param>
    /// <param name="series">The lines, each with one value or <see langword="null"/> (undefined) per point.</param>
    /// <param name="format">How the table writes a value.</param>
    /// <param name="range">The vertical axis' range, or <see langword="null"/> for one from zero to the values.</param>
    /// <param name="references">Horizontal lines across the plot, each a name and a value (a band's lower bound).</param>
    /// <param name="table">The table under the chart, when the points are too many to list; <see langword="null"/> for the chart's own.</param>
    /// <exception cref="ArgumentException">A series has another number of values than there are points, or there is none.</exception>
    public LineChart(
        string title,
        string description,
        string categoryHeading,
        IReadOnlyList<string> categories,
        IReadOnlyList<LineSeries> series,
        Func<decimal, string> format,
        (decimal Low, decimal High)? range = null,
        IReadOnlyList<(string Name, decimal Value)>? references = null,
        DataTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(format);
        if (series.Count == 0)
        {
            throw new ArgumentException($"Chart '{title}' has no series.", nameof(series));
        }

        if (series.FirstOrDefault(s => s.Values.Count != categories.Count) is { } bad)
        {
            throw new ArgumentException($"Chart '{title}': series '{bad.Name}' has {bad.Values.Count} values for {categories.Count} points.", nameof(series));
        }

        (Title, Description, CategoryHeading, Format, Range, _table) = (title, description, categoryHeading, format, range, table);
        Categories = [.. categories];
        Series = [.. series];
        References = references is null ? [] : [.. references];
    }

    /// <summary>Gets the chart's title.</summary>
    public string Title { get; }

    /// <summary>Gets how to read the chart.</summary>
    public string Description { get; }

    /// <summary>Gets the points' heading.</summary>
    public string CategoryHeading { get; }

    /// <summary>Gets the points.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Gets the lines.</summary>
    public IReadOnlyList<LineSeries> Series { get; }

    /// <summary>Gets how the table writes a value.</summary>
    public Func<decimal, string> Format { get; }

    /// <summary>Gets the vertical axis' range, or <see langword="null"/> for one fitted to the values.</summary>
    public (decimal Low, decimal High)? Range { get; }

    /// <summary>Gets the reference lines.</summary>
    public IReadOnlyList<(string Name, decimal Value)> References { get; }

    /// <summary>The table under the chart: the one given, or a row per point and a column per line (an undefined value is an empty cell).</summary>
    public DataTable Table() => _table ?? new DataTable(Title, [CategoryHeading, .. Series.Select(s => s.Name)],
        [.. Categories.Select((c, i) => (IReadOnlyList<string>)[c, .. Series.Select(s => s.Values[i] is { } v ? Format(v) : string.Empty)])]);

    internal override void Render(StringBuilder html, string id)
    {
        IEnumerable<decimal> values = Series.SelectMany(s => s.Values).OfType<decimal>().Concat(References.Select(r => r.Value));
        (double low, double high) = Range is { } r ? ((double)r.Low, (double)r.High) : ((double)values.DefaultIfEmpty(0).Min(), (double)values.DefaultIfEmpty(0).Max());
        var axis = new ValueAxis(low, high, Top, Height - Top - Bottom);
        double step = Categories.Count > 1 ? (Width - Left - Right) / (Categories.Count - 1) : 0;
        double X(int i) => Categories.Count > 1 ? Left + (i * step) : (Left + Width - Right) / 2;
        List<(string Name, string Colour)> legend = [.. Series.Select((s, i) => (s.Name, s.ColourAt(i)))];
        double extra = Math.Max(0, Svg.LegendRows(legend, Left, Width - Right) - 1) * 16;
        Svg.Figure(html, Title);
        Svg.Open(html, id, Width, Height + extra, Title, Description);
        axis.Draw(html, Left, Width - Right, ValueAxis.Short);
        foreach ((string name, decimal value) in References)
        {
            string y = Markup.Number(axis.Y((double)value));
            html.Append("<g class=\"reference\"><line x1=\"").Append(Markup.Number(Left)).Append("\" x2=\"").Append(Markup.Number(Width - Right)).Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y)
                .Append("\" stroke=\"#5c5c5c\" stroke-dasharray=\"4 4\"/><text x=\"").Append(Markup.Number(Width - Right)).Append("\" y=\"").Append(Markup.Number(axis.Y((double)value) - 4))
                .Append("\" text-anchor=\"end\">").AppendEscaped(name).Append("</text></g>");
        }

        for (int s = 0; s < Series.Count; s++)
        {
            LineSeries line = Series[s];
            string colour = line.ColourAt(s);
            foreach (List<int> run in Runs(line.Values))
            {
                if (run.Count == 1)
                {
                    // A lone defined point between undefined ones: a dot, or it would not show.
                    html.Append("<circle cx=\"").Append(Markup.Number(X(run[0]))).Append("\" cy=\"").Append(Markup.Number(axis.Y((double)line.Values[run[0]]!.Value)))
                        .Append("\" r=\"2.5\" fill=\"").Append(colour).Append("\"/>");
                    continue;
                }

                html.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(colour).Append("\" points=\"");
                foreach (int i in run)
                {
                    html.Append(Markup.Number(X(i))).Append(',').Append(Markup.Number(axis.Y((double)line.Values[i]!.Value))).Append(i == run[^1] ? string.Empty : " ");
                }

                html.Append("\"/>");
            }
        }

        int every = Math.Max(1, (int)Math.Ceiling(Categories.Count / 8.0)); // at most 8 labels under the plot
        for (int i = 0; i < Categories.Count; i += every)
        {
            Svg.CategoryLabel(html, X(i), Height - Bottom + 16, Categories[i], turned: false);
        }

        html.Append('\n');
        Svg.Legend(html, legend, Left, Height - 8, Width - Right);
        html.Append("</svg>\n");
        Table().Render(html, id + "-data");
        html.Append("</figure>\n");
    }

    // The stretches of consecutive defined values.
    private static IEnumerable<List<int>> Runs(IReadOnlyList<decimal?> values)
    {
        var run = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].HasValue)
            {
                run.Add(i);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}

/// <summary>One line of a line chart: its name and one value per point, <see langword="null"/> where undefined.</summary>
/// <param name="Name">The line's name.</param>
/// <param name="Values">One value per point.</param>
/// <param name="Colour">Its colour; <see langword="null"/> for the palette's next.</param>
public sealed record LineSeries(string Name, IReadOnlyList<decimal?> Values, string? Colour = null)
{
    internal string ColourAt(int index) => Colour ?? ChartSeries.Palette[index % ChartSeries.Palette.Count];
}
