using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, double-quoted fields, "" for a quote inside quotes) with a header row.
/// Columns are found by header name, so their order is free; a missing required column is an error naming the file.
/// Every error names the file, the line and the field.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    // Invalid bytes decode to U+FFFF, a noncharacter that no real export holds, so the line that holds them can be named
    // (a throwing decoder fails on a whole buffer, lines ahead of the one being read). A byte-order mark is skipped.
    private const char InvalidText = '\uFFFF';

    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidText.ToString()));

    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private int _nextLine = 1;

    private CsvReader(string displayName, TextReader reader)
    {
        FileName = displayName;
        _reader = reader;
    }

    public string FileName { get; }

    /// <summary>Gets the header's columns, in the file's order.</summary>
    public IReadOnlyList<string> Columns => [.. _columns.OrderBy(c => c.Value).Select(c => c.Key)];

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    public static CsvReader Open(string path, params string[] requiredColumns)
    {
        StreamReader stream;
        try
        {
            stream = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {CliText.Message(e)}");
        }

        // Errors name the file as the user gave it, so it can be found again.
        var reader = new CsvReader(path, stream);
        try
        {
            reader.ReadHeader(requiredColumns);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads CSV text, for tests and in-memory data.</summary>
    public static CsvReader FromText(string displayName, string text, params string[] requiredColumns)
    {
        var reader = new CsvReader(displayName, new StringReader(text));
        reader.ReadHeader(requiredColumns);
        return reader;
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>Reads the next non-blank record, or null at the end.</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            int line = _nextLine;
            if (ReadRecord() is not { } record)
            {
                return null;
            }

            if (record.Ranges.Count == 1 && record.Text.AsSpan().IsWhiteSpace())
            {
                continue; // a blank line, or one of only spaces and tabs
            }

            if (record.Ranges.Count != _columns.Count)
            {
                throw new InputException($"{FileName}, line {line}: expected {_columns.Count} fields as in the header, found {record.Ranges.Count}.");
            }

            return new CsvRecord(this, line, record.Text, record.Ranges);
        }
    }

    public void Dispose() => _reader.Dispose();

    internal int IndexOf(string column) => _columns.TryGetValue(column, out int index) ? index : -1;

    private void ReadHeader(string[] requiredColumns)
    {
        (string Text, List<Range> Ranges)? record = ReadRecord();
        if (record is not { } header)
        {
            throw new InputException($"{FileName}, line 1: the file is empty; expected a header with {string.Join(", ", requiredColumns)}.");
        }

        var names = new List<string>(header.Ranges.Count);
        for (int i = 0; i < header.Ranges.Count; i++)
        {
            string column = header.Text[header.Ranges[i]].Trim();
            names.Add(column);
            if (!_columns.TryAdd(column, i))
            {
                throw new InputException($"{FileName}, line 1, field '{CliText.Quote(column)}': the column appears twice in the header.");
            }
        }

        foreach (string required in requiredColumns)
        {
            if (!_columns.ContainsKey(required))
            {
                throw new InputException($"{FileName}, line 1, field '{required}': the header has no such column (it has {string.Join(", ", names)}).");
            }
        }
    }

    private void CheckText(string line, int number)
    {
        if (line.Contains(InvalidText, StringComparison.Ordinal))
        {
            throw new InputException($"{FileName}, line {number}: the line is not valid UTF-8 text (or holds the noncharacter U+FFFF); save the file as UTF-8.");
        }
    }

    // Reads one record: a line split on commas when it holds no quote (the common case, no copying), otherwise parsed
    // with RFC 4180 quoting, reading more lines while a quoted field spans them. Fields are ranges into the text.
    private (string Text, List<Range> Ranges)? ReadRecord()
    {
        int startLine = _nextLine;
        string? line = _reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        _nextLine++;
        CheckText(line, startLine);
        var ranges = new List<Range>(8);
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            int start = 0;
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == ',')
                {
                    ranges.Add(new Range(start, i));
                    start = i + 1;
                }
            }

            ranges.Add(new Range(start, line.Length));
            return (line, ranges);
        }

        // Quoted fields: unescape into a new text, keeping each field's range in it.
        var text = new StringBuilder(line.Length);
        int position = 0;
        int fieldStart = 0;
        bool quoted = false;
        bool fieldWasQuoted = false;
        while (true)
        {
            if (position == line.Length)
            {
                if (!quoted)
                {
                    ranges.Add(new Range(fieldStart, text.Length));
                    return (text.ToString(), ranges);
                }

                string? more = _reader.ReadLine();
                if (more is null)
                {
                    throw new InputException($"{FileName}, line {startLine}, field {ranges.Count + 1}: a quoted field is not closed before the end of the file.");
                }

                _nextLine++;
                CheckText(more, _nextLine - 1);
                text.Append('\n');
                line = more;
                position = 0;
                continue;
            }

            char c = line[position++];
            if (quoted)
            {
                if (c != '"')
                {
                    text.Append(c);
                }
                else if (position < line.Length && line[position] == '"')
                {
                    text.Append('"');
                    position++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && text.Length == fieldStart && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == ',')
            {
                ranges.Add(new Range(fieldStart, text.Length));
                fieldStart = text.Length;
                fieldWasQuoted = false;
            }
            else if (fieldWasQuoted)
            {
                throw new InputException($"{FileName}, line {_nextLine - 1}, field {ranges.Count + 1}: text after a closing quote; double a quote inside a quoted field (\"\").");
            }
            else
            {
                text.Append(c);
            }
        }
    }
}

/// <summary>One data row of a CSV file, with typed access that reports the file, line and field on error.</summary>
internal sealed class CsvRecord(CsvReader reader, int line, string text, List<Range> ranges)
{
    public int Line { get; } = line;

    public string FileName => reader.FileName;

    /// <summary>Gets a required, non-blank field.</summary>
    public string Required(string column)
    {
        string value = Optional(column) ?? string.Empty;
        return value.Length > 0 ? value : throw Error(column, "the value is missing.");
    }

    /// <summary>Gets a required, non-blank field without copying it out of the line.</summary>
    public ReadOnlySpan<char> RequiredSpan(string column)
    {
        ReadOnlySpan<char> value = Span(column);
        return value.Length > 0 ? value : throw Error(column, "the value is missing.");
    }

    /// <summary>Gets a field, or null when the column is absent or the value blank.</summary>
    public string? Optional(string column)
    {
        ReadOnlySpan<char> value = Span(column);
        return value.Length == 0 ? null : value.ToString();
    }

    public InputException Error(string column, string problem) => InputException.At(reader.FileName, Line, column, problem);

    /// <summary>Gets a field without copying it, empty when the column is absent or the value blank.</summary>
    public ReadOnlySpan<char> Span(string column)
    {
        int index = reader.IndexOf(column);
        return index < 0 ? [] : text.AsSpan(ranges[index]).Trim();
    }
}
