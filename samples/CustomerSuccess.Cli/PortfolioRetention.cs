using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// The retention part of the main job: trailing-twelve-months NRR, GRR and logo churn by segment (cohort method) and
/// the month's MRR movements.
/// </summary>
internal static class PortfolioRetention
{
    /// <summary>The portfolio's MRR history, each account in its segment, at the portfolio's rates.</summary>
    public static MrrHistory History(Portfolio portfolio)
    {
        var segments = portfolio.Accounts.ToDictionary(a => a.Id, a => a.Segment);
        return History(portfolio, account => segments[account]);
    }

    /// <summary>The portfolio's MRR history, each account in the group given, at the portfolio's rates.</summary>
    public static MrrHistory History(Portfolio portfolio, Func<AccountId, string> group)
    {
        var options = new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates };
        return MrrHistory.FromRows(portfolio.Snapshots.Select(r => new MrrRow(r.Account, r.Month, r.Mrr, group(r.Account))), options);
    }

    public static void WriteTable(Portfolio portfolio, YearMonth month, TextWriter output)
    {
        MrrHistory history = History(portfolio);
        CultureInfo c = CultureInfo.InvariantCulture;

        YearMonth yearBefore = month.PlusMonths(-12);
        output.WriteLine();
        if (yearBefore < portfolio.FirstMonth)
        {
            output.WriteLine(string.Create(c, $"Retention, trailing twelve months: needs revenue from {Iso(yearBefore)}; the data starts in {Iso(portfolio.FirstMonth)}."));
        }
        else
        {
            string title = string.Create(c, $"Retention, trailing twelve months ({Iso(yearBefore)} to {Iso(month)}; cohort method, at {Iso(month)} rates)");
            if (Available(() => history.TrailingTwelveMonths(month), title, output, out CohortReport? ttm))
            {
                output.WriteLine(title);
                output.WriteLine();
                output.WriteLine(string.Create(c, $"{"Segment",-14}{"Cohort",8}{"Opening MRR",16}{"Closing MRR",16}{"NRR",9}{"GRR",9}{"Logo churn",12}"));
                foreach (CohortRetention row in ttm.Groups.Select(ttm.ForGroup).Append(ttm.Total))
                {
                    string name = row.Group.Length == 0 ? "Total" : row.Group;
                    output.WriteLine(string.Create(c, $"{name,-14}{row.CohortSize,8:N0}{row.OpeningMrr.Amount,16:N2}{row.ClosingMrr.Amount,16:N2}{row.Nrr,9}{row.Grr,9}{row.LogoChurn,12}"));
                }
            }
        }

        WriteCmrrBridge(portfolio, month, output);
        if (month <= portfolio.FirstMonth)
        {
            return;
        }

        string movements = string.Create(c, $"MRR movements, {Iso(month)} ({portfolio.ReportingCurrency})");
        output.WriteLine();
        if (!Available(() => history.Movements(month.PlusMonths(-1), month), movements, output, out MrrMovementReport? report))
        {
            return;
        }

        MrrMonthFigures f = report.Total(month);
        output.WriteLine(movements);
        output.WriteLine();
        Line(output, "Opening MRR", f.OpeningMrr, f.CustomersOpening);
        Line(output, "+ FX impact", f.FxImpact, null);
        Line(output, "+ New", f.New, f.CustomersNew);
        Line(output, "+ Reactivation", f.Reactivation, f.CustomersReactivated);
        Line(output, "+ Expansion", f.Expansion, f.CustomersExpanded);
        Line(output, "- Contraction", f.Contraction, f.CustomersContracted);
        Line(output, "- Churn", f.Churn, f.CustomersChurned);
        Line(output, "Closing MRR", f.ClosingMrr, f.CustomersClosing);
        output.WriteLine();
        output.WriteLine(string.Create(c, $"NRR {f.Nrr}   GRR {f.Grr}   Quick ratio {f.QuickRatio.ToString("F2", c)}   Logo churn {f.LogoChurn.ToString("P2", c)}"));
    }

    private static void WriteCmrrBridge(Portfolio portfolio, YearMonth month, TextWriter output)
    {
        if (portfolio.Contracts.Count == 0)
        {
            return;
        }

        var options = new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates };
        CmrrLedger ledger = CmrrLedger.Create(portfolio.Contracts, options);
        LocalDate to = month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        LocalDate from = month.PlusMonths(-12).OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        CultureInfo c = CultureInfo.InvariantCulture;
        string title = string.Create(c, $"Committed MRR bridge, last twelve months ({LocalDatePattern.Iso.Format(from)} to {LocalDatePattern.Iso.Format(to)}, {portfolio.ReportingCurrency})");
        output.WriteLine();
        if (!Available(() => ledger.Bridge(from, to), title, output, out CmrrBridge? b))
        {
            return;
        }

        output.WriteLine(title);
        output.WriteLine();
        Line(output, "Opening CMRR", b.OpeningCmrr, b.CustomersOpening);
        Line(output, "+ FX impact", b.FxImpact, null);
        Line(output, "+ New", b.New, b.NewLines, "lines");
        Line(output, "+ Add-on", b.AddOn, b.AddOnLines, "lines");
        Line(output, "+ Upgrades, quantity", b.UpgradeQuantity, null);
        Line(output, "+ Upgrades, price", b.UpgradePrice, null);
        Line(output, "- Downgrades, quantity", b.DowngradeQuantity, null);
        Line(output, "- Downgrades, price", b.DowngradePrice, null);
        Line(output, "- Cancellations", b.Cancellations, b.CancelledLines, "lines");
        Line(output, "+ First-time archives", b.FirstTimeArchives, b.FirstTimeArchiveLines, "lines");
        Line(output, "Closing CMRR", b.ClosingCmrr, b.CustomersClosing);
        output.WriteLine();
        output.WriteLine(string.Create(c, $"{"Lost to",-24}{"Cancelled",16}{"Downgraded",16}"));
        foreach (CmrrLoss loss in b.LossesByReason.Concat(b.LossesByAvoidability))
        {
            output.WriteLine(string.Create(c, $"{loss.Key,-24}{loss.Cancellations.Amount,16:N2}{loss.Downgrades.Amount,16:N2}"));
        }
    }

    // A section the data cannot support (a rate the data lacks for a month it reaches back to) says so in its place
    // instead of failing the whole report: the summary above it stands.
    private static bool Available<T>(Func<T> compute, string title, TextWriter output, [NotNullWhen(true)] out T? result)
        where T : class
    {
        try
        {
            result = compute();
            return true;
        }
        catch (MissingExchangeRateException e)
        {
            output.WriteLine($"{title}: not available ({CliText.Message(e)})");
            result = null;
            return false;
        }
    }

    private static void Line(TextWriter output, string label, Money amount, int? count, string unit = "accounts") =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-24}{amount.Amount,16:N2}{(count is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " " + unit : string.Empty),16}"));

    private static string Iso(YearMonth month) => YearMonthPattern.Iso.Format(month);
}
