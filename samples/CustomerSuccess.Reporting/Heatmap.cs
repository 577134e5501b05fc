using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// A grid of cells, a row per cohort and a column per period, each shaded by its value on one sequential scale (light
/// for low, dark blue for high, readable whatever the reader's colour vision); an empty cell has no value (a period the
/// cohort has not reached). Its data table gives every value.
/// </summary>
public sealed class Heatmap : ReportBlock
{
    private const double Width = 720, Left = 132, Top = 28, Right = 8, Bottom = 8;

    /// <summary>Creates a heatmap.</summary>
    /// <param name="title">What it shows.</param>
    /// <param name="description">How to read it.</param>
    /// <param name="rowHeading">The rows' heading in the table, such as "Cohort".</param>
    /// <param name="rows">The rows' labels, top to bottom.</param>
    /// <param name="columns">The columns' labels, left to right.</param>
    /// <param name="values">A value per row and column; <see langword="null"/> where there is none.</param>
    /// <param name="format">How a value is written in the table and the cell's tooltip.</param>
    /// <exception cref="ArgumentException">A row of values has another number of cells than there are columns, or there are more or fewer rows than labels.</exception>
    public Heatmap(string title, string description, string rowHeading, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<decimal?>> values, Func<decimal, string> format)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        if (values.Count != rows.Count || values.Any(v => v.Count != columns.Count))
        {
            throw new ArgumentException($"Heatmap '{title}': the values are not {rows.Count} rows of {columns.Count}.", nameof(values));
        }

        (Title, Description, RowHeading, Format) = (title, description, rowHeading, format);
        Rows = [.. rows];
        Columns = [.. columns];
        Values = [.. values.Select(v => (IReadOnlyList<decimal?>)[.. v])];
    }

    /// <summary>Gets what the heatmap shows.</summary>
    public string Title { get; }

    /// <summary>Gets how to read it.</summary>
    public string Description { get; }

    /// <summary>Gets the rows' heading.</summary>
    public string RowHeading { get; }

    /// <summary>Gets the rows' labels.</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>Gets the columns' labels.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the values.</summary>
    public IReadOnlyList<IReadOnlyList<decimal?>> Values { get; }

    /// <summary>Gets how a value is written.</summary>
    public Func<decimal, string> Format { get; }

    /// <summary>The heatmap's numbers: a row per row, a column per column, empty where there is no value.</summary>
    public DataTable Table() => new(Title, [RowHeading, .. Columns],
        [.. Rows.Select((r, i) => (IReadOnlyList<string>)[r, .. Values[i].Select(v => v is { } x ? Format(x) : string.Empty)])]);

    internal override void Render(StringBuilder html, string id)
    {
        double cellWidth = (Width - Left - Right) / Math.Max(1, Columns.Count), cellHeight = Math.Min(24, cellWidth);
        double height = Top + (Rows.Count * cellHeight) + Bottom;
        decimal[] all = [.. Values.SelectMany(v => v).OfType<decimal>()];
        decimal low = all.Length == 0 ? 0 : all.Min(), high = all.Length == 0 ? 1 : all.Max();
        Svg.Figure(html, Title);
        Svg.Open(html, id, Width, height, Title, Description);
        int every = Math.Max(1, (int)Math.Ceiling(Columns.Count / 12.0));
        for (int c = 0; c < Columns.Count; c += every)
        {
            html.Append("<text class=\"category\" x=\"").Append(Markup.Number(Left + ((c + 0.5) * cellWidth))).Append("\" y=\"").Append(Markup.Number(Top - 8))
                .Append("\" text-anchor=\"middle\">").AppendEscaped(Columns[c]).Append("</text>");
        }

        for (int r = 0; r < Rows.Count; r++)
        {
            double y = Top + (r * cellHeight);
            html.Append("\n<text class=\"category\" x=\"").Append(Markup.Number(Left - 6)).Append("\" y=\"").Append(Markup.Number(y + (cellHeight / 2)))
                .Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").AppendEscaped(Rows[r]).Append("</text>");
            for (int c = 0; c < Columns.Count; c++)
            {
                if (Values[r][c] is not { } v)
                {
                    continue;
                }

                html.Append("<rect x=\"").Append(Markup.Number(Left + (c * cellWidth))).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"")
                    .Append(Markup.Number(cellWidth - 1)).Append("\" height=\"").Append(Markup.Number(cellHeight - 1)).Append("\" fill=\"")
                    .Append(Shade(high == low ? 1 : (double)((v - low) / (high - low)))).Append("\"><title>").AppendEscaped(Rows[r]).Append(", ")
                    .AppendEscaped(Columns[c]).Append(": ").AppendEscaped(Format(v)).Append("</title></rect>");
            }
        }

        html.Append("\n</svg>\n");
        Table().Render(html, id + "-data");
        html.Append("</figure>\n");
    }

    // From a pale blue (#DEEBF7) at the lowest value to a dark blue (#08306B) at the highest: one hue, lightness alone
    // carries the value, so it reads in grey too.
    private static string Shade(double t)
    {
        static int Mix(int from, int to, double t) => (int)Math.Round(from + ((to - from) * Math.Clamp(t, 0, 1)));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(0xDE, 0x08, t):X2}{Mix(0xEB, 0x30, t):X2}{Mix(0xF7, 0x6B, t):X2}");
    }
}
