using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Demo;
using CustomerSuccess.Revenue;
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
    public const string ContractsFile = "contracts.csv";

    private static readonly string[] AccountColumns = ["account_id", "name", "segment", "region", "industry", "csm"];
    private static readonly string[] RateColumns = ["month", "from", "to", "rate"];

    public static Portfolio Load(string accountsPath, string mrrPath, string? ratesPath, Currency reportingCurrency, int maxMonths)
    {
        List<PortfolioAccount> accounts = ReadAccounts(accountsPath);
        var known = accounts.ToDictionary(a => a.Id);
        ExchangeRateTable rates = ratesPath is null ? ExchangeRateTable.Empty : ReadRates(ratesPath);
        List<MrrRow> snapshots = ReadMrr(mrrPath, known, reportingCurrency, maxMonths);
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
            accounts.AppendJoin(',', CsvText.Quote(a.Id.Value), CsvText.Quote(a.Name), CsvText.Quote(a.Segment), CsvText.Quote(a.Region), CsvText.Quote(a.Industry), CsvText.Quote(a.Csm)).Append('\n');
        }

        var mrr = new StringBuilder("account_id,month,mrr,currency\n");
        foreach (MrrRow s in portfolio.Snapshots)
        {
            mrr.AppendJoin(',', CsvText.Quote(s.Account.Value), Month(s.Month), s.Mrr.Amount.ToString(CultureInfo.InvariantCulture), s.Mrr.Currency.Code).Append('\n');
        }

        var rates = new StringBuilder("month,from,to,rate\n");
        foreach (ExchangeRate r in portfolio.Rates.Rates)
        {
            rates.AppendJoin(',', Month(r.Month), r.From.Code, r.To.Code, r.Rate.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, AccountsFile), accounts.ToString());
        File.WriteAllText(Path.Combine(directory, MrrFile), mrr.ToString());
        File.WriteAllText(Path.Combine(directory, RatesFile), rates.ToString());
        File.WriteAllText(Path.Combine(directory, ContractsFile), ContractCsv.Format(portfolio.Contracts));
    }

    private static List<PortfolioAccount> ReadAccounts(string path)
    {
        using TableReader reader = TableReader.Open(path, AccountColumns);
        var accounts = new List<PortfolioAccount>();
        var lines = new Dictionary<AccountId, int>();
        while (reader.Read() is { } row)
        {
            AccountId id = MrrCsv.ParseAccountId(row);
            if (!lines.TryAdd(id, row.Line))
            {
                throw row.Error("account_id", $"account '{CliText.Quote(id.ToString())}' is already listed on {TablePlace.Row(path, lines[id])}.");
            }

            accounts.Add(new PortfolioAccount(id, row.Required("name"), row.Required("segment"), row.Required("region"), row.Required("industry"), row.Required("csm")));
        }

        return accounts;
    }

    private static List<MrrRow> ReadMrr(string path, Dictionary<AccountId, PortfolioAccount> accounts, Currency defaultCurrency, int maxMonths)
    {
        // Two rows for one account and month are two subscriptions: they add up (as in `retention`).
        var mrr = new Dictionary<(AccountId, YearMonth), Money>();
        var billedIn = new Dictionary<AccountId, (Currency Currency, int Line)>();
        var span = new MonthSpan(path, maxMonths);
        foreach ((MrrRow row, int line) in MrrCsv.ReadRows(path, null, defaultCurrency))
        {
            if (!accounts.ContainsKey(row.Account))
            {
                throw InputException.At(path, line, "account_id", $"account '{CliText.Quote(row.Account.Value)}' is not in the accounts file.");
            }

            // One currency per account, as `retention` requires: the table and CSV forms must accept the same files.
            if (!billedIn.TryAdd(row.Account, (row.Mrr.Currency, line)) && billedIn[row.Account] is var first && first.Currency != row.Mrr.Currency)
            {
                throw InputException.At(path, line, "currency", $"account '{CliText.Quote(row.Account.Value)}' is billed in {row.Mrr.Currency} here and in {first.Currency} on {TablePlace.Row(path, first.Line)}; an account is billed in one currency.");
            }

            span.Add(row.Month, line);
            var key = (row.Account, row.Month);
            if (!mrr.TryGetValue(key, out Money earlier))
            {
                mrr[key] = row.Mrr;
                continue;
            }

            try
            {
                mrr[key] = earlier + row.Mrr;
            }
            catch (OverflowException)
            {
                throw InputException.At(path, line, "mrr", $"the MRR rows of account '{CliText.Quote(row.Account.Value)}' for {Month(row.Month)} add up to more than the largest amount a decimal holds (about 7.9e28).");
            }
        }

        span.Check();

        var snapshots = new List<MrrRow>(mrr.Count);
        foreach (var ((account, month), amount) in mrr)
        {
            if (!amount.IsZero)
            {
                snapshots.Add(new MrrRow(account, month, amount));
            }
        }

        return snapshots;
    }

    public static ExchangeRateTable ReadRates(string path)
    {
        using TableReader reader = TableReader.Open(path, RateColumns);
        var builder = ExchangeRateTable.CreateBuilder();
        while (reader.Read() is { } row)
        {
            YearMonth month = MrrCsv.ParseMonth(row.Required("month"), problem => row.Error("month", problem));
            Currency from = MrrCsv.ParseCurrency(row, "from", row.Required("from"));
            Currency to = MrrCsv.ParseCurrency(row, "to", row.Required("to"));
            decimal rate = MrrCsv.ParseAmount(row, "rate");
            try
            {
                builder.Add(from, to, month, rate);
            }
            catch (ArgumentException e)
            {
                throw row.Error("rate", CliText.Message(e));
            }
        }

        return builder.Build();
    }

    private static string Month(YearMonth month) => YearMonthPattern.Iso.Format(month);

}
