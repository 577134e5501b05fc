using System;
using System.Collections.Generic;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// One string per distinct text read from a column that repeats (event names, user ids): a field's span finds the string
/// read before, so a file of millions of rows allocates one string per value, not per row. Holds what the input holds.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string of <paramref name="text"/>; <paramref name="isNew"/> when it was not read before.</summary>
    public string Get(ReadOnlySpan<char> text, out bool isNew)
    {
        isNew = !_bySpan.TryGetValue(text, out string? known);
        if (isNew)
        {
            known = text.ToString();
            _strings.Add(known, known);
        }

        return known!;
    }
}
