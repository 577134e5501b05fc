using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// Paying accounts and ARR (12 x MRR, converted into the reporting currency at the month's rate) for one month,
/// by segment and by region. Per-group figures add up to the totals.
/// </summary>
internal sealed class PortfolioSummary
{
    /// <summary>Accounts at or above this ARR are enterprise-size (seed 002: 15 customers above $150,000).</summary>
    public const decimal LargeArr = 150_000m;

    /// <summary>Accounts below this ARR are the small contracts Wingtip no longer sells (seed 002: about 200).</summary>
    public const decimal SmallArr = 10_000m;

    private PortfolioSummary(string company, YearMonth month, Currency currency, GroupFigures total, IReadOnlyList<GroupFigures> bySegment, IReadOnlyList<GroupFigures> byRegion, int large, int small)
    {
        Company = company;
        Month = month;
        Currency = currency;
        Total = total;
        BySegment = bySegment;
        ByRegion = byRegion;
        LargeAccounts = large;
        SmallAccounts = small;
    }

    public string Company { get; }

    public YearMonth Month { get; }

    public Currency Currency { get; }

    public GroupFigures Total { get; }

    public IReadOnlyList<GroupFigures> BySegment { get; }

    public IReadOnlyList<GroupFigures> ByRegion { get; }

    public int LargeAccounts { get; }

    public int SmallAccounts { get; }

    /// <summary>Summarises a portfolio as of a month.</summary>
    /// <exception cref="InputException">An amount cannot be converted for lack of a rate; the message names the account, currency pair and month.</exception>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="month">The month.</param>
    /// <param name="source">Where the MRR came from (the file), for messages.</param>
    public static PortfolioSummary Compute(Portfolio portfolio, YearMonth month, string source)
    {
        var accounts = portfolio.Accounts.ToDictionary(a => a.Id);
        var segments = new SortedDictionary<string, GroupFigures>(StringComparer.Ordinal);
        var regions = new SortedDictionary<string, GroupFigures>(StringComparer.Ordinal);
        Money total = Money.Zero(portfolio.ReportingCurrency);
        int count = 0, large = 0, small = 0;
        foreach (MrrRow snapshot in portfolio.Snapshots)
        {
            if (snapshot.Month != month)
            {
                continue;
            }

            Money arr;
            try
            {
                // MRR is converted and rounded to the cent per account, as the MRR movements do, before it is annualised:
                // every ARR figure is then whole cents, the groups add up to the total, and the total is 12 x the closing MRR.
                arr = portfolio.Rates.Convert(snapshot.Mrr, portfolio.ReportingCurrency, month).Round() * 12m;
            }
            catch (MissingExchangeRateException e)
            {
                throw new InputException($"{source}: account '{CliText.Quote(snapshot.Account.Value)}': {CliText.Message(e)} Pass the rates with --rates <file>.");
            }
            catch (OverflowException)
            {
                throw new InputException($"{source}: account '{CliText.Quote(snapshot.Account.Value)}' in {MonthText(month)}: its ARR is more than the largest amount a decimal holds (about 7.9e28).");
            }

            PortfolioAccount account = accounts[snapshot.Account];
            try
            {
                Add(segments, account.Segment, arr);
                Add(regions, account.Region, arr);
                total += arr;
            }
            catch (OverflowException)
            {
                throw new InputException($"{source}: account '{CliText.Quote(snapshot.Account.Value)}' in {MonthText(month)}: adding its ARR takes the portfolio's ARR past the largest amount a decimal holds (about 7.9e28).");
            }

            count++;
            large += arr.Amount >= LargeArr ? 1 : 0;
            small += arr.Amount < SmallArr ? 1 : 0;
        }

        return new PortfolioSummary(
            portfolio.CompanyName, month, portfolio.ReportingCurrency, new GroupFigures("Total", count, total),
            segments.Values.ToArray(), regions.Values.ToArray(), large, small);
    }

    public void WriteTable(TextWriter output)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{Company} portfolio, {MonthText(Month)} (ARR = 12 x MRR, in {Currency})"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"Paying accounts",-28}{Total.Accounts,16:N0}"));
        output.WriteLine(string.Create(c, $"{"ARR",-28}{Total.Arr.Amount,16:N2}"));
        output.WriteLine(string.Create(c, $"{"Average ARR",-28}{Format(Total.AverageArr),16}"));
        output.WriteLine(string.Create(c, $"{$"Accounts at {LargeArr:N0}+ ARR",-28}{LargeAccounts,16:N0}"));
        output.WriteLine(string.Create(c, $"{$"Accounts below {SmallArr:N0} ARR",-28}{SmallAccounts,16:N0}"));
        WriteGroups(output, "Segment", BySegment);
        WriteGroups(output, "Region", ByRegion);
    }

    /// <summary>
    /// Machine-readable form: header <c>dimension,group,accounts,arr,share,average_arr</c>; one row per segment,
    /// then per region, then <c>total,all</c>. Invariant numbers; share is a fraction; an undefined value is empty.
    /// </summary>
    public void WriteCsv(TextWriter output)
    {
        output.WriteLine("dimension,group,accounts,arr,share,average_arr");
        foreach (GroupFigures g in BySegment)
        {
            WriteCsvRow(output, "segment", g);
        }

        foreach (GroupFigures g in ByRegion)
        {
            WriteCsvRow(output, "region", g);
        }

        WriteCsvRow(output, "total", Total with { Name = "all" });
    }

    private void WriteCsvRow(TextWriter output, string dimension, GroupFigures g)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        Ratio share = Ratio.Of(g.Arr, Total.Arr);
        output.WriteLine(string.Create(c, $"{dimension},{g.Name},{g.Accounts},{g.Arr.Amount.ToString("F2", c)},{(share.HasValue ? share.Value.ToString("F4", c) : string.Empty)},{g.AverageArr?.ToString("F2", c)}"));
    }

    private void WriteGroups(TextWriter output, string dimension, IReadOnlyList<GroupFigures> groups)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{dimension,-14}{"Accounts",10}{"ARR",20}{"Share",10}{"Average ARR",16}"));
        foreach (GroupFigures g in groups.Append(Total))
        {
            output.WriteLine(string.Create(c, $"{g.Name,-14}{g.Accounts,10:N0}{g.Arr.Amount,20:N2}{Ratio.Of(g.Arr, Total.Arr).ToPercentString(),10}{Format(g.AverageArr),16}"));
        }
    }

    private static void Add(SortedDictionary<string, GroupFigures> groups, string name, Money arr)
    {
        groups[name] = groups.TryGetValue(name, out GroupFigures? g)
            ? g with { Accounts = g.Accounts + 1, Arr = g.Arr + arr }
            : new GroupFigures(name, 1, arr);
    }

    private static string Format(decimal? amount) =>
        amount is { } value ? value.ToString("N2", CultureInfo.InvariantCulture) : Ratio.UndefinedText;

    private static string MonthText(YearMonth month) => YearMonthPattern.Iso.Format(month);
}

/// <summary>Paying accounts and ARR of one group.</summary>
internal sealed record GroupFigures(string Name, int Accounts, Money Arr)
{
    /// <summary>Gets ARR per paying account, rounded to the minor unit; null (undefined) for an empty group.</summary>
    public decimal? AverageArr => Ratio.Of(Arr.Amount, Accounts).ToNullable() is { } average
        ? Math.Round(average, Arr.Currency.MinorUnits, MidpointRounding.AwayFromZero)
        : null;
}
