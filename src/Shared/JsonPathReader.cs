using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CustomerSuccess.Json;

/// <summary>
/// Reads a JSON text token by token, knowing the JSON path of where it is (<c>$.rules[0].when</c>), so that a fault can be
/// named by path, line and column. A ref struct, as the reader it wraps. Compiled into each assembly that reads JSON (a linked
/// source file, not an API).
/// </summary>
internal ref struct JsonPathReader
{
    private readonly byte[] _utf8;
    private readonly List<Scope> _scopes; // outermost first
    private Utf8JsonReader _reader;

    public JsonPathReader(string json)
    {
        _utf8 = Encoding.UTF8.GetBytes(json);
        _scopes = [];
        _reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
    }

    /// <summary>Gets the current token.</summary>
    public JsonTokenType Token => _reader.TokenType;

    /// <summary>Gets the current property name (when <see cref="Token"/> is a property name).</summary>
    public string PropertyName => _reader.GetString()!;

    /// <summary>Gets a value indicating whether the current token starts a value (an object, an array or a scalar).</summary>
    public bool StartsValue => Token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray);

    /// <summary>Gets the path of the current token: of the value it starts, or of the property it names.</summary>
    public string Path
    {
        get
        {
            var path = new StringBuilder("$");
            foreach (Scope scope in _scopes)
            {
                path.Append(scope.Array ? string.Create(CultureInfo.InvariantCulture, $"[{scope.Index}]") : "." + Quoted.Short(scope.Name ?? string.Empty));
            }

            return path.ToString();
        }
    }

    /// <summary>Gets the 0-based line and byte column of the current token, as <see cref="JsonException"/> counts them.</summary>
    public (long Line, long Column) Position => JsonPosition.Of(_utf8, _reader.TokenStartIndex);

    /// <summary>Reads the next token; false at the end. Malformed JSON throws the reader's own <see cref="JsonException"/>.</summary>
    public bool Read()
    {
        // Leaving the previous token: a finished object or array closes its scope, an opened one starts a scope.
        if (_scopes.Count > 0 && _scopes[^1].Closed)
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }

        if (Token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _scopes.Add(new Scope(Token == JsonTokenType.StartArray));
        }

        if (!_reader.Read())
        {
            return false;
        }

        if (_scopes.Count > 0)
        {
            Scope scope = _scopes[^1];
            if (Token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                scope.Closed = true;
            }
            else if (Token == JsonTokenType.PropertyName)
            {
                scope.Name = _reader.GetString();
            }
            else if (scope.Array)
            {
                scope.Index++; // a value in an array moves its index on; in an object its property already placed it
            }
        }

        return true;
    }

    private sealed class Scope(bool array)
    {
        public bool Array { get; } = array;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }

        public bool Closed { get; set; }
    }
}
