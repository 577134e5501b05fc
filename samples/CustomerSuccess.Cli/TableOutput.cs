using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Cli.Csv;

namespace CustomerSuccess.Cli;

/// <summary>One value of a machine-readable row: text, an exact number, or empty (undefined).</summary>
internal readonly record struct Cell(string? Text, decimal? Number)
{
    public static Cell Empty => default;

    public static Cell Of(string text) => new(text, null);

    public static Cell Of(decimal number) => new(null, number);

    /// <summary>An amount with at least its currency's minor-unit decimals (1000.00, never 1000), and more when it has them.</summary>
    public static Cell Of(Money money) => new(null, money.Amount + new decimal(0, 0, 0, false, (byte)money.Currency.MinorUnits));

    /// <summary>A ratio as a fraction (1.08, not 108%) at full decimal precision; empty when undefined.</summary>
    public static Cell Of(Ratio ratio) => ratio.TryGetValue(out decimal value) ? new(null, value) : Empty;
}

/// <summary>
/// Writes rows as CSV (a header, then one line per row; numbers invariant with a dot and no thousands separator; an
/// undefined value as an empty field) or JSON (an array of objects with the same names; undefined as null).
/// </summary>
internal static class TableOutput
{
    public static readonly string[] Formats = ["csv", "json"];

    /// <summary>A cell as a CSV field shows it, unquoted: what a report's table prints, so that the two agree.</summary>
    public static string Text(Cell cell) => cell.Number is { } number ? Plain(number) : cell.Text ?? string.Empty;

    public static string ParseFormat(CommandLine line, string defaultFormat, IReadOnlyCollection<string> allowed)
    {
        string format = line.Value("format") ?? defaultFormat;
        foreach (string candidate in allowed)
        {
            if (string.Equals(candidate, format, StringComparison.Ordinal))
            {
                return format;
            }
        }

        throw new UsageException($"--format must be {string.Join(" or ", allowed)}, not '{CliText.Quote(format)}'.");
    }

    public static void Write(TextWriter output, string format, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        if (format == "json")
        {
            WriteJson(output, columns, rows);
        }
        else
        {
            WriteCsv(output, columns, rows);
        }
    }

    /// <summary>
    /// Writes several tables: as CSV each with its header, separated by one empty line; as JSON one object with an array
    /// per table, under the table's name.
    /// </summary>
    public static void WriteTables(TextWriter output, string format, params (string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<Cell>> Rows)[] tables)
    {
        if (format == "json")
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartObject();
                foreach ((string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<Cell>> rows) in tables)
                {
                    json.WritePropertyName(name);
                    WriteJsonArray(json, columns, rows);
                }

                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }

        for (int t = 0; t < tables.Length; t++)
        {
            if (t > 0)
            {
                output.WriteLine();
            }

            WriteCsv(output, tables[t].Columns, tables[t].Rows);
        }
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteCsv(TextWriter output, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        output.WriteLine(string.Join(',', columns));
        var line = new StringBuilder();
        Span<char> digits = stackalloc char[64]; // a decimal takes at most 31
        foreach (IReadOnlyList<Cell> row in rows)
        {
            line.Clear();
            for (int i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                Cell cell = row[i];
                if (cell.Number is { } number)
                {
                    // Formatted into the line, not into a string of its own (a million rows of scores are a million strings).
                    line.Append(number.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture) ? digits[..written] : Plain(number));
                }
                else if (cell.Text is { } text)
                {
                    line.Append(CsvText.Quote(text));
                }
            }

            output.Write(line);
            output.WriteLine();
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJsonArray(json, columns, rows);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJsonArray(Utf8JsonWriter json, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        json.WriteStartArray();
        foreach (IReadOnlyList<Cell> row in rows)
        {
            json.WriteStartObject();
            for (int i = 0; i < columns.Count; i++)
            {
                Cell cell = row[i];
                if (cell.Number is { } number)
                {
                    json.WritePropertyName(columns[i]);
                    json.WriteRawValue(Plain(number));
                }
                else if (cell.Text is { } text)
                {
                    json.WriteString(columns[i], text);
                }
                else
                {
                    json.WriteNull(columns[i]);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // Exact and plain: no exponent, no thousands separator, no trailing zeros beyond the value's own scale.
    private static string Plain(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
