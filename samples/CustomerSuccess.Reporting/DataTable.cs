using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>A table of figures: the numbers of a chart, so that they are never only in the picture.</summary>
public sealed class DataTable : ReportBlock
{
    /// <summary>Creates a table.</summary>
    /// <param name="caption">What the table shows.</param>
    /// <param name="columns">The column headings; a column whose every cell is a number is aligned right.</param>
    /// <param name="rows">The rows, each with one cell per column, already formatted.</param>
    /// <exception cref="ArgumentException">A row has another number of cells than there are columns.</exception>
    public DataTable(string caption, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.FirstOrDefault(r => r.Count != columns.Count) is { } bad)
        {
            throw new ArgumentException($"Table '{caption}': a row has {bad.Count} cells for {columns.Count} columns.", nameof(rows));
        }

        Caption = caption;
        Columns = [.. columns];
        Rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. r])];
        _numeric = [.. Enumerable.Range(0, columns.Count).Select(c => c > 0 && Rows.Count > 0 && Rows.All(r => r[c].Length == 0 || decimal.TryParse(r[c], NumberStyles.Number, CultureInfo.InvariantCulture, out _)))];
    }

    private readonly bool[] _numeric;

    /// <summary>Gets what the table shows.</summary>
    public string Caption { get; }

    /// <summary>Gets the column headings.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    internal override void Render(StringBuilder html, string id)
    {
        html.Append("<div class=\"scroll\"><table class=\"data\" id=\"").Append(id).Append("\"><caption>").AppendEscaped(Caption).Append("</caption>\n<thead><tr>");
        for (int c = 0; c < Columns.Count; c++)
        {
            html.Append(_numeric[c] ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">").AppendEscaped(Columns[c]).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<string> row in Rows)
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                html.Append(c == 0 ? "<th scope=\"row\">" : _numeric[c] ? "<td class=\"n\">" : "<td>").AppendEscaped(row[c]).Append(c == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");
    }
}
