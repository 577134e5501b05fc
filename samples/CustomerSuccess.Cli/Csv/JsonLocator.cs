using System;
using System.Text.Json;
using CustomerSuccess.Json;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Finds where a JSON path (<c>$.rules[0].when.compare</c>) starts in a JSON text, so that an error a reader reports by path
/// alone (a value that parses but means nothing, found after parsing) can still say its line and column.
/// </summary>
internal static class JsonLocator
{
    /// <summary>The 0-based line and byte column where the value at <paramref name="path"/> starts, or null when it is not found.</summary>
    public static (long Line, long Column)? Find(string json, string path)
    {
        var reader = new JsonPathReader(json);
        try
        {
            while (reader.Read())
            {
                if (reader.StartsValue && string.Equals(reader.Path, path, StringComparison.Ordinal))
                {
                    return reader.Position;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON has its own position already.
        }

        return null;
    }
}
