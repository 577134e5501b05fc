using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>One row of an explanation: a signal's points out of those it could give, or an adjustment, or a missing signal.</summary>
/// <param name="Label">The signal or the adjustment, as the reader knows it.</param>
/// <param name="Points">The points it added (negative for an adjustment that took points away); <see langword="null"/> when missing.</param>
/// <param name="Possible">The most points it could give (its weight's share of 100); 0 for an adjustment.</param>
/// <param name="Note">What to say beside it: the raw value, the missing reason, the gate's reason.</param>
public sealed record ContributionRow(string Label, decimal? Points, decimal Possible, string Note);

/// <summary>
/// An explanation as horizontal bars: each signal's points (dark) inside the points it could have given (pale), each
/// adjustment a vermillion bar of what it took away or added, each missing signal its reason in words; the data table
/// under it lists every row.
/// </summary>
public sealed class ContributionBars : ReportBlock
{
    private const double Width = 720, Left = 210, Right = 230, Row = 18, Top = 6;

    /// <summary>Creates an explanation chart.</summary>
    /// <param name="title">Whose score it explains.</param>
    /// <param name="description">How to read it.</param>
    /// <param name="rows">The signals in model order, then the adjustments.</param>
    /// <param name="format">How points are written.</param>
    public ContributionBars(string title, string description, IReadOnlyList<ContributionRow> rows, Func<decimal, string> format)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(format);
        (Title, Description, Format) = (title, description, format);
        Rows = [.. rows];
    }

    /// <summary>Gets whose score it explains.</summary>
    public string Title { get; }

    /// <summary>Gets how to read it.</summary>
    public string Description { get; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<ContributionRow> Rows { get; }

    /// <summary>Gets how points are written.</summary>
    public Func<decimal, string> Format { get; }

    /// <summary>The rows as a table: label, points, possible points, note.</summary>
    public DataTable Table() => new(Title, ["Signal or adjustment", "Points", "Of", "Note"],
        [.. Rows.Select(r => (IReadOnlyList<string>)[r.Label, r.Points is { } p ? Format(p) : string.Empty, r.Possible > 0 ? Format(r.Possible) : string.Empty, r.Note])]);

    internal override void Render(StringBuilder html, string id)
    {
        double height = Top + (Rows.Count * Row) + 4;
        decimal most = Math.Max(1, Rows.Max(r => Math.Max(r.Possible, Math.Abs(r.Points ?? 0))));
        double scale = (Width - Left - Right) / (double)most;
        Svg.Figure(html, Title);
        Svg.Open(html, id, Width, height, Title, Description);
        for (int i = 0; i < Rows.Count; i++)
        {
            ContributionRow r = Rows[i];
            double y = Top + (i * Row);
            html.Append("<text class=\"category\" x=\"").Append(Markup.Number(Left - 6)).Append("\" y=\"").Append(Markup.Number(y + 9))
                .Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").AppendEscaped(r.Label).Append("</text>");
            if (r.Possible > 0)
            {
                Rect(html, Left, y + 2, (double)r.Possible * scale, "#DEEBF7", $"{r.Label}: could give {Format(r.Possible)}");
            }

            if (r.Points is { } points && points != 0)
            {
                Rect(html, Left, y + 2, Math.Max(1, Math.Abs((double)points) * scale), r.Possible > 0 ? "#0072B2" : "#D55E00", $"{r.Label}: {Format(points)}");
            }

            html.Append("<text x=\"").Append(Markup.Number(Width - Right + 6)).Append("\" y=\"").Append(Markup.Number(y + 9))
                .Append("\" dominant-baseline=\"middle\">").AppendEscaped(Clip(r.Points is { } p ? $"{Format(p)} {r.Note}" : r.Note)).Append("<title>")
                .AppendEscaped(r.Note).Append("</title></text>\n");
        }

        html.Append("</svg>\n");
        Table().Render(html, id + "-data");
        html.Append("</figure>\n");
    }

    // The margin holds about 36 characters; the whole note is in the tooltip and the table.
    private static string Clip(string note) => note.Length <= 36 ? note : string.Concat(note.AsSpan(0, 35), "\u2026");

    private static void Rect(StringBuilder html, double x, double y, double width, string colour, string title) =>
        html.Append("<rect x=\"").Append(Markup.Number(x)).Append("\" y=\"").Append(Markup.Number(y)).Append("\" width=\"").Append(Markup.Number(width))
            .Append("\" height=\"").Append(Markup.Number(Row - 5)).Append("\" fill=\"").Append(colour).Append("\"><title>").AppendEscaped(title).Append("</title></rect>");
}
