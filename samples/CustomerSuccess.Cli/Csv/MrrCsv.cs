using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Revenue;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// The MRR snapshot file: header <c>account_id,month,mrr</c>, an optional <c>currency</c> column, and any other columns
/// (usable for breakdowns with <c>--by</c>). Rows in any order; a month without a row for an account means 0; two rows for
/// one account and month are two subscriptions and add up.
/// </summary>
internal static class MrrCsv
{
    internal static readonly string[] RequiredColumns = ["account_id", "month", "mrr"];

    /// <summary>Reads the rows of an MRR file, each with its line number.</summary>
    /// <param name="path">The file.</param>
    /// <param name="groupColumn">A column whose value becomes the row's group, or null.</param>
    /// <param name="defaultCurrency">The currency of rows without a currency value.</param>
    public static IEnumerable<(MrrRow Row, int Line)> ReadRows(string path, string? groupColumn, Currency defaultCurrency)
    {
        string[] required = groupColumn is null ? RequiredColumns : [.. RequiredColumns, groupColumn];
        using TableReader reader = TableReader.Open(path, required);
        AccountId previous = default;
        Currency currency = defaultCurrency;
        string? group = null;
        while (reader.Read() is { } record)
        {
            MrrRow row = ReadRow(record, groupColumn, defaultCurrency, previous, ref currency, ref group);
            previous = row.Account;
            yield return (row, record.Line);
        }
    }

    /// <summary>The bytes of CSV text each core parses at a time when an MRR file is read on several.</summary>
    internal const int RangeBytes = 1 << 18;

    /// <summary>
    /// Reads the rows of an MRR file on up to <paramref name="threads"/> cores: the file is cut into ranges of whole rows,
    /// parsed at once, and the rows come out in file order with their line numbers, exactly as
    /// <see cref="ReadRows(string, string?, Currency)"/> gives them; a bad row ends the rows at the same place with the same
    /// error, after every row before it. At most two ranges per core are held at a time, so memory stays bounded. A
    /// Parquet file, one core or a file too small to cut reads in order.
    /// </summary>
    public static IEnumerable<(MrrRow Row, int Line)> ReadRows(string path, string? groupColumn, Currency defaultCurrency, int threads, int rangeBytes = RangeBytes)
    {
        if (threads <= 1 || TableReader.IsParquet(path) || CsvRanges.Split(path, rangeBytes) is not { Count: > 1 } ranges)
        {
            return ReadRows(path, groupColumn, defaultCurrency);
        }

        string[] required = groupColumn is null ? RequiredColumns : [.. RequiredColumns, groupColumn];
        IReadOnlyList<string> columns;
        using (TableReader header = TableReader.Open(path, required))
        {
            columns = header.Columns;
        }

        return InOrder(ranges, threads * 2, range => ReadRange(path, columns, range, groupColumn, defaultCurrency));
    }

    // A range's rows, in a pooled array (a range's rows are few megabytes: fresh lists of them would be garbage on the
    // large object heap, which only a full collection frees), and the error that ended them early, thrown in file order.
    // Called once a range, its loop would run unoptimised for the first thirty ranges or so (call counting tiers a
    // method up after 30 calls, and a range's rows are too few for on-stack replacement): compiled optimised at once.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static RangeRows ReadRange(string path, IReadOnlyList<string> columns, CsvRange range, string? groupColumn, Currency defaultCurrency)
    {
        // The shortest row ("a,2026-01,1" and its line break) takes 12 bytes: the range holds no more rows than that allows.
        var rows = new RangeRows(RowBuffers.TryTake(out (MrrRow, int)[]? buffer) && buffer.Length > (range.End - range.Start) / 12 ? buffer : new (MrrRow, int)[((range.End - range.Start) / 12) + 1]);
        try
        {
            using CsvReader reader = CsvReader.OpenRange(path, columns, range);
            AccountId previous = default;
            Currency currency = defaultCurrency;
            string? group = null;
            while (reader.Read() is { } record)
            {
                MrrRow row = ReadRow(record, groupColumn, defaultCurrency, previous, ref currency, ref group);
                previous = row.Account;
                rows.Items[rows.Count++] = (row, record.Line);
            }
        }
        catch (InputException e)
        {
            rows.Error = e;
        }

        return rows;
    }

    // The row arrays of ranges taken, for the next ranges: as many as are ever in flight, each reused, none garbage.
    private static readonly System.Collections.Concurrent.ConcurrentBag<(MrrRow, int)[]> RowBuffers = [];

    private sealed class RangeRows((MrrRow Row, int Line)[] items)
    {
        public (MrrRow Row, int Line)[] Items { get; } = items;

        public int Count { get; set; }

        public InputException? Error { get; set; }
    }

    // Runs the parts at once, at most `window` at a time, and yields their rows in the parts' order.
    private static IEnumerable<(MrrRow Row, int Line)> InOrder(IReadOnlyList<CsvRange> ranges, int window, Func<CsvRange, RangeRows> read)
    {
        var pending = new Queue<Task<RangeRows>>();
        int next = 0;
        while (next < ranges.Count && pending.Count < window)
        {
            CsvRange range = ranges[next++];
            pending.Enqueue(Task.Run(() => read(range)));
        }

        while (pending.Count > 0)
        {
            RangeRows part = pending.Dequeue().GetAwaiter().GetResult();
            if (part.Error is null && next < ranges.Count)
            {
                CsvRange range = ranges[next++];
                pending.Enqueue(Task.Run(() => read(range)));
            }

            for (int i = 0; i < part.Count; i++)
            {
                yield return part.Items[i];
            }

            Array.Clear(part.Items, 0, part.Count); // the rows hold strings
            RowBuffers.Add(part.Items);
            if (part.Error is not null)
            {
                throw part.Error; // the rows after it are never read, as in order
            }
        }
    }

    public static YearMonth ParseMonth(string text, Func<string, Exception> error) => ParseMonth(text.AsSpan(), error);

    public static YearMonth ParseMonth(ReadOnlySpan<char> text, Func<string, Exception> error) =>
        TryParseMonth(text, out YearMonth month) ? month : throw error(NotAMonth(text));

    /// <summary>A row's month; the error names the row's line and the column (no closure per row, unlike a lambda).</summary>
    public static YearMonth ParseMonth(TableRecord record, string column)
    {
        ReadOnlySpan<char> text = record.RequiredSpan(column);
        return TryParseMonth(text, out YearMonth month) ? month : throw record.Error(column, NotAMonth(text));
    }

    private static bool TryParseMonth(ReadOnlySpan<char> text, out YearMonth month)
    {
        // yyyy-MM by hand: the month column is on every row, and the pattern parser would need a string.
        if (text.Length == 7 && text[4] == '-' && AllDigits(text[..4]) && AllDigits(text[5..]))
        {
            int year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
            int number = ((text[5] - '0') * 10) + (text[6] - '0');
            if (number is >= 1 and <= 12 && year >= 1)
            {
                month = new YearMonth(year, number);
                return true;
            }
        }

        month = default;
        return false;
    }

    private static string NotAMonth(ReadOnlySpan<char> text) => $"'{CliText.Quote(text)}' is not a month; use yyyy-MM, such as 2026-06.";

    public static decimal ParseAmount(TableRecord record, string column)
    {
        ReadOnlySpan<char> text = record.RequiredSpan(column);
        if (ExactDecimal.TryParse(text, out decimal value))
        {
            return value;
        }

        throw record.Error(column, decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? $"'{CliText.Quote(text)}' has more significant digits than an exact decimal holds (28); it would be rounded, so it is refused."
            : $"'{CliText.Quote(text)}' is not a number; write it like 1234.56 (a dot for decimals, no thousands separator), within 28 significant digits.");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static Currency ParseCurrency(TableRecord record, string column, string code) =>
        Currency.TryParse(code, out Currency currency)
            ? currency
            : throw record.Error(column, $"'{CliText.Quote(code)}' is not an ISO 4217 currency code such as USD or EUR.");

    public static AccountId ParseAccountId(TableRecord record)
    {
        string text = record.Required("account_id");
        return AccountId.TryParse(text, out AccountId id)
            ? id
            : throw record.Error("account_id", $"'{CliText.Quote(text)}' is not a valid account id (1 to {AccountId.MaxLength} characters, no control characters).");
    }

    // The previous row's currency and group are reused when this row has the same text: no string per row for them.
    private static MrrRow ReadRow(TableRecord record, string? groupColumn, Currency defaultCurrency, AccountId previous, ref Currency currency, ref string? group)
    {
        // Exports list an account's months together: reuse its id rather than allocate it again.
        AccountId account = !previous.IsDefault && record.RequiredSpan("account_id").SequenceEqual(previous.Value) ? previous : ParseAccountId(record);
        YearMonth month = ParseMonth(record, "month");
        decimal amount = ParseAmount(record, "mrr");
        if (amount < 0m)
        {
            throw record.Error("mrr", $"MRR cannot be negative ({amount.ToString(CultureInfo.InvariantCulture)}).");
        }

        ReadOnlySpan<char> code = record.Span("currency");
        if (code.IsEmpty)
        {
            currency = defaultCurrency;
        }
        else if (!code.SequenceEqual(currency.Code))
        {
            currency = ParseCurrency(record, "currency", code.ToString());
        }

        if (groupColumn is not null && (group is null || !record.RequiredSpan(groupColumn).SequenceEqual(group)))
        {
            group = record.Required(groupColumn);
        }

        return new MrrRow(account, month, new Money(amount, currency), group);
    }
}
