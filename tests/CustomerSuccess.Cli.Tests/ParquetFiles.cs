using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using ParquetSharp;

namespace CustomerSuccess.Cli.Tests;

/// <summary>How a test writes a CSV column into Parquet.</summary>
public enum ParquetKind
{
    Text,
    ExactNumber,
    FloatingPoint,
    WholeNumber,
    Date,
    Timestamp,
    LocalTimestamp,
    Boolean,
}

/// <summary>
/// Writes Parquet files with ParquetSharp (Apache Arrow's C++ writer, wrapped), not the library the tool reads with, so
/// the interchange tests read files from another writer. An empty CSV field becomes null.
/// </summary>
internal static class ParquetFiles
{
    /// <summary>Every column as text: the file holds exactly what the CSV holds.</summary>
    public static ParquetKind AllText(string column) => ParquetKind.Text;

    /// <summary>The type a warehouse export would give each column of the tool's inputs.</summary>
    public static ParquetKind Typed(string column) => column switch
    {
        "mrr" or "amount" or "unit_price" or "rate" or "discount_amount" or "discount_percent" or "value" => ParquetKind.ExactNumber,
        "quantity" or "interval_count" => ParquetKind.WholeNumber,
        "occurred_at" or "effective_at" or "discount_until" => ParquetKind.Timestamp,
        "signed" or "start" or "end" or "churned_on" or "observed_until" or "as_of" or "date" => ParquetKind.Date,
        _ when column.Contains('.', StringComparison.Ordinal) => ParquetKind.FloatingPoint, // a signal's raw value
        _ => ParquetKind.Text,
    };

    /// <summary>Writes a CSV file's rows into a Parquet file, in row groups of <paramref name="rowGroupSize"/> rows.</summary>
    public static void FromCsv(string csvPath, string parquetPath, Func<string, ParquetKind> kindOf, int rowGroupSize = 40_000)
    {
        List<string> columns;
        var rows = new List<string?[]>();
        using (CsvReader reader = CsvReader.Open(csvPath))
        {
            columns = [.. reader.Columns];
            while (reader.Read() is { } record)
            {
                rows.Add([.. columns.Select(record.Optional)]);
            }
        }

        Write(parquetPath, columns, rows, kindOf, rowGroupSize);
    }

    /// <summary>Writes rows of text (null for an empty field) into a Parquet file with the given column types.</summary>
    public static void Write(string path, IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows, Func<string, ParquetKind> kindOf, int rowGroupSize = 40_000)
    {
        ParquetKind[] kinds = [.. columns.Select((name, i) => Refined(kindOf(name), rows.Select(r => r[i])))];
        Column[] schema = [.. columns.Select((name, i) => ColumnOf(name, kinds[i], rows.Select(r => r[i])))];
        using var writer = new ParquetFileWriter(path, schema);
        for (int start = 0; start < rows.Count || start == 0; start += rowGroupSize)
        {
            string?[][] group = [.. rows.Skip(start).Take(rowGroupSize)];
            using RowGroupWriter rowGroup = writer.AppendRowGroup();
            for (int i = 0; i < columns.Count; i++)
            {
                using ColumnWriter column = rowGroup.NextColumn();
                WriteColumn(column, kinds[i], [.. group.Select(r => r[i])]);
            }

            if (rows.Count == 0)
            {
                break;
            }
        }

        writer.Close();
    }

    private static Column ColumnOf(string name, ParquetKind kind, IEnumerable<string?> values) => kind switch
    {
        ParquetKind.Text => new Column<string>(name),
        ParquetKind.ExactNumber => new Column<decimal?>(name, LogicalType.Decimal(28, values.Select(v => v is null ? 0 : Scale(v)).DefaultIfEmpty(0).Max())),
        ParquetKind.FloatingPoint => new Column<double?>(name),
        ParquetKind.WholeNumber => new Column<long?>(name),
        ParquetKind.Date => new Column<Date?>(name),
        ParquetKind.Timestamp => new Column<DateTime?>(name, LogicalType.Timestamp(isAdjustedToUtc: true, TimeUnit.Micros)),
        ParquetKind.LocalTimestamp => new Column<DateTime?>(name, LogicalType.Timestamp(isAdjustedToUtc: false, TimeUnit.Micros)),
        ParquetKind.Boolean => new Column<bool?>(name),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // A column of instants and dates mixed (a subscription log may mix them) has no one Parquet type: it stays text.
    private static ParquetKind Refined(ParquetKind kind, IEnumerable<string?> values) =>
        kind == ParquetKind.Timestamp && values.Any(v => v is not null && !v.EndsWith('Z')) ? ParquetKind.Text : kind;

    private static int Scale(string value) => value.IndexOf('.', StringComparison.Ordinal) is int dot and >= 0 ? value.Length - dot - 1 : 0;

    private static void WriteColumn(ColumnWriter column, ParquetKind kind, string?[] values)
    {
        switch (kind)
        {
            case ParquetKind.Text:
                Batch(column, values);
                break;
            case ParquetKind.ExactNumber:
                Batch(column, [.. values.Select(v => v is null ? (decimal?)null : decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture))]);
                break;
            case ParquetKind.FloatingPoint:
                Batch(column, [.. values.Select(v => v is null ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture))]);
                break;
            case ParquetKind.WholeNumber:
                Batch(column, [.. values.Select(v => v is null ? (long?)null : long.Parse(v, CultureInfo.InvariantCulture))]);
                break;
            case ParquetKind.Date:
                Batch(column, [.. values.Select(v => v is null ? (Date?)null : new Date(DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue)))]);
                break;
            case ParquetKind.Timestamp or ParquetKind.LocalTimestamp:
                // Only instants in the export form: a test that meant a date here has the wrong kind.
                Batch(column, [.. values.Select(v => v is null ? (DateTime?)null : DateTime.ParseExact(v, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))]);
                break;
            case ParquetKind.Boolean:
                Batch(column, [.. values.Select(v => v is null ? (bool?)null : bool.Parse(v))]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static void Batch<T>(ColumnWriter column, T[] values)
    {
        using LogicalColumnWriter<T> writer = column.LogicalWriter<T>();
        writer.WriteBatch(values);
    }
}
