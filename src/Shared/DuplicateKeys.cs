using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CustomerSuccess.Json;

/// <summary>
/// Refuses a JSON text in which an object repeats a key. System.Text.Json keeps one of the two values without a word
/// (on net8.0 it cannot be told not to), so a model or rule set with a key given twice would silently mean something
/// other than what half of it says. Compiled into each package that reads JSON (a linked source file, not an API).
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>Throws when an object in <paramref name="json"/> has a key twice; malformed JSON is left to the real reader.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="ignoreCase">Whether keys that differ only in case are the same key (for readers that match names so).</param>
    /// <exception cref="JsonException">A key is repeated; the path, line and column (0-based, as JsonException counts) name the second one.</exception>
    public static void Reject(string json, bool ignoreCase = false)
    {
        var reader = new JsonPathReader(json);
        var keys = new Stack<HashSet<string>?>(); // per open object its keys; null for an array
        try
        {
            while (reader.Read())
            {
                switch (reader.Token)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        keys.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when !keys.Peek()!.Add(reader.PropertyName):
                        (long line, long column) = reader.Position;
                        string path = reader.Path;
                        throw new JsonException($"{path}: the key '{Quoted.Short(reader.PropertyName)}' appears twice in one object.", path, line, column);
                }
            }
        }
        catch (JsonException e) when (e.Path is null)
        {
            // Malformed JSON: the deserializer reports it in its own words.
        }
    }
}
