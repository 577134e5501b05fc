using System;

namespace CustomerSuccess.Json;

/// <summary>Turns a byte offset in a UTF-8 JSON text into the 0-based line and byte column that <c>JsonException</c> reports.</summary>
internal static class JsonPosition
{
    public static (long Line, long Column) Of(ReadOnlySpan<byte> utf8, long offset)
    {
        ReadOnlySpan<byte> before = utf8[..(int)offset];
        int lastNewline = before.LastIndexOf((byte)'\n');
        return (before.Count((byte)'\n'), offset - (lastNewline + 1));
    }
}
