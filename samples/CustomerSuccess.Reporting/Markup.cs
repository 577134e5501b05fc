using System;
using System.Globalization;
using System.Text;

namespace CustomerSuccess.Reporting;

/// <summary>
/// Escaping for the contexts a report writes input into: HTML text, a quoted attribute value and SVG text (XML) take
/// the same five characters, so one escape serves all three; a value is never written raw, so an account named
/// <c>&lt;script&gt;</c> or <c>" onload="x</c> stays text.
/// </summary>
public static class Markup
{
    /// <summary>Appends text escaped for HTML or SVG text and for a double- or single-quoted attribute.</summary>
    /// <param name="html">Where to append.</param>
    /// <param name="text">The text, as it came from the input.</param>
    /// <returns>The builder.</returns>
    public static StringBuilder AppendEscaped(this StringBuilder html, string? text)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (char c in text ?? string.Empty)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                // Control characters other than tab and line breaks are not allowed in XML: dropped, not escaped.
                _ when char.IsControl(c) && c is not ('\t' or '\n' or '\r') => html,
                _ => html.Append(c),
            };
        }

        return html;
    }

    /// <summary>Text escaped for HTML, SVG and attributes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string? text) => new StringBuilder().AppendEscaped(text).ToString();

    /// <summary>A coordinate or length as SVG writes it: invariant, at most two decimals, so the bytes are the same everywhere.</summary>
    internal static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
