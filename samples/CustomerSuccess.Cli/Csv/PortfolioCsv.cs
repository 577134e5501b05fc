using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Demo;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// The portfolio's file formats, which <c>demo --out</c> writes and <c>portfolio --accounts --mrr --rates</c> reads:
/// accounts.csv (account_id,name,segment,region,industry,csm), mrr.csv (account_id,month,mrr,currency) and
/// rates.csv (month,from,to,rate). Months are yyyy-MM, amounts use a dot for decimals, currencies are ISO 4217.
/// </summary>
internal static class PortfolioCsv
{
    public const string AccountsFile = "accounts.csv";
    public const string MrrFile = "mrr.csv";
    public const string RatesFile = "rates.csv";

    private static readonly string[] AccountColumns = ["account_id", "name", "segment", "region", "industry", "csm"];
    private static readonly string[] MrrColumns = ["account_id", "month", "mrr"];
    private static readonly string[] RateColumns = ["month", "from", "to", "rate"];

    public static Portfolio Load(string accountsPath, string mrrPath, string? ratesPath, Currency reportingCurrency)
    {
        List<PortfolioAccount> accounts = ReadAccounts(accountsPath);
        var known = accounts.ToDictionary(a => a.Id);
        ExchangeRateTable rates = ratesPath is null ? ExchangeRateTable.Empty : ReadRates(ratesPath);
        List<MrrSnapshot> snapshots = ReadMrr(mrrPath, known, reportingCurrency);
        snapshots.Sort(static (a, b) => a.Month != b.Month ? a.Month.CompareTo(b.Month) : a.Account.CompareTo(b.Account));
        string company = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(accountsPath))) is { Length: > 0 } folder ? folder : "Portfolio";
        return new Portfolio(company, accounts, snapshots, rates, reportingCurrency);
    }

    public static void Write(Portfolio portfolio, string directory)
    {
        Directory.CreateDirectory(directory);
        var accounts = new StringBuilder("account_id,name,segment,region,industry,csm\n");
        foreach (PortfolioAccount a in portfolio.Accounts)
        {
            accounts.AppendJoin(',', Quote(a.Id.Value), Quote(a.Name), Quote(a.Segment), Quote(a.Region), Quote(a.Industry), Quote(a.Csm)).Append('\n');
        }

        var mrr = new StringBuilder("account_id,month,mrr,currency\n");
        foreach (MrrSnapshot s in portfolio.Snapshots)
        {
            mrr.AppendJoin(',', Quote(s.Account.Value), Month(s.Month), s.Mrr.Amount.ToString(CultureInfo.InvariantCulture), s.Mrr.Currency.Code).Append('\n');
        }

        var rates = new StringBuilder("month,from,to,rate\n");
        foreach (ExchangeRate r in portfolio.Rates.Rates)
        {
            rates.AppendJoin(',', Month(r.Month), r.From.Code, r.To.Code, r.Rate.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, AccountsFile), accounts.ToString());
        File.WriteAllText(Path.Combine(directory, MrrFile), mrr.ToString());
        File.WriteAllText(Path.Combine(directory, RatesFile), rates.ToString());
    }

    public static YearMonth ParseMonth(string text, Func<string, Exception> error)
    {
        ParseResult<YearMonth> result = YearMonthPattern.Iso.Parse(text);
        return result.Success ? result.Value : throw error($"'{text}' is not a month; use yyyy-MM, such as 2026-06.");
    }

    private static List<PortfolioAccount> ReadAccounts(string path)
    {
        using CsvReader reader = CsvReader.Open(path, AccountColumns);
        var accounts = new List<PortfolioAccount>();
        var lines = new Dictionary<AccountId, int>();
        while (reader.Read() is { } row)
        {
            AccountId id = ReadAccountId(row);
            if (!lines.TryAdd(id, row.Line))
            {
                throw row.Error("account_id", $"account '{id}' is already listed on line {lines[id]}.");
            }

            accounts.Add(new PortfolioAccount(id, row.Required("name"), row.Required("segment"), row.Required("region"), row.Required("industry"), row.Required("csm")));
        }

        return accounts;
    }

    private static List<MrrSnapshot> ReadMrr(string path, Dictionary<AccountId, PortfolioAccount> accounts, Currency defaultCurrency)
    {
        using CsvReader reader = CsvReader.Open(path, MrrColumns);
        var snapshots = new List<MrrSnapshot>();
        var lines = new Dictionary<(AccountId, YearMonth), int>();
        while (reader.Read() is { } row)
        {
            AccountId id = ReadAccountId(row);
            if (!accounts.ContainsKey(id))
            {
                throw row.Error("account_id", $"account '{id}' is not in the accounts file.");
            }

            YearMonth month = ParseMonth(row.Required("month"), problem => row.Error("month", problem));
            decimal amount = ReadDecimal(row, "mrr");
            if (amount < 0m)
            {
                throw row.Error("mrr", $"MRR cannot be negative ({amount.ToString(CultureInfo.InvariantCulture)}).");
            }

            Currency currency = defaultCurrency;
            if (row.Optional("currency") is { } code && !Currency.TryParse(code, out currency))
            {
                throw row.Error("currency", $"'{code}' is not an ISO 4217 currency code such as USD or EUR.");
            }

            if (!lines.TryAdd((id, month), row.Line))
            {
                throw row.Error("month", $"account '{id}' already has MRR for {Month(month)} on line {lines[(id, month)]}.");
            }

            if (amount > 0m)
            {
                snapshots.Add(new MrrSnapshot(id, month, new Money(amount, currency)));
            }
        }

        return snapshots;
    }

    private static ExchangeRateTable ReadRates(string path)
    {
        using CsvReader reader = CsvReader.Open(path, RateColumns);
        var builder = ExchangeRateTable.CreateBuilder();
        while (reader.Read() is { } row)
        {
            YearMonth month = ParseMonth(row.Required("month"), problem => row.Error("month", problem));
            Currency from = ReadCurrency(row, "from");
            Currency to = ReadCurrency(row, "to");
            decimal rate = ReadDecimal(row, "rate");
            try
            {
                builder.Add(from, to, month, rate);
            }
            catch (ArgumentException e)
            {
                throw row.Error("rate", e.Message);
            }
        }

        return builder.Build();
    }

    private static AccountId ReadAccountId(CsvRecord row)
    {
        string text = row.Required("account_id");
        return AccountId.TryParse(text, out AccountId id)
            ? id
            : throw row.Error("account_id", $"'{text}' is not a valid account id (1 to {AccountId.MaxLength} characters, no control characters).");
    }

    private static Currency ReadCurrency(CsvRecord row, string column)
    {
        string code = row.Required(column);
        return Currency.TryParse(code, out Currency currency)
            ? currency
            : throw row.Error(column, $"'{code}' is not an ISO 4217 currency code such as USD or EUR.");
    }

    private static decimal ReadDecimal(CsvRecord row, string column)
    {
        string text = row.Required(column);
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw row.Error(column, $"'{text}' is not a number; write it like 1234.56 (a dot for decimals, no thousands separator).");
    }

    private static string Month(YearMonth month) => YearMonthPattern.Iso.Format(month);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
