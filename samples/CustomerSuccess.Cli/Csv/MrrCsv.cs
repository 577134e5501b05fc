using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Revenue;
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
        var state = new RowState(defaultCurrency);
        while (reader.Read() is { } record)
        {
            yield return (Parse(record, groupColumn, defaultCurrency, state), record.Line);
        }
    }

    /// <summary>
    /// Reads the rows of an MRR file on up to <paramref name="threads"/> cores (<see cref="ParallelCsv{T, TState}"/>): the
    /// rows come out in file order with their line numbers, exactly as <see cref="ReadRows(string, string?, Currency)"/>
    /// gives them, and a bad row ends them at the same place with the same error.
    /// </summary>
    public static IEnumerable<(MrrRow Row, int Line)> ReadRows(string path, string? groupColumn, Currency defaultCurrency, int threads, int rangeBytes = ParallelCsv.RangeBytes)
    {
        string[] required = groupColumn is null ? RequiredColumns : [.. RequiredColumns, groupColumn];
        if (!ParallelCsv.TrySplit(path, required, threads, rangeBytes, out IReadOnlyList<CsvRange> ranges, out IReadOnlyList<string> columns))
        {
            return ReadRows(path, groupColumn, defaultCurrency);
        }

        return new ParallelCsv<MrrRow, RowState>(path, columns, 12, () => new RowState(defaultCurrency), (record, state) => Parse(record, groupColumn, defaultCurrency, state))
            .Read(ranges, threads);
    }

    private static MrrRow Parse(TableRecord record, string? groupColumn, Currency defaultCurrency, RowState state)
    {
        MrrRow row = ReadRow(record, groupColumn, defaultCurrency, state.Previous, ref state.Currency, ref state.Group);
        state.Previous = row.Account;
        return row;
    }

    // What a reader keeps from row to row (one per range when read in parallel): the previous row's account, currency
    // and group, reused when the next row has the same text.
    private sealed class RowState(Currency currency)
    {
        public AccountId Previous;
        public Currency Currency = currency;
        public string? Group;
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
