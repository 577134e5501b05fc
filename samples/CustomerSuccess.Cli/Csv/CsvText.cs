using System;

namespace CustomerSuccess.Cli.Csv;

/// <summary>Writing side of RFC 4180.</summary>
internal static class CsvText
{
    /// <summary>Returns a field as CSV: in double quotes, with quotes doubled, when it holds a comma, quote or line break.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
