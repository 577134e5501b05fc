using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using nietras.SeparatedValues;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, double-quoted fields, "" for a quote inside quotes) with a header row, through
/// Sep (a SIMD CSV parser): a row's fields are spans into Sep's buffer, so reading copies and allocates nothing per row
/// unless a row holds a quote. Columns are found by header name, so their order is free; a missing required column is
/// an error naming the file. Every error names the file, the line and the field. The record <see cref="Read"/> returns
/// is this reader's one record, valid until the next call.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    // Invalid bytes decode to U+FFFF, a noncharacter that no real export holds, so the line that holds them can be named
    // (a throwing decoder fails on a whole buffer, lines ahead of the one being read). A byte-order mark is skipped.
    private const char InvalidText = '\uFFFF';

    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidText.ToString()));

    // Quotes are checked and unescaped here, not by Sep: its unescaping is lenient ("x"z reads as xz), and the error
    // contract names text after a closing quote and a quote never closed.
    private static readonly SepReaderOptions Options = new(new Sep(','))
    {
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = false,
    };

    private readonly TextReader _text;
    private readonly SepReader _sep;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly CsvRecord _record;
    private readonly StringBuilder _unquoted = new();
    private readonly List<Range> _unquotedRanges = [];
    private string _unquotedText = string.Empty;
    private bool _quoted;
    private long _records;

    private CsvReader(string displayName, TextReader reader)
    {
        FileName = displayName;
        _text = reader;
        _sep = Options.From(reader);
        _record = new CsvRecord(this);
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
            stream = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {CliText.Message(e)}");
        }

        // Errors name the file as the user gave it, so it can be found again.
        return WithHeader(new CsvReader(path, stream), requiredColumns);
    }

    /// <summary>Reads CSV text, for tests and in-memory data.</summary>
    public static CsvReader FromText(string displayName, string text, params string[] requiredColumns) =>
        WithHeader(new CsvReader(displayName, new StringReader(text)), requiredColumns);

    /// <summary>
    /// The most rows a file can hold when its shortest possible row takes <paramref name="shortestRow"/> bytes: a builder
    /// sized to it once never doubles (each doubling copies its columns and holds the old and the new at once), and the
    /// pages its rows never reach are never touched, so the bound costs address space, not memory. 0 when the file's
    /// size cannot be read (the builder then grows as it goes).
    /// </summary>
    public static int RowsAtMost(string path, int shortestRow)
    {
        try
        {
            return (int)Math.Min(new FileInfo(path).Length / shortestRow, Array.MaxLength / 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>Reads the next non-blank record, or null at the end.</summary>
    public CsvRecord? Read()
    {
        while (_sep.MoveNext())
        {
            int fields = Split(out int line);
            if (fields == 1 && Field(0).IsWhiteSpace())
            {
                continue; // a blank line, or one of only spaces and tabs
            }

            if (fields != _columns.Count)
            {
                throw new InputException($"{FileName}, line {line}: expected {_columns.Count} fields as in the header, found {fields}.");
            }

            if ((++_records & 0x1FFF) == 0)
            {
                Progress.Rows(FileName, _records);
            }

            _record.Line = line;
            return _record;
        }

        Progress.FileRead(FileName, _records);
        return null;
    }

    public void Dispose()
    {
        _sep.Dispose();
        _text.Dispose();
    }

    internal int IndexOf(string column) => _columns.TryGetValue(column, out int index) ? index : -1;

    /// <summary>A field of the current row, unescaped when the row holds quotes.</summary>
    internal ReadOnlySpan<char> Field(int index) => _quoted ? _unquotedText.AsSpan(_unquotedRanges[index]) : _sep.Current[index].Span;

    private static CsvReader WithHeader(CsvReader reader, string[] requiredColumns)
    {
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

    private void ReadHeader(string[] requiredColumns)
    {
        if (!_sep.MoveNext())
        {
            throw new InputException($"{FileName}, line 1: the file is empty; expected a header with {string.Join(", ", requiredColumns)}.");
        }

        int fields = Split(out _);
        var names = new List<string>(fields);
        for (int i = 0; i < fields; i++)
        {
            string column = Field(i).Trim().ToString();
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

    // The current row's fields: Sep's columns as they are when the row holds no quote (the common case, no copying),
    // otherwise the row's text parsed with RFC 4180 quoting (a quoted field may span lines). Returns the field count.
    private int Split(out int line)
    {
        SepReader.Row row = _sep.Current;
        line = row.LineNumberFrom;
        ReadOnlySpan<char> raw = row.Span;
        if (raw.Contains(InvalidText))
        {
            throw new InputException($"{FileName}, line {LineOf(raw, raw.IndexOf(InvalidText), line)}: the line is not valid UTF-8 text (or holds the noncharacter U+FFFF); save the file as UTF-8.");
        }

        _quoted = raw.Contains('"');
        return _quoted ? Unquote(raw, line) : row.ColCount;
    }

    private int Unquote(ReadOnlySpan<char> raw, int line)
    {
        _unquoted.Clear();
        _unquotedRanges.Clear();
        int fieldStart = 0;
        bool quoted = false;
        bool fieldWasQuoted = false;
        for (int position = 0; position < raw.Length; position++)
        {
            char c = raw[position];
            if (quoted)
            {
                if (c == '\r' || c == '\n')
                {
                    // A line break inside quotes is one '\n', whichever the file used.
                    position += c == '\r' && position + 1 < raw.Length && raw[position + 1] == '\n' ? 1 : 0;
                    _unquoted.Append('\n');
                }
                else if (c != '"')
                {
                    _unquoted.Append(c);
                }
                else if (position + 1 < raw.Length && raw[position + 1] == '"')
                {
                    _unquoted.Append('"');
                    position++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && _unquoted.Length == fieldStart && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == ',')
            {
                _unquotedRanges.Add(new Range(fieldStart, _unquoted.Length));
                fieldStart = _unquoted.Length;
                fieldWasQuoted = false;
            }
            else if (fieldWasQuoted)
            {
                throw new InputException($"{FileName}, line {LineOf(raw, position, line)}, field {_unquotedRanges.Count + 1}: text after a closing quote; double a quote inside a quoted field (\"\").");
            }
            else
            {
                _unquoted.Append(c);
            }
        }

        if (quoted)
        {
            throw new InputException($"{FileName}, line {line}, field {_unquotedRanges.Count + 1}: a quoted field is not closed before the end of the file.");
        }

        _unquotedRanges.Add(new Range(fieldStart, _unquoted.Length));
        _unquotedText = _unquoted.ToString();
        return _unquotedRanges.Count;
    }

    // The line of a position in a row that starts on `first` (a quoted field may hold line breaks).
    private static int LineOf(ReadOnlySpan<char> raw, int position, int first)
    {
        int line = first;
        for (int i = 0; i < position; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= raw.Length || raw[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }
}

/// <summary>
/// The current data row of a <see cref="CsvReader"/>, with typed access that reports the file, line and field on error.
/// Valid until the reader reads the next row: parse it, do not keep it.
/// </summary>
internal sealed class CsvRecord(CsvReader reader)
{
    public int Line { get; internal set; }

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
        return index < 0 ? [] : reader.Field(index).Trim();
    }
}
