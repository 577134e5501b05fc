using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, double-quoted fields, "" for a quote inside quotes) with a header row.
/// Columns are found by header name, so their order is free; a missing required column is an error naming the file.
/// Every error names the file, the line and the field.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private int _nextLine = 1;

    private CsvReader(string displayName, TextReader reader)
    {
        FileName = displayName;
        _reader = reader;
    }

    public string FileName { get; }

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    public static CsvReader Open(string path, params string[] requiredColumns)
    {
        StreamReader stream;
        try
        {
            stream = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}");
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
            List<string>? fields = ReadFields();
            if (fields is null)
            {
                return null;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (fields.Count != _columns.Count)
            {
                throw new InputException($"{FileName}, line {line}: expected {_columns.Count} fields as in the header, found {fields.Count}.");
            }

            return new CsvRecord(this, line, fields);
        }
    }

    public void Dispose() => _reader.Dispose();

    internal int IndexOf(string column) => _columns.TryGetValue(column, out int index) ? index : -1;

    private void ReadHeader(string[] requiredColumns)
    {
        List<string> header = ReadFields()
            ?? throw new InputException($"{FileName}, line 1: the file is empty; expected a header with {string.Join(", ", requiredColumns)}.");
        for (int i = 0; i < header.Count; i++)
        {
            string column = header[i].Trim();
            if (!_columns.TryAdd(column, i))
            {
                throw new InputException($"{FileName}, line 1, field '{column}': the column appears twice in the header.");
            }
        }

        foreach (string required in requiredColumns)
        {
            if (!_columns.ContainsKey(required))
            {
                throw new InputException($"{FileName}, line 1, field '{required}': the header has no such column (it has {string.Join(", ", header)}).");
            }
        }
    }

    private List<string>? ReadFields()
    {
        int startLine = _nextLine;
        int c = _reader.Read();
        if (c == -1)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool fieldWasQuoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c == -1)
                {
                    throw new InputException($"{FileName}, line {startLine}, field {fields.Count + 1}: a quoted field is not closed before the end of the file.");
                }

                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        field.Append('"');
                        _reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _nextLine++;
                    }

                    field.Append((char)c);
                }
            }
            else if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c is '\n' or -1)
            {
                _nextLine++;
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '\r')
            {
                // CRLF: the \n that follows ends the record.
            }
            else if (fieldWasQuoted)
            {
                throw new InputException($"{FileName}, line {_nextLine}, field {fields.Count + 1}: text after a closing quote; double a quote inside a quoted field (\"\").");
            }
            else
            {
                field.Append((char)c);
            }

            c = _reader.Read();
        }
    }
}

/// <summary>One data row of a CSV file, with typed access that reports the file, line and field on error.</summary>
internal sealed class CsvRecord(CsvReader reader, int line, List<string> fields)
{
    public int Line { get; } = line;

    public string FileName => reader.FileName;

    /// <summary>Gets a required, non-blank field.</summary>
    public string Required(string column)
    {
        string value = Optional(column) ?? string.Empty;
        return value.Length > 0 ? value : throw Error(column, "the value is missing.");
    }

    /// <summary>Gets a field, or null when the column is absent or the value blank.</summary>
    public string? Optional(string column)
    {
        int index = reader.IndexOf(column);
        if (index < 0)
        {
            return null;
        }

        string value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    public InputException Error(string column, string problem) => InputException.At(reader.FileName, Line, column, problem);
}
