using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Demo;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Reporting;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// The portfolio report (<see cref="PortfolioReport"/>) and one account's business review (<see cref="AccountReviewPage"/>),
/// issue 19: each one HTML file that opens in any browser offline, drawn from the figures the other commands print.
/// </summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "The portfolio report (MRR, retention, cohorts, health, backtest, alerts) or one account's business review, as one self-contained HTML file.";

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "accounts", "mrr", "rates", "currency", MonthSpan.Option, "account", "plan", "measurements", "as-of", StoreInput.Option];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} report [--out <report.html>] [--accounts <accounts.csv> --mrr <mrr.csv> [--rates <rates.csv>] [--currency <code>]] [--store <store> [--as-of <yyyy-MM-dd>]]");
        output.WriteLine($"       {CliApp.ToolName} report --account <id> [--out <file.html>] [--plan <plan.json> --measurements <measurements.csv>] [--as-of <yyyy-MM-dd>]");
        output.WriteLine("                          [--store <store>] [--accounts <accounts.csv> --mrr <mrr.csv> [--rates <rates.csv>] [--currency <code>]]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --out <file>   where to write the report (default report.html; '-' writes it to standard output);");
        output.WriteLine("                 the file is replaced whole, or left as it was when anything fails");
        output.WriteLine("  --accounts, --mrr, --rates, --currency, --max-months");
        output.WriteLine("                 your portfolio, as the main job reads it (docs/cli.md); without them, the demo company.");
        output.WriteLine("                 From files the report has the revenue sections; health and alerts need the demo's facts");
        output.WriteLine("                 or a store:");
        output.WriteLine("  --store <store>  the health sections and the open alerts from the run a store recorded (run --store)");
        output.WriteLine("  --as-of <date>   that run's day (default: the last day of the last month with revenue)");
        output.WriteLine();
        output.WriteLine("One account's business review (--account):");
        output.WriteLine("  --account <id>        the account; its page goes to --out (default review-<id>.html)");
        output.WriteLine("  --plan, --measurements");
        output.WriteLine("                        its success plan and the metrics' measurements, as 'plan' reads them");
        output.WriteLine("  --as-of <date>        the day of the review (default: the last day of the last month with revenue)");
        output.WriteLine("  --store <store>       its health snapshots and alert log, as 'run --store' recorded them");
        output.WriteLine($"                        On the demo company with none of these, {WingtipDemo.Financiality} is seed 002's Financiality on its");
        output.WriteLine("                        December 8 review; any other demo account is reviewed as of the demo's last day.");
        output.WriteLine();
        output.WriteLine("Inline CSS and SVG, no script, a Content-Security-Policy that forbids scripts and remote loads: it opens");
        output.WriteLine("offline and prints on A4 or Letter. Every chart has a title, a description and its data table.");
        output.WriteLine("See docs/reporting.md.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        if (line.Value("account") is { } account)
        {
            return RunReview(line, new AccountId(account), output);
        }

        foreach (string option in new[] { "plan", "measurements" })
        {
            if (line.Value(option) is not null)
            {
                throw new UsageException($"--{option} is for one account's review; give --account <id> too.");
            }
        }

        bool stored = line.Value(StoreInput.Option) is not null;
        if (!stored && line.Value("as-of") is not null)
        {
            throw new UsageException("--as-of picks a stored run's day or a review's: give --store <store> or --account <id> too.");
        }

        string target = line.Value("out") ?? "report.html";
        bool demo = PortfolioCommand.IsBuiltInDemo(line);
        Portfolio portfolio = PortfolioCommand.LoadPortfolio(line, RevenueInput.ReportingCurrency(line));
        string source = line.Value("mrr") ?? "the demo data";
        if (portfolio.Snapshots.Count == 0 || portfolio.FirstMonth == portfolio.LastMonth)
        {
            throw new InputException($"{source}, field 'month': the report needs revenue in two months or more (movements are between months); {(portfolio.Snapshots.Count == 0 ? "there is none" : $"there is only {YearMonthPattern.Iso.Format(portfolio.FirstMonth)}")}.");
        }

        // A store's run gives the health and the alerts (of the portfolio's last day unless --as-of says otherwise).
        PortfolioScores? scores = stored
            ? PortfolioScores.OfStore(StoreInput.Open(line), portfolio, StoreInput.Date(line, "as-of") ?? LastDay(portfolio))
            : null;
        Progress.Stage("computing the report's figures");
        string html;
        try
        {
            html = PortfolioReport.Build(portfolio, demo && !stored ? DemoHistory.Generate(portfolio) : null, scores).Render();
        }
        catch (MissingExchangeRateException e)
        {
            throw new InputException($"{line.Value("rates") ?? source}: {CliText.Message(e)}");
        }
        catch (OverflowException e)
        {
            throw new InputException($"{source}: {CliText.Message(e)}");
        }

        return Write(html, target, output);
    }

    private static LocalDate LastDay(Portfolio portfolio) => portfolio.LastMonth.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);

    private static int Write(string html, string target, TextWriter output)
    {
        if (target == "-")
        {
            output.Write(html);
            return ExitCodes.Success;
        }

        InputFiles.Replace(target, html);
        output.WriteLine($"Wrote {target}.");
        return ExitCodes.Success;
    }

    // One account's business review: the demo's own story when nothing else is given, else the portfolio's revenue with
    // the plan and the store given.
    private static int RunReview(CommandLine line, AccountId id, TextWriter output)
    {
        string target = line.Value("out") ?? $"review-{PlanCommand.Slug(id.Value)}.html";
        string? planPath = line.Value("plan"), measurementsPath = line.Value("measurements");
        if ((planPath is null) != (measurementsPath is null))
        {
            throw new UsageException(planPath is null ? "--measurements needs --plan <plan.json>." : "--plan needs --measurements <measurements.csv> (an empty file with its header when nothing is measured yet).");
        }

        bool demo = PortfolioCommand.IsBuiltInDemo(line);
        Portfolio portfolio = PortfolioCommand.LoadPortfolio(line, RevenueInput.ReportingCurrency(line));
        PortfolioAccount account = portfolio.Accounts.FirstOrDefault(a => a.Id == id)
            ?? throw new InputException($"{line.Value("accounts") ?? "the demo data"}: account '{CliText.Quote(id.Value)}' is not in the portfolio{(demo ? $"; the demo's ids look like {portfolio.Accounts[0].Id} (see '{CliApp.ToolName} demo'), and seed 002's Financiality is {WingtipDemo.Financiality}" : string.Empty)}.");
        LocalDate? asOf = StoreInput.Date(line, "as-of");
        Progress.Stage("gathering the account's review");
        AccountReview review;
        try
        {
            review = demo && planPath is null && asOf is null && line.Value(StoreInput.Option) is null
                ? AccountReview.FromDemo(portfolio, account)
                : FromInputs(line, portfolio, account, planPath, measurementsPath, asOf ?? LastDay(portfolio));
        }
        catch (MissingExchangeRateException e)
        {
            throw new InputException($"{line.Value("rates") ?? line.Value("mrr") ?? "the demo data"}: {CliText.Message(e)}");
        }
        catch (OverflowException e)
        {
            throw new InputException($"{line.Value("mrr") ?? "the demo data"}: {CliText.Message(e)}");
        }

        return Write(AccountReviewPage.Build(review).Render(), target, output);
    }

    private static AccountReview FromInputs(CommandLine line, Portfolio portfolio, PortfolioAccount account, string? planPath, string? measurementsPath, LocalDate asOf)
    {
        SuccessPlan? plan = null;
        MetricAssessment[] metrics = [];
        if (planPath is not null)
        {
            plan = PlanCommand.ReadPlan(planPath);
            if (plan.Account != account.Id)
            {
                throw new InputException($"{planPath}, field 'account': the plan is for '{CliText.Quote(plan.Account.Value)}', not '{CliText.Quote(account.Id.Value)}'.");
            }

            Dictionary<string, List<Measurement>> measured = PlanCommand.ReadMeasurements(measurementsPath!, plan);
            try
            {
                metrics = [.. plan.Metrics.Select(m => MetricAssessment.Assess(m, measured.GetValueOrDefault(m.Name) ?? [], asOf))];
            }
            catch (ArgumentException e)
            {
                throw new InputException($"{planPath}: {CliText.Message(e)}");
            }
        }

        IReadOnlyList<ScoreSnapshot> health = [];
        HealthBands? bands = null;
        IReadOnlyList<AlertRecord> alerts = [];
        var sources = new List<string> { $"revenue from {line.Value("mrr") ?? "the demo company's billing"}" };
        if (line.Value(StoreInput.Option) is not null)
        {
            CliStore store = StoreInput.Open(line);
            IReadOnlyList<ScoreSnapshot> stored = StoreInput.Use(store, s => s.GetHistoryAsync(account.Id, new LocalDate(1900, 1, 1), asOf));
            if (stored.Count > 0)
            {
                // One model's line: the latest snapshot's (a model name carries across its versions).
                string model = stored[^1].ModelName;
                health = [.. stored.Where(s => string.Equals(s.ModelName, model, StringComparison.Ordinal))];
                bands = StoreInput.Use(store, s => s.GetModelAsync(stored[^1]))?.Bands;
            }

            alerts = [.. StoreInput.AlertsAsOf(store, asOf).Where(a => a.Identity.Account == account.Id)];
            sources.Add($"health snapshots and alerts from the store {store.Name}");
        }

        if (planPath is not null)
        {
            sources.Insert(0, $"the plan {planPath} with {measurementsPath}");
        }

        (IReadOnlyList<MrrMonthFigures> mrr, IReadOnlyList<Money>? cmrr) = AccountReview.Revenue(portfolio, account.Id);
        int months = mrr.Count(m => m.Month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1) <= asOf); // nothing after the review
        (mrr, cmrr) = ([.. mrr.Take(months)], cmrr is null ? null : [.. cmrr.Take(months)]);
        return new AccountReview(account, asOf, portfolio.ReportingCurrency, plan, metrics, health, bands, mrr, cmrr, alerts, "From " + string.Join("; ", sources));
    }
}
