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
    public static void WriteTable(Portfolio portfolio, YearMonth month, TextWriter output)
    {
        var segments = portfolio.Accounts.ToDictionary(a => a.Id, a => a.Segment);
        var options = new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates };
        MrrHistory history = MrrHistory.FromRows(portfolio.Snapshots.Select(r => new MrrRow(r.Account, r.Month, r.Mrr, segments[r.Account])), options);
        CultureInfo c = CultureInfo.InvariantCulture;

        YearMonth yearBefore = month.PlusMonths(-12);
        output.WriteLine();
        if (yearBefore < portfolio.FirstMonth)
        {
            output.WriteLine(string.Create(c, $"Retention, trailing twelve months: needs revenue from {Iso(yearBefore)}; the data starts in {Iso(portfolio.FirstMonth)}."));
        }
        else
        {
            CohortReport ttm = RevenueInput.Compute(() => history.TrailingTwelveMonths(month));
            output.WriteLine(string.Create(c, $"Retention, trailing twelve months ({Iso(yearBefore)} to {Iso(month)}; cohort method, at {Iso(month)} rates)"));
            output.WriteLine();
            output.WriteLine(string.Create(c, $"{"Segment",-14}{"Cohort",8}{"Opening MRR",16}{"Closing MRR",16}{"NRR",9}{"GRR",9}{"Logo churn",12}"));
            foreach (CohortRetention row in ttm.Groups.Select(ttm.ForGroup).Append(ttm.Total))
            {
                string name = row.Group.Length == 0 ? "Total" : row.Group;
                output.WriteLine(string.Create(c, $"{name,-14}{row.CohortSize,8:N0}{row.OpeningMrr.Amount,16:N2}{row.ClosingMrr.Amount,16:N2}{row.Nrr,9}{row.Grr,9}{row.LogoChurn,12}"));
            }
        }

        if (month <= portfolio.FirstMonth)
        {
            return;
        }

        MrrMonthFigures f = RevenueInput.Compute(() => history.Movements(month.PlusMonths(-1), month)).Total(month);
        output.WriteLine();
        output.WriteLine(string.Create(c, $"MRR movements, {Iso(month)} ({f.Currency})"));
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

    private static void Line(TextWriter output, string label, Money amount, int? customers) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-20}{amount.Amount,16:N2}{(customers is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " accounts" : string.Empty),16}"));

    private static string Iso(YearMonth month) => YearMonthPattern.Iso.Format(month);
}
