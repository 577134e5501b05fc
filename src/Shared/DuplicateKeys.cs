using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
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
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var scopes = new Stack<Scope>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        Enter(scopes);
                        scopes.Push(new Scope(new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)));
                        break;
                    case JsonTokenType.StartArray:
                        Enter(scopes);
                        scopes.Push(new Scope(null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        Scope scope = scopes.Peek();
                        string name = reader.GetString()!;
                        scope.Name = Quoted.Short(name);
                        if (!scope.Keys!.Add(name))
                        {
                            (long line, long column) = JsonPosition.Of(utf8, reader.TokenStartIndex);
                            string path = PathOf(scopes);
                            throw new JsonException($"{path}: the key '{Quoted.Short(name)}' appears twice in one object.", path, line, column);
                        }

                        break;
                    default:
                        Enter(scopes);
                        break;
                }
            }
        }
        catch (JsonException e) when (e.Path is null)
        {
            // Malformed JSON: the deserializer reports it in its own words.
        }
    }

    // A value inside an array moves the array's index on; inside an object the key already placed it.
    private static void Enter(Stack<Scope> scopes)
    {
        if (scopes.Count > 0 && scopes.Peek() is { Keys: null } array)
        {
            array.Index++;
        }
    }

    private static string PathOf(Stack<Scope> scopes)
    {
        var path = new StringBuilder("$");
        Scope[] outerFirst = scopes.ToArray();
        Array.Reverse(outerFirst);
        foreach (Scope scope in outerFirst)
        {
            path.Append(scope.Keys is null ? string.Create(CultureInfo.InvariantCulture, $"[{scope.Index}]") : "." + scope.Name);
        }

        return path.ToString();
    }

    private sealed class Scope(HashSet<string>? keys)
    {
        public HashSet<string>? Keys { get; } = keys;

        public string? Name { get; set; }

        public int Index { get; set; } = -1;
    }
}
