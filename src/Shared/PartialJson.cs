using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CustomerSuccess.Json;

/// <summary>
/// The JSON form of a mergeable partial result (a movement report, a cohort report, band counts, segment counts, backtest
/// tallies), so that a partial built on one node merges into one built on another: an object naming its kind and the
/// version of its form first, then its fields. Amounts are JSON numbers written exactly (a decimal keeps its digits, a
/// double its shortest round-trip form). Reading checks the kind and version and names a fault by its JSON path.
/// Compiled into each package with a partial (a linked source file, not an API).
/// </summary>
internal static class PartialJson
{
    /// <summary>Writes a partial: <c>{"partial": kind, "version": version, ...body}</c>.</summary>
    public static string Write(string kind, int version, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: a predicate's '>' stays '>' (the text is data between nodes, never put in a page).
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("partial", kind);
            writer.WriteNumber("version", version);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// The decimal with no trailing zeros (241.90 -> 241.9): equal figures summed in another order (on other nodes) can
    /// differ in scale only, and their text must not. Dividing by one with the most zeros a decimal holds is exact.
    /// </summary>
    public static decimal Canonical(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Reads a partial of the kind, of a version this build reads, through <paramref name="read"/>.</summary>
    /// <exception cref="CustomerSuccessValidationException">The text is not JSON, not this kind, of a newer version, or not what the version says.</exception>
    public static T Read<T>(string json, string kind, int version, Func<JsonAt, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw CustomerSuccessValidationException.InJson($"A {kind} partial: {e.Message}", e.Path ?? "$", e.LineNumber, e.BytePositionInLine, e);
        }

        using (document)
        {
            var root = new JsonAt(document.RootElement, "$", kind);
            string actual = root.Property("partial").String();
            if (!string.Equals(actual, kind, StringComparison.Ordinal))
            {
                throw root.Property("partial").Fault($"is a '{Quoted.Short(actual)}' partial, not a '{kind}' one");
            }

            int actualVersion = root.Property("version").Int32();
            if (actualVersion < 1 || actualVersion > version)
            {
                throw root.Property("version").Fault(string.Create(CultureInfo.InvariantCulture, $"is version {actualVersion}; this build reads versions 1 to {version} (a newer node wrote it: upgrade this one)"));
            }

            return read(root);
        }
    }
}

/// <summary>A JSON value with its path, whose accessors throw a fault naming the path when the value is not what is asked.</summary>
internal readonly struct JsonAt
{
    private readonly JsonElement _element;
    private readonly string _kind;

    public JsonAt(JsonElement element, string path, string kind)
    {
        _element = element;
        Path = path;
        _kind = kind;
    }

    /// <summary>Gets the value's JSON path, such as <c>$.groups[2].months[0].opening</c>.</summary>
    public string Path { get; }

    /// <summary>A required property of an object.</summary>
    public JsonAt Property(string name)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Fault("is not an object");
        }

        return _element.TryGetProperty(name, out JsonElement value)
            ? new JsonAt(value, Path + "." + name, _kind)
            : throw Fault($"has no property '{name}'");
    }

    /// <summary>The items of an array, each with its path.</summary>
    public IEnumerable<JsonAt> Items()
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            throw Fault("is not an array");
        }

        int i = 0;
        foreach (JsonElement item in _element.EnumerateArray())
        {
            yield return new JsonAt(item, string.Create(CultureInfo.InvariantCulture, $"{Path}[{i++}]"), _kind);
        }
    }

    /// <summary>The number of items of an array.</summary>
    public int Count => _element.ValueKind == JsonValueKind.Array ? _element.GetArrayLength() : throw Fault("is not an array");

    public string String() => _element.ValueKind == JsonValueKind.String ? _element.GetString()! : throw Fault("is not a string");

    public bool Boolean() => _element.ValueKind is JsonValueKind.True or JsonValueKind.False ? _element.GetBoolean() : throw Fault("is not true or false");

    public decimal Decimal() => _element.ValueKind == JsonValueKind.Number && _element.TryGetDecimal(out decimal value) ? value : throw Fault("is not a decimal number");

    public double Double() => _element.ValueKind == JsonValueKind.Number && _element.TryGetDouble(out double value) && double.IsFinite(value) ? value : throw Fault("is not a finite number");

    public int Int32() => _element.ValueKind == JsonValueKind.Number && _element.TryGetInt32(out int value) ? value : throw Fault("is not a 32-bit integer");

    public long Int64() => _element.ValueKind == JsonValueKind.Number && _element.TryGetInt64(out long value) ? value : throw Fault("is not a 64-bit integer");

    /// <summary>A count: an integer, zero or more.</summary>
    public int Count32() => Int32() is >= 0 and int value ? value : throw Fault("is a negative count");

    /// <summary>A count: a 64-bit integer, zero or more.</summary>
    public long Count64() => Int64() is >= 0 and long value ? value : throw Fault("is a negative count");

    /// <summary>The fault of this value: "A {kind} partial: $.path {problem}."</summary>
    public CustomerSuccessValidationException Fault(string problem) =>
        CustomerSuccessValidationException.InJson($"A {_kind} partial: {Path} {problem}.", Path, null, null, null);
}
