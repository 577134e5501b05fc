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
/// unless a row holds a quote. Every error names the file, the line and the field.
/// </summary>
internal sealed class CsvReader : TableReader
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
    private readonly StringBuilder _unquoted = new();
    private readonly List<Range> _unquotedRanges = [];
    private string _unquotedText = string.Empty;
    private bool _quoted;
    private int _lineOffset; // the lines before the text read: a range of a file starts after its header and earlier rows

    private CsvReader(string displayName, TextReader reader)
        : base(displayName)
    {
        _text = reader;
        _sep = Options.From(reader);
    }

    /// <summary>
    /// Reads the rows of one range of a file (<see cref="CsvRanges"/>), under the columns its header gave: the same fields,
    /// errors and line numbers as reading the whole file would give there.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The header's columns, as the reader of the whole file found them.</param>
    /// <param name="range">The range.</param>
    public static CsvReader OpenRange(string path, IReadOnlyList<string> columns, CsvRange range)
    {
        // Read through a window on the file rather than a copy of the range: a megabyte array a range would be garbage on
        // the large object heap, which only a full collection frees (and a full collection walks the whole history).
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14);
            file.Seek(range.Start, SeekOrigin.Begin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {CliText.Message(e)}");
        }

        var reader = new CsvReader(path, new StreamReader(new RangeStream(file, range.End - range.Start), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 14))
        {
            _lineOffset = range.FirstLine - 2,
            ReportsProgress = false,
        };
        reader.SetColumns(columns, [], "line 1", "the header");
        return reader;
    }

    /// <summary>Opens a CSV file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    public static new CsvReader Open(string path, params string[] requiredColumns)
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

    /// <summary>The most rows a CSV file can hold when its shortest possible row takes <paramref name="shortestRow"/> bytes.</summary>
    internal static int RowsAtMostInCsv(string path, int shortestRow)
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

    /// <summary>A field of the current row, unescaped when the row holds quotes.</summary>
    internal override ReadOnlySpan<char> Field(int index) => _quoted ? _unquotedText.AsSpan(_unquotedRanges[index]) : _sep.Current[index].Span;

    protected override bool MoveNext(out int line)
    {
        while (_sep.MoveNext())
        {
            int fields = Split(out line);
            if (fields == 1 && Field(0).IsWhiteSpace())
            {
                continue; // a blank line, or one of only spaces and tabs
            }

            if (fields != ColumnCount)
            {
                throw new InputException($"{FileName}, line {line}: expected {ColumnCount} fields as in the header, found {fields}.");
            }

            return true;
        }

        line = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sep.Dispose();
            _text.Dispose();
        }
    }

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
        var names = new string[fields];
        for (int i = 0; i < fields; i++)
        {
            names[i] = Field(i).Trim().ToString();
        }

        SetColumns(names, requiredColumns, "line 1", "the header");
    }

    // The current row's fields: Sep's columns as they are when the row holds no quote (the common case, no copying),
    // otherwise the row's text parsed with RFC 4180 quoting (a quoted field may span lines). Returns the field count.
    private int Split(out int line)
    {
        SepReader.Row row = _sep.Current;
        line = row.LineNumberFrom + _lineOffset;
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
/// A range of a file as a stream, after one line break: Sep numbers a first row that spans lines from its last line, so
/// the range is read after a blank line (which the reader skips, as any blank line) and its first row is numbered as
/// every later row is.
/// </summary>
internal sealed class RangeStream(FileStream file, long length) : Stream
{
    private long _remaining = length;
    private bool _lead = true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_lead)
        {
            _lead = false;
            buffer[0] = (byte)'\n';
            return 1;
        }

        int read = _remaining == 0 ? 0 : file.Read(buffer[..(int)Math.Min(buffer.Length, _remaining)]);
        _remaining -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
