using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
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
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var scopes = new Stack<(bool Array, int Index, string? Name)>();
        try
        {
            while (reader.Read())
            {
                JsonTokenType token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    scopes.Pop();
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    (bool array, int index, _) = scopes.Pop();
                    scopes.Push((array, index, reader.GetString()));
                    continue;
                }

                // A value starts here: an array moves its index on first.
                if (scopes.Count > 0 && scopes.Peek() is { Array: true } inArray)
                {
                    scopes.Pop();
                    scopes.Push(inArray with { Index = inArray.Index + 1 });
                }

                if (string.Equals(PathOf(scopes), path, StringComparison.Ordinal))
                {
                    return JsonPosition.Of(utf8, reader.TokenStartIndex);
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    scopes.Push((token == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON has its own position already.
        }

        return null;
    }

    private static string PathOf(Stack<(bool Array, int Index, string? Name)> scopes)
    {
        var path = new StringBuilder("$");
        (bool Array, int Index, string? Name)[] outerFirst = scopes.ToArray();
        Array.Reverse(outerFirst);
        foreach ((bool array, int index, string? name) in outerFirst)
        {
            path.Append(array ? string.Create(CultureInfo.InvariantCulture, $"[{index}]") : "." + name);
        }

        return path.ToString();
    }
}
