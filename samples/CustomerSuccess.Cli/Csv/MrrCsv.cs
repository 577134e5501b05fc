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
        using CsvReader reader = CsvReader.Open(path, required);
        AccountId previous = default;
        while (reader.Read() is { } record)
        {
            MrrRow row = ReadRow(record, groupColumn, defaultCurrency, previous);
            previous = row.Account;
            yield return (row, record.Line);
        }
    }

    public static YearMonth ParseMonth(string text, Func<string, Exception> error) => ParseMonth(text.AsSpan(), error);

    public static YearMonth ParseMonth(ReadOnlySpan<char> text, Func<string, Exception> error)
    {
        // yyyy-MM by hand: the month column is on every row, and the pattern parser would need a string.
        if (text.Length == 7 && text[4] == '-' && AllDigits(text[..4]) && AllDigits(text[5..]))
        {
            int year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
            int month = ((text[5] - '0') * 10) + (text[6] - '0');
            if (month is >= 1 and <= 12 && year >= 1)
            {
                return new YearMonth(year, month);
            }
        }

        throw error($"'{CliText.Quote(text)}' is not a month; use yyyy-MM, such as 2026-06.");
    }

    public static decimal ParseAmount(CsvRecord record, string column)
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

    public static Currency ParseCurrency(CsvRecord record, string column, string code) =>
        Currency.TryParse(code, out Currency currency)
            ? currency
            : throw record.Error(column, $"'{CliText.Quote(code)}' is not an ISO 4217 currency code such as USD or EUR.");

    public static AccountId ParseAccountId(CsvRecord record)
    {
        string text = record.Required("account_id");
        return AccountId.TryParse(text, out AccountId id)
            ? id
            : throw record.Error("account_id", $"'{CliText.Quote(text)}' is not a valid account id (1 to {AccountId.MaxLength} characters, no control characters).");
    }

    private static MrrRow ReadRow(CsvRecord record, string? groupColumn, Currency defaultCurrency, AccountId previous)
    {
        // Exports list an account's months together: reuse its id rather than allocate it again.
        AccountId account = !previous.IsDefault && record.RequiredSpan("account_id").SequenceEqual(previous.Value) ? previous : ParseAccountId(record);
        YearMonth month = ParseMonth(record.RequiredSpan("month"), problem => record.Error("month", problem));
        decimal amount = ParseAmount(record, "mrr");
        if (amount < 0m)
        {
            throw record.Error("mrr", $"MRR cannot be negative ({amount.ToString(CultureInfo.InvariantCulture)}).");
        }

        Currency currency = record.Optional("currency") is { } code ? ParseCurrency(record, "currency", code) : defaultCurrency;
        string? group = groupColumn is null ? null : record.Required(groupColumn);
        return new MrrRow(account, month, new Money(amount, currency), group);
    }
}
