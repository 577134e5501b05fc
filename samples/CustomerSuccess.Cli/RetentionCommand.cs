using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>Monthly MRR movements and retention from an MRR snapshot file, optionally by a column.</summary>
internal sealed class RetentionCommand : ICommand
{
    internal static readonly string[] Columns =
    [
        "month", "opening_mrr", "new", "reactivation", "expansion", "contraction", "churn", "closing_mrr", "nrr", "grr", "quick_ratio",
        "logo_churn", "customers_opening", "customers_new", "customers_reactivated", "customers_churned", "customers_closing",
    ];

    public string Name => "retention";

    public string Summary => "Monthly MRR movements, NRR, GRR, quick ratio and logo churn from an MRR file.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["mrr", "by", "format", "currency", "rates", MonthSpan.Option, Threads.Option, SubscriptionInput.Option, .. SubscriptionInput.RangeOptions, .. SubscriptionInput.PolicyOptions];

    public IReadOnlyCollection<string> FlagOptions { get; } = ["nrr-includes-reactivation", "zero-mrr-keeps-customer"];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} retention (--mrr <file> [--by <column>] | --subscriptions <events.csv>) [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --mrr <file>                  MRR CSV: account_id,month,mrr[,currency] plus any columns for --by; rows in any order;");
        output.WriteLine("                                a month without a row means 0; two rows for one account and month add up");
        output.WriteLine("  --by <column>                 break figures down by a column (an account counts in its group of the month before)");
        SubscriptionInput.WriteHelp(output, range: true);
        output.WriteLine("                                (in place of --mrr: the same as 'mrr --subscriptions' piped to --mrr)");
        output.WriteLine("  --format csv|json             output format (default csv)");
        output.WriteLine("  --currency <code>             reporting currency (default USD); rows without a currency are in it");
        output.WriteLine("  --rates <file>                exchange rates CSV month,from,to,rate; needed when rows are in other currencies");
        output.WriteLine("  --nrr-includes-reactivation   count reactivated MRR in NRR (default: not, as ChartMogul)");
        output.WriteLine("  --zero-mrr-keeps-customer     a $0 row is a contraction, not churn (default: churn)");
        output.WriteLine("  --max-months <n>              the most months the file may span (default 1200)");
        output.WriteLine(Threads.Help(32) + " (a CSV file is parsed on them)");
        output.WriteLine();
        output.WriteLine("Output: one row per month after the first month in the file (with --by, per group, the group column first):");
        output.WriteLine("  " + string.Join(',', Columns));
        output.WriteLine("  and fx_impact last when the file holds more than one currency. Money is plain decimals; ratios are");
        output.WriteLine("  fractions (1.08, not 108%); an undefined figure (nothing to divide by) is an empty field.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        string? by = line.Value("by");
        MrrOptions options = RevenueInput.Options(line);
        MrrFile file = line.Value(SubscriptionInput.Option) is not null
            ? SubscriptionInput.History(line, options, range: true)
            : MrrFile.Read(line.Required("mrr", "<file>"), by, options, MonthSpan.MaxMonths(line), Threads.Read(line));
        string path = file.Path;
        if (file.FirstMonth is not { } first || file.LastMonth is not { } last || first == last)
        {
            throw new InputException(line.Value(SubscriptionInput.Option) is null
                ? $"{path}, field 'month': the file has rows for fewer than two months, so there are no movements to report."
                : $"{path}: the subscriptions bill fewer than two months, so there are no movements to report.");
        }

        file.CheckFigures(by, Period.Between(first.OnDayOfMonth(1), last.OnDayOfMonth(1), PeriodUnits.Months).Months);
        bool multipleCurrencies = file.MultipleCurrencies;
        MrrMovementReport report = file.Compute(history => history.Movements(first, last));
        var columns = new List<string>();
        if (by is not null)
        {
            columns.Add(by);
        }

        columns.AddRange(Columns);
        if (multipleCurrencies)
        {
            columns.Add("fx_impact");
        }

        IEnumerable<MrrMonthFigures> figures = by is null
            ? report.TotalByMonth()
            : report.Months.SelectMany(month => report.Groups.Select(group => report.ForGroup(group, month)));
        TableOutput.Write(output, format, columns, figures.Select(f => Row(f, by is not null, multipleCurrencies)));
        return ExitCodes.Success;
    }

    private static Cell[] Row(MrrMonthFigures f, bool grouped, bool fx)
    {
        var cells = new List<Cell>(Columns.Length + 2);
        if (grouped)
        {
            cells.Add(Cell.Of(f.Group));
        }

        cells.AddRange(
        [
            Cell.Of(YearMonthPattern.Iso.Format(f.Month)), Cell.Of(f.OpeningMrr), Cell.Of(f.New), Cell.Of(f.Reactivation), Cell.Of(f.Expansion),
            Cell.Of(f.Contraction), Cell.Of(f.Churn), Cell.Of(f.ClosingMrr), Cell.Of(f.Nrr), Cell.Of(f.Grr), Cell.Of(f.QuickRatio), Cell.Of(f.LogoChurn),
            Cell.Of(f.CustomersOpening), Cell.Of(f.CustomersNew), Cell.Of(f.CustomersReactivated), Cell.Of(f.CustomersChurned), Cell.Of(f.CustomersClosing),
        ]);
        if (fx)
        {
            cells.Add(Cell.Of(f.FxImpact));
        }

        return cells.ToArray();
    }
}

/// <summary>Cohort retention between two months from an MRR snapshot file, optionally by a column.</summary>
internal sealed class CohortRetentionCommand : ICommand
{
    internal static readonly string[] Columns = ["from", "to", "cohort_size", "opening_mrr", "closing_mrr", "nrr", "grr", "logo_churn"];

    public string Name => "cohort-retention";

    public string Summary => "NRR, GRR and gross logo churn of the accounts paying in one month, as of a later month.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["mrr", "from", "to", "by", "format", "currency", "rates", MonthSpan.Option, Threads.Option, SubscriptionInput.Option, .. SubscriptionInput.PolicyOptions];

    public IReadOnlyCollection<string> FlagOptions { get; } = ["zero-mrr-keeps-customer", "logo-churn-includes-new-accounts"];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} cohort-retention (--mrr <file> [--by <column>] | --subscriptions <events.csv>) --from <yyyy-MM> --to <yyyy-MM> [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine("The cohort is the accounts with MRR in --from; NRR = their MRR in --to / their MRR in --from; GRR caps each");
        output.WriteLine("account at its --from MRR; logo churn = cohort accounts without MRR in --to / cohort size. Amounts are at");
        output.WriteLine("--to's exchange rates (constant currency).");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --mrr <file>                        MRR CSV, as for 'retention'");
        output.WriteLine("  --subscriptions <file>              or a subscription log, as for 'mrr' (all its months; --zone <tz> and");
        output.WriteLine("                                      --discounts deduct|ignore as there)");
        output.WriteLine("  --from <yyyy-MM>, --to <yyyy-MM>    the opening and closing months");
        output.WriteLine("  --by <column>                       one row per group (an account's group in --from)");
        output.WriteLine("  --format csv|json                   output format (default csv)");
        output.WriteLine("  --currency <code>, --rates <file>   reporting currency and exchange rates, as for 'retention'");
        output.WriteLine("  --zero-mrr-keeps-customer           a $0 row keeps the account a customer (default: churn)");
        output.WriteLine("  --logo-churn-includes-new-accounts  also count accounts that started and left within the period");
        output.WriteLine("  --max-months <n>                    the most months the file may span (default 1200)");
        output.WriteLine(Threads.Help(38) + " (a CSV file is parsed on them)");
        output.WriteLine();
        output.WriteLine("Output columns: " + string.Join(',', Columns) + " (with --by, the group column first).");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        YearMonth from = MrrCsv.ParseMonth(line.Required("from", "<yyyy-MM>"), p => new UsageException("--from " + p));
        YearMonth to = MrrCsv.ParseMonth(line.Required("to", "<yyyy-MM>"), p => new UsageException("--to " + p));
        if (to <= from)
        {
            throw new UsageException($"--to {YearMonthPattern.Iso.Format(to)} must be after --from {YearMonthPattern.Iso.Format(from)}.");
        }

        string? by = line.Value("by");
        MrrFile file = line.Value(SubscriptionInput.Option) is not null
            ? SubscriptionInput.History(line, RevenueInput.Options(line), range: false)
            : MrrFile.Read(line.Required("mrr", "<file>"), by, RevenueInput.Options(line), MonthSpan.MaxMonths(line), Threads.Read(line));
        CohortReport report = file.Compute(history => history.Cohort(from, to));
        var columns = by is null ? Columns : [by, .. Columns];
        IEnumerable<CohortRetention> rows = by is null ? [report.Total] : report.Groups.Select(report.ForGroup);
        TableOutput.Write(output, format, columns, rows.Select(c => Row(c, by is not null)));
        return ExitCodes.Success;
    }

    private static Cell[] Row(CohortRetention c, bool grouped)
    {
        Cell[] cells =
        [
            Cell.Of(YearMonthPattern.Iso.Format(c.From)), Cell.Of(YearMonthPattern.Iso.Format(c.To)), Cell.Of(c.CohortSize),
            Cell.Of(c.OpeningMrr), Cell.Of(c.ClosingMrr), Cell.Of(c.Nrr), Cell.Of(c.Grr), Cell.Of(c.LogoChurn),
        ];
        return grouped ? [Cell.Of(c.Group), .. cells] : cells;
    }
}
