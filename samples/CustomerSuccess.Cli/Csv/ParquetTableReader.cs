using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Parquet;
using ConvertedType = Parquet.Meta.ConvertedType;
using Parquet.Schema;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Reads a Parquet file through Parquet.Net (managed, MIT) with the CSV file's column names. Each value is given to the
/// parsers as the text the CSV file would hold, so both formats share one set of rules and messages: text as it is,
/// integers and decimals exactly (a DECIMAL keeps its scale), floating-point numbers in their shortest round-trip form
/// (money belongs in a DECIMAL column), booleans as <c>true</c>/<c>false</c>, a DATE as <c>yyyy-MM-dd</c>, a timestamp
/// adjusted to UTC as an ISO instant (<c>2026-01-01T09:30:00Z</c>; one without a zone has no <c>Z</c>, so a column that
/// needs an instant refuses it), and null as an empty field. A column is read one row group at a time, and only when a
/// row's field is first asked for, so columns nobody reads are never decoded and memory follows the row group, not the file.
/// Errors name the file, the row (the first row is row 1) and the field.
/// </summary>
internal sealed class ParquetTableReader : TableReader
{
    // DATE as DateOnly (not a DateTime at midnight, which would read as a timestamp); BYTE_ARRAY columns without a string
    // annotation, as older writers leave them, as UTF-8 text.
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    private readonly Stream _stream;
    private readonly ParquetReader _parquet;
    private readonly ParquetColumn[] _columns;
    private ParquetRowGroupReader? _group;
    private int _groupIndex = -1;
    private int _groupRows;
    private int _rowInGroup;
    private int _row;

    private ParquetTableReader(string path, Stream stream, ParquetReader parquet)
        : base(path)
    {
        _stream = stream;
        _parquet = parquet;
        _columns = [.. parquet.Schema.Fields.Select(ParquetColumn.For)];
    }

    /// <summary>Opens a Parquet file and checks its columns.</summary>
    public static new ParquetTableReader Open(string path, params string[] requiredColumns)
    {
        Stream stream = OpenFile(path);
        ParquetReader parquet;
        try
        {
            parquet = Sync(ParquetReader.CreateAsync(stream, Options));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stream.Dispose();
            throw new InputException($"{path}: not a readable Parquet file: {CliText.Message(e)}");
        }

        var reader = new ParquetTableReader(path, stream, parquet);
        try
        {
            reader.SetColumns([.. parquet.Schema.Fields.Select(f => f.Name)], requiredColumns, "schema", "the schema");
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The file's row count from its footer, or 0 when it cannot be read (opening it then says why).</summary>
    public static int RowCount(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            ParquetReader parquet = Sync(ParquetReader.CreateAsync(stream, Options));
            long rows = parquet.RowGroups.Sum(g => g.RowCount);
            Close(parquet);
            return (int)Math.Min(rows, Array.MaxLength / 2);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0;
        }
    }

    internal override ReadOnlySpan<char> Field(int index)
    {
        ParquetColumn column = _columns[index];
        if (column.Group != _groupIndex)
        {
            Load(column);
        }

        return column.Text(_rowInGroup);
    }

    protected override bool MoveNext(out int row)
    {
        while (_rowInGroup + 1 >= _groupRows)
        {
            if (_groupIndex + 1 >= _parquet.RowGroupCount)
            {
                _rowInGroup = _groupRows; // stays at the end
                row = 0;
                return false;
            }

            _group?.Dispose();
            _group = _parquet.OpenRowGroupReader(++_groupIndex);
            long rows = _group.RowCount;
            if (rows > Array.MaxLength - (long)_row)
            {
                throw new InputException($"{FileName}: more than {Array.MaxLength:N0} rows; split the file.");
            }

            _groupRows = (int)rows;
            _rowInGroup = -1;
        }

        _rowInGroup++;
        row = ++_row;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _group?.Dispose();
            Close(_parquet);
            _stream.Dispose();
        }
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {CliText.Message(e)}");
        }
    }

    // The reader has only an asynchronous Dispose; the tool reads synchronously throughout.
    private static void Close(ParquetReader parquet) => parquet.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static T Sync<T>(System.Threading.Tasks.Task<T> task) => task.GetAwaiter().GetResult();

    // Decodes a column's values for the current row group. A decoder failure is a damaged or unexpected file: the message
    // names the rows of the group and the column, whatever the decoder threw.
    private void Load(ParquetColumn column)
    {
        int first = _row - _rowInGroup;
        if (column.Unreadable is { } why)
        {
            throw InputException.At(FileName, _row, column.Name, why);
        }

        try
        {
            column.Load(_group!, _groupRows);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InputException)
        {
            throw new InputException($"{FileName}, rows {first} to {first + _groupRows - 1}, field '{CliText.Quote(column.Name)}': the column cannot be read: {CliText.Message(e)}");
        }

        column.Group = _groupIndex;
    }
}

/// <summary>One column of a Parquet file: its values for one row group, and each value's text.</summary>
internal abstract class ParquetColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>Gets or sets the row group whose values are loaded (-1: none).</summary>
    public int Group { get; set; } = -1;

    /// <summary>Gets why the column cannot be read as text, or null.</summary>
    public virtual string? Unreadable => null;

    public static ParquetColumn For(Field field)
    {
        if (field is not DataField data || data.IsArray)
        {
            return new UnreadableColumn(field.Name, "the column is a list, map or nested group; a Parquet input holds flat columns (text, numbers, booleans, dates, timestamps).");
        }

        // Parquet.Net gives a time of day or an interval as its raw integer; no input holds either.
        if (data.SchemaElement is { } element
            && (element.LogicalType?.TIME is not null || element.ConvertedType is ConvertedType.TIME_MILLIS or ConvertedType.TIME_MICROS or ConvertedType.INTERVAL))
        {
            return new UnreadableColumn(data.Name, "the column holds a time of day or an interval, which no input of this tool holds; write it as text, a number, a boolean, a DATE or a timestamp.");
        }

        Type type = data.ClrType;
        return type == typeof(ReadOnlyMemory<char>) ? new TextColumn(data)
            : type == typeof(string) ? new StringColumn(data)
            : type == typeof(bool) ? new ValueColumn<bool>(data, (v, s) => Copy(v ? "true" : "false", s))
            : type == typeof(sbyte) ? new ValueColumn<sbyte>(data, Exact)
            : type == typeof(byte) ? new ValueColumn<byte>(data, Exact)
            : type == typeof(short) ? new ValueColumn<short>(data, Exact)
            : type == typeof(ushort) ? new ValueColumn<ushort>(data, Exact)
            : type == typeof(int) ? new ValueColumn<int>(data, Exact)
            : type == typeof(uint) ? new ValueColumn<uint>(data, Exact)
            : type == typeof(long) ? new ValueColumn<long>(data, Exact)
            : type == typeof(ulong) ? new ValueColumn<ulong>(data, Exact)
            : type == typeof(decimal) && data is DecimalDataField { Scale: >= 0 and <= 28 } scaled ? new ValueColumn<decimal>(data, DecimalFormat(scaled.Scale))
            : type == typeof(decimal) ? new ValueColumn<decimal>(data, Exact)
            : type == typeof(double) ? new ValueColumn<double>(data, (v, s) => Floating(v, "R", s))
            : type == typeof(float) ? new ValueColumn<float>(data, (v, s) => Floating(v, "R", s))
            : type == typeof(DateOnly) ? new ValueColumn<DateOnly>(data, (v, s) => Date(v, s))
            : type == typeof(DateTime) ? new ValueColumn<DateTime>(data, Timestamp)
            : type == typeof(DateTimeOffset) ? new ValueColumn<DateTimeOffset>(data, (v, s) => Timestamp(v.UtcDateTime, s))
            : new UnreadableColumn(data.Name, $"the column's Parquet values read as {type.Name}, which no input of this tool holds; write it as text, a number, a boolean, a DATE or a timestamp.");
    }

    public abstract void Load(ParquetRowGroupReader group, int rows);

    /// <summary>The text of the value in a row of the loaded group; empty for null.</summary>
    public abstract ReadOnlySpan<char> Text(int row);

    protected static T[] Sized<T>(T[] buffer, int rows) => buffer.Length >= rows ? buffer : new T[rows];

    // A DECIMAL(p, s) as written, with its s decimals (10.50 stays 10.50).
    private static ValueColumn<decimal>.Formatter DecimalFormat(int scale)
    {
        string format = "F" + scale.ToString(CultureInfo.InvariantCulture);
        return (v, s) => Format(v, format, s);
    }

    private static int Copy(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static int Exact<T>(T value, Span<char> destination)
        where T : ISpanFormattable => Format(value, null, destination);

    private static int Format<T>(T value, string? format, Span<char> destination)
        where T : ISpanFormattable =>
        value.TryFormat(destination, out int written, format, CultureInfo.InvariantCulture) ? written : throw new FormatException($"{value} does not fit {destination.Length} characters.");

    // The shortest text that reads back as the same number, without an exponent (the number parsers take none).
    private static int Floating<T>(T value, string format, Span<char> destination)
        where T : ISpanFormattable
    {
        int written = Format(value, format, destination);
        if (destination[..written].IndexOfAny('E', 'e') >= 0
            && decimal.TryParse(destination[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal plain))
        {
            written = Format(plain, null, destination);
        }

        return written;
    }

    // An instant adjusted to UTC as the export form (seconds, then a fraction only when there is one); any other kind of
    // timestamp without the Z, since it names no instant.
    private static int Timestamp(DateTime value, Span<char> destination)
    {
        int written = Date(DateOnly.FromDateTime(value), destination);
        destination[written++] = 'T';
        written += Digits(value.Hour, 2, destination[written..]);
        destination[written++] = ':';
        written += Digits(value.Minute, 2, destination[written..]);
        destination[written++] = ':';
        written += Digits(value.Second, 2, destination[written..]);
        long fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            destination[written++] = '.';
            int digits = Format(fraction, "D7", destination[written..]);
            written += destination.Slice(written, digits).TrimEnd('0').Length;
        }

        if (value.Kind == DateTimeKind.Utc)
        {
            destination[written++] = 'Z';
        }

        return written;
    }

    // yyyy-MM-dd by hand: the general formatter was a tenth of reading 20 M timestamps.
    private static int Date(DateOnly value, Span<char> destination)
    {
        value.Deconstruct(out int year, out int month, out int day);
        int written = Digits(year, 4, destination);
        destination[written++] = '-';
        written += Digits(month, 2, destination[written..]);
        destination[written++] = '-';
        written += Digits(day, 2, destination[written..]);
        return written;
    }

    private static int Digits(int value, int width, Span<char> destination)
    {
        for (int i = width - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return width;
    }

    private sealed class UnreadableColumn(string name, string why) : ParquetColumn(name)
    {
        public override string? Unreadable => why;

        public override void Load(ParquetRowGroupReader group, int rows) => throw new InvalidOperationException(why);

        public override ReadOnlySpan<char> Text(int row) => throw new InvalidOperationException(why);
    }

    // Text as slices of the decoder's buffer: no string per value.
    private sealed class TextColumn(DataField field) : ParquetColumn(field.Name)
    {
        private ReadOnlyMemory<char>?[] _values = [];

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = Sized(_values, rows);
            group.ReadAsync<ReadOnlyMemory<char>>(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) => _values[row] is { } value ? value.Span : [];
    }

    private sealed class StringColumn(DataField field) : ParquetColumn(field.Name)
    {
        private string?[] _values = [];

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = Sized(_values, rows);
            group.ReadAsync(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) => _values[row];
    }

    private sealed class ValueColumn<T>(DataField field, ValueColumn<T>.Formatter format) : ParquetColumn(field.Name)
        where T : struct
    {
        // Long enough for any value above: a decimal's 29 digits, sign and point; a timestamp with its fraction.
        private readonly char[] _text = new char[48];
        private T?[] _values = [];

        public delegate int Formatter(T value, Span<char> destination);

        public override void Load(ParquetRowGroupReader group, int rows)
        {
            _values = Sized(_values, rows);
            group.ReadAsync<T>(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
        }

        public override ReadOnlySpan<char> Text(int row) => _values[row] is { } value ? _text.AsSpan(0, format(value, _text)) : [];
    }
}
