using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// An input table, read row by row: a CSV file (<see cref="CsvReader"/>), or a Parquet file (<see cref="ParquetTableReader"/>)
/// when its name ends in <c>.parquet</c>. Columns are found by name, so their order is free; a missing required column is an
/// error naming the file. Every error names the file, the row (a CSV file's line, a Parquet file's row) and the field. The
/// record <see cref="Read"/> returns is this reader's one record, valid until the next call.
/// </summary>
internal abstract class TableReader : IDisposable
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly TableRecord _record;
    private readonly string?[] _recentColumns = new string?[16];
    private readonly int[] _recentIndexes = new int[16];
    private long _records;

    protected TableReader(string fileName)
    {
        FileName = fileName;
        _record = new TableRecord(this);
    }

    public string FileName { get; }

    /// <summary>
    /// Gets a value indicating whether reading reports its rows to the progress line: not for a range of a file read on
    /// several cores, whose rows the ordered reader reports for the whole file (<see cref="ParallelCsv{T, TState}"/>).
    /// </summary>
    protected bool ReportsProgress { get; init; } = true;

    /// <summary>Gets the columns, in the file's order.</summary>
    public IReadOnlyList<string> Columns => [.. _columns.OrderBy(c => c.Value).Select(c => c.Key)];

    protected int ColumnCount => _columns.Count;

    /// <summary>Opens a table by its file name's extension (<c>.parquet</c>, otherwise CSV) and checks its columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    public static TableReader Open(string path, params string[] requiredColumns) =>
        IsParquet(path) ? ParquetTableReader.Open(path, requiredColumns) : CsvReader.Open(path, requiredColumns);

    /// <summary>Gets a value indicating whether a path names a Parquet file (by its extension, as <see cref="Open"/> decides).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The most rows a file can hold: a Parquet file's row count, or for CSV the file's size over the bytes of its shortest
    /// possible row (<paramref name="shortestCsvRow"/>). A builder sized to it once never doubles (each doubling copies its
    /// columns and holds the old and the new at once), and the pages its rows never reach are never touched, so the bound
    /// costs address space, not memory. 0 when the file cannot be measured (the builder then grows as it goes).
    /// </summary>
    public static int RowsAtMost(string path, int shortestCsvRow) =>
        IsParquet(path) ? ParquetTableReader.RowCount(path) : CsvReader.RowsAtMostInCsv(path, shortestCsvRow);

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>Reads the next record, or null at the end.</summary>
    public TableRecord? Read()
    {
        if (!MoveNext(out int row))
        {
            if (ReportsProgress)
            {
                Progress.FileRead(FileName, _records);
            }

            return null;
        }

        if ((++_records & 0x1FFF) == 0 && ReportsProgress)
        {
            Progress.Rows(FileName, _records);
        }

        _record.Line = row;
        return _record;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    // Parsers name columns with the same string on every row (a literal): found by reference, a name is hashed once, not
    // once a field a row (a tenth of reading 20 M events went to that lookup).
    internal int IndexOf(string column)
    {
        int slot = RuntimeHelpers.GetHashCode(column) & 15;
        if (ReferenceEquals(_recentColumns[slot], column))
        {
            return _recentIndexes[slot];
        }

        int index = _columns.TryGetValue(column, out int found) ? found : -1;
        _recentColumns[slot] = column;
        _recentIndexes[slot] = index;
        return index;
    }

    /// <summary>A field of the current row as text, in the form the CSV file would hold it.</summary>
    internal abstract ReadOnlySpan<char> Field(int index);

    /// <summary>Moves to the next row; <paramref name="row"/> is the number errors name it by.</summary>
    protected abstract bool MoveNext(out int row);

    protected abstract void Dispose(bool disposing);

    /// <summary>Takes the table's column names and checks that the required ones are there.</summary>
    /// <param name="names">The columns, in the file's order.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    /// <param name="place">Where the names are, for messages: "line 1" of a CSV file, the "schema" of a Parquet file.</param>
    /// <param name="holder">What holds the names, for messages: "the header", "the schema".</param>
    protected void SetColumns(IReadOnlyList<string> names, string[] requiredColumns, string place, string holder)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (!_columns.TryAdd(names[i], i))
            {
                throw new InputException($"{FileName}, {place}, field '{CliText.Quote(names[i])}': the column appears twice in {holder}.");
            }
        }

        foreach (string required in requiredColumns)
        {
            if (!_columns.ContainsKey(required))
            {
                throw new InputException($"{FileName}, {place}, field '{required}': {holder} has no such column (it has {string.Join(", ", names)}).");
            }
        }
    }
}

/// <summary>
/// The current row of a <see cref="TableReader"/>, with typed access that reports the file, row and field on error.
/// Valid until the reader reads the next row: parse it, do not keep it.
/// </summary>
internal sealed class TableRecord(TableReader reader)
{
    /// <summary>Gets the row's number in its file: a CSV file's line, a Parquet file's row (see <see cref="TablePlace.Row"/>).</summary>
    public int Line { get; internal set; }

    public string FileName => reader.FileName;

    /// <summary>Gets a required, non-blank field.</summary>
    public string Required(string column)
    {
        string value = Optional(column) ?? string.Empty;
        return value.Length > 0 ? value : throw Error(column, "the value is missing.");
    }

    /// <summary>Gets a required, non-blank field without copying it out of the row.</summary>
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

    /// <summary>Gets a field without copying it, empty when the column is absent or the value blank (or null).</summary>
    public ReadOnlySpan<char> Span(string column)
    {
        int index = reader.IndexOf(column);
        return index < 0 ? [] : reader.Field(index).Trim();
    }
}

/// <summary>How messages name a row of an input file.</summary>
internal static class TablePlace
{
    /// <summary>"line N" of a CSV file (its header is line 1), "row N" of a Parquet file (its first row is row 1).</summary>
    public static string Row(string file, int row) => TableReader.IsParquet(file) ? $"row {row}" : $"line {row}";
}
