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
/// The portfolio report's sections, drawn from the figures the other commands print: MRR over time, the last month's
/// movements, retention by segment, the cohort heatmap, the CMRR bridge; with health (the demo's, or a stored run's)
/// health bands by segment, the score distribution and the riskiest accounts; on the demo the backtest; and the alerts.
/// </summary>
internal static class PortfolioReport
{
    /// <summary>
    /// A portfolio's report; with the demo's health history, the health, predictive and alert sections too; with a stored
    /// run's scores, its health and its open alerts instead.
    /// </summary>
    public static ReportPage Build(Portfolio portfolio, DemoHistory? demo, PortfolioScores? stored = null)
    {
        IReadOnlyDictionary<AccountId, AccountFacts>? facts = demo?.Latest;
        YearMonth last = portfolio.LastMonth;
        MrrMovementReport movements = PortfolioRetention.History(portfolio).Movements(portfolio.FirstMonth, last);
        MrrMonthFigures[] months = [.. movements.TotalByMonth()];
        string currency = portfolio.ReportingCurrency.ToString();
        var page = new ReportPage($"{portfolio.CompanyName}: portfolio report", $"{Iso(portfolio.FirstMonth)} to {Iso(last)}, in {currency}");

        var table = new DataTable($"MRR, ARR and the month's movements ({currency})",
            ["Month", "MRR", "ARR", "New", "Reactivation", "Expansion", "Contraction", "Churn", "Customers"],
            [.. months.Select(m => (IReadOnlyList<string>)[Iso(m.Month), Money2(m.ClosingMrr.Amount), Money2(m.ClosingMrr.Amount * 12), Money2(m.New.Amount),
                Money2(m.Reactivation.Amount), Money2(m.Expansion.Amount), Money2(m.Contraction.Amount), Money2(m.Churn.Amount), Count(m.CustomersClosing)])]);
        page.AddSection("MRR and ARR over time",
            $"Month-end MRR of every paying account, converted to {currency} at each month's rate; ARR is twelve times MRR. The figures are those of '{CliApp.ToolName} retention' on the demo's files (closing_mrr and the movements).",
            new BarChart($"Month-end MRR ({currency})", $"One bar per month from {Iso(months[0].Month)} to {Iso(last)}; the height is the month's closing MRR.",
                "Month", [.. months.Select(m => Iso(m.Month))], [new ChartSeries("MRR", [.. months.Select(m => m.ClosingMrr.Amount)])], Money2, table));

        MrrMonthFigures f = months[^1];
        page.AddSection($"MRR movements, {Iso(last)}",
            $"From {Money2(f.OpeningMrr.Amount)} to {Money2(f.ClosingMrr.Amount)} {currency}: what new and returning accounts added, what existing ones added and took away, what churned accounts took with them, and what exchange rates moved.",
            new Waterfall($"Net new MRR, {Iso(last)} ({currency})",
                "Each bar is a movement from where the one before ended, up in green, down in vermillion, from zero; the last bar is the month's net change (closing minus opening MRR).",
                null,
                [("FX impact", f.FxImpact.Amount), ("New", f.New.Amount), ("Reactivation", f.Reactivation.Amount), ("Expansion", f.Expansion.Amount),
                    ("Contraction", -f.Contraction.Amount), ("Churn", -f.Churn.Amount)],
                ("Net change", f.ClosingMrr.Amount - f.OpeningMrr.Amount), Money2));

        AddMonthlyRetention(page, movements, months.Length);
        AddRetention(page, portfolio);
        AddCommitted(page, portfolio);
        PortfolioScores? scores = stored ?? (demo is null ? null : PortfolioScores.OfDemo(portfolio, demo));
        if (scores is null)
        {
            return page; // health needs the signals' facts, which only the demo has (as in the main job), or a store's runs
        }

        AddHealth(page, scores);
        if (stored is null)
        {
            AddPredictive(page, demo!);
            AddAlerts(page, portfolio, facts!);
        }
        else
        {
            AddStoredAlerts(page, portfolio, stored);
        }

        return page;
    }

    // Bands by segment, the score distribution and the riskiest accounts explained, from one day's snapshots.
    private static void AddHealth(ReportPage page, PortfolioScores scores)
    {
        HealthBands bands = scores.Bands;
        var counts = new SortedDictionary<string, (int[] Bands, int Undefined)>(StringComparer.Ordinal); // as HealthRollups.BandDistribution counts
        foreach ((PortfolioAccount account, ScoreSnapshot snapshot) in scores.Scored)
        {
            (int[] Bands, int Undefined) entry = counts.TryGetValue(account.Segment, out var e) ? e : (new int[bands.All.Count], 0);
            if (snapshot.Score.HasValue)
            {
                entry.Bands[bands.All.First(b => b.Name == snapshot.Band).Index]++;
            }
            else
            {
                entry.Undefined++;
            }

            counts[account.Segment] = entry;
        }

        string asOf = Iso(scores.AsOf);
        page.AddSection($"Health by segment, as of {asOf}",
            $"{scores.Source}; the bands as the main job counts them.",
            new BarChart("Accounts by health band and segment", "One bar per segment, its accounts stacked by band from red at the bottom to green at the top; undefined scores on top in grey.",
                "Segment", [.. counts.Keys],
                [.. bands.All.Select(b => new ChartSeries(b.Name, [.. counts.Values.Select(c => (decimal)c.Bands[b.Index])], BandColour(b.Name))),
                    new ChartSeries("undefined", [.. counts.Values.Select(c => (decimal)c.Undefined)], "#999999")],
                v => v.ToString("0", CultureInfo.InvariantCulture)));

        int[] histogram = new int[10];
        foreach ((_, ScoreSnapshot snapshot) in scores.Scored)
        {
            if (snapshot.Score is { } v)
            {
                histogram[Math.Min(9, (int)(v / 10))]++;
            }
        }

        page.AddSection($"Score distribution, as of {asOf}",
            $"How many accounts scored in each tenth of the scale; {scores.Scored.Count(s => !s.Snapshot.Score.HasValue)} undefined scores are not in it.",
            new BarChart("Accounts by health score", "One bar per ten points of score, from 0-10 on the left to 90-100 on the right (100 counts in the last).",
                "Score", [.. Enumerable.Range(0, 10).Select(b => $"{b * 10}-{(b * 10) + 10}")], [new ChartSeries("accounts", [.. histogram.Select(n => (decimal)n)])],
                v => v.ToString("0", CultureInfo.InvariantCulture)));

        var riskiest = scores.Scored.Where(s => s.Snapshot.Score.HasValue).OrderBy(s => s.Snapshot.Score!.Value).ThenBy(s => s.Account.Id).Take(10).ToArray();
        page.AddSection("The ten riskiest accounts",
            "The lowest scores, each with the signal that cost it most against a perfect score and the adjustments (gates, overrides) applied; then each explained: a signal's points (dark blue) inside the points it could give (pale), a missing signal's reason, an adjustment's points (vermillion).",
            [new DataTable("Riskiest accounts", ["Account", "Name", "Segment", "CSM", "Score", "Band", "Weakest signal", "Adjustments"],
                [.. riskiest.Select(r => Riskiest(r.Account, r.Snapshot))]),
                .. riskiest.Select(r => (ReportBlock)AccountReviewPage.Explained($"{r.Account.Id} {r.Account.Name}: {Score(r.Snapshot)}",
                    $"Each signal of the model '{r.Snapshot.ModelName}' in model order, then the adjustments; the points add up to the score.", r.Snapshot))]);
    }

    // The open alerts of a store as of the report's day: by rule and severity, and the danger ones with their evidence.
    private static void AddStoredAlerts(ReportPage page, Portfolio portfolio, PortfolioScores stored)
    {
        AlertRecord[] open = [.. stored.OpenAlerts];
        string[] rules = [.. open.Select(a => a.Identity.RuleId).Distinct().Order(StringComparer.Ordinal)];
        AlertSeverity[] severities = [AlertSeverity.Info, AlertSeverity.Warning, AlertSeverity.Danger];
        string[] colours = ["#56B4E9", "#E69F00", "#D55E00"];
        var names = portfolio.Accounts.ToDictionary(a => a.Id);
        int Open(string rule, AlertSeverity severity) => open.Count(a => a.Identity.RuleId == rule && a.Severity == severity);
        AlertRecord[] danger = [.. open.Where(a => a.Severity == AlertSeverity.Danger).OrderBy(a => a.Identity.Account.Value, StringComparer.Ordinal).ThenBy(a => a.RaisedAt).Take(10)];
        string asOf = Iso(stored.AsOf);
        var blocks = new List<ReportBlock>();
        if (rules.Length > 0)
        {
            blocks.Add(new BarChart("Open alerts by rule", "One bar per rule (ordinal order), stacked by severity: sky blue for info, orange for warning, vermillion for danger.",
                "Rule", rules, [.. severities.Select((v, i) => new ChartSeries(Lower(v), [.. rules.Select(r => (decimal)Open(r, v))], colours[i]))],
                v => v.ToString("0", CultureInfo.InvariantCulture),
                new DataTable("Open alerts by rule", ["Rule", "Info", "Warning", "Danger", "Open alerts"],
                    [.. rules.Select(r => (IReadOnlyList<string>)[r, Count(Open(r, AlertSeverity.Info)), Count(Open(r, AlertSeverity.Warning)), Count(Open(r, AlertSeverity.Danger)), Count(open.Count(a => a.Identity.RuleId == r))])])));
        }

        blocks.Add(new DataTable($"Open danger alerts (the first {danger.Length} of {open.Count(a => a.Severity == AlertSeverity.Danger)}, by account id)", ["Account", "Name", "Rule", "Raised", "Evidence"],
            [.. danger.Select(a => (IReadOnlyList<string>)[a.Identity.Account.Value, names.TryGetValue(a.Identity.Account, out PortfolioAccount? n) ? n.Name : string.Empty, a.Identity.RuleId, InstantPattern.General.Format(a.RaisedAt), a.Evidence])]));
        page.AddSection($"Open alerts, as of {asOf}",
            $"The alerts the store's runs raised up to {asOf} that nobody had acknowledged by then: {open.Length} in all; '{CliApp.ToolName} alerts list --store --open' lists them.",
            blocks);
    }

    private static string Score(ScoreSnapshot s) => s.Score is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "undefined";

    // Whether the score predicts churn: the demo model's month-end scores against the churn that followed, the figures of
    // 'backtest' over the files 'demo' writes (churn and lift by band, reliability by decile, each signal's lead time).
    private static void AddPredictive(ReportPage page, DemoHistory demo)
    {
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        ChurnHistory<AccountFacts> history = demo.ToChurnHistory();
        int[] horizons = PortfolioBacktest.Horizons;
        BacktestReport[] reports = [.. horizons.Select(h => HealthBacktest.Run(scorer, history, h))];
        IReadOnlyList<SignalLeadTime> leads = SignalLeadTime.Analyze(scorer, history, horizons);
        string[] names = [.. horizons.Select(h => $"{h}d")];
        string command = $"'{CliApp.ToolName} backtest --horizon {string.Join(',', names)}' over the files '{CliApp.ToolName} demo' writes";
        string Four(double? v) => TableOutput.Text(Predictive.Rounded(v));
        string FourRatio(Ratio v) => TableOutput.Text(Predictive.Rounded(v));
        string[] bands = [.. DemoHealthModel.Model.Bands.All.Select(b => b.Name)];
        decimal Lift(BacktestReport r, string band) => r.Bands.FirstOrDefault(b => b.Band == band) is { } b && b.Lift.TryGetValue(out decimal l) ? Math.Round(l, 4) : 0;

        page.AddSection($"Does the score predict churn? Backtest to {demo.ObservedUntil:uuuu-MM-dd}",
            $"The model '{DemoHealthModel.Model.Name}' scored every account at each month's end; each score is checked against whether the account churned within the horizon after it. Lift is a band's churn rate over the base rate: red should be well above 1, green below. The figures of {command}.",
            new DataTable("How well the score ranks churners (AUC; 0.5 is chance)", ["horizon", "snapshots", "churned", "auc", "auc_low", "auc_high", "unexpected_churn_rate"],
                [.. reports.Select(r => (IReadOnlyList<string>)[Count(r.HorizonDays), Count(r.Labelled), Count(r.Churned), Four(r.Auc), Four(r.AucLow), Four(r.AucHigh), FourRatio(r.UnexpectedChurn)])]),
            new BarChart("Lift by band and horizon", "Three bars per band, one per horizon (30, 90, 180 days): the band's churn rate over the base rate; 1 is the base rate.",
                "Band", bands, [.. reports.Select((r, i) => new ChartSeries(names[i], [.. bands.Select(b => Lift(r, b))]))],
                v => v.ToString("0.0000", CultureInfo.InvariantCulture),
                new DataTable("Churn and lift by band", ["horizon", "band", "snapshots", "churned", "churn_rate", "lift"],
                    [.. reports.SelectMany(r => r.Bands.Select(b => (IReadOnlyList<string>)[Count(r.HorizonDays), b.Band, Count(b.Snapshots), Count(b.Churned), FourRatio(b.ChurnRate), FourRatio(b.Lift)]))]),
                sideBySide: true),
            new LineChart("Reliability: churn by score decile (%)", "A line per horizon: the share of each tenth of the scores (lowest on the left) whose account churned within the horizon; it should fall from left to right.",
                "Decile", [.. Enumerable.Range(1, 10).Select(d => $"D{d}")],
                [.. reports.Select((r, i) => new LineSeries(names[i], [.. Enumerable.Range(1, 10).Select(d => r.Reliability.FirstOrDefault(x => x.Decile == d) is { } row ? Percent(row.ChurnRate) : null)]))],
                v => v.ToString("0.00", CultureInfo.InvariantCulture),
                table: new DataTable("Reliability by decile", ["horizon", "decile", "snapshots", "mean_score", "churn_rate"],
                    [.. reports.SelectMany(r => r.Reliability.Select(x => (IReadOnlyList<string>)[Count(r.HorizonDays), Count(x.Decile), Count(x.Snapshots), Four(x.MeanScore), FourRatio(x.ChurnRate)]))])),
            new LineChart("Lead time: each signal's AUC by horizon", "A line per signal across the horizons; a leading signal keeps its height as the horizon grows, a lagging one falls towards 0.5 (the dashed line, chance).",
                "Horizon", names, [.. leads.Select(l => new LineSeries(l.Signal.Value, [.. l.AucByHorizon.Select(a => a.Auc is { } v ? (decimal?)Math.Round((decimal)v, 4) : null)]))],
                v => v.ToString("0.0000", CultureInfo.InvariantCulture), (0, 1), [("chance", 0.5m)],
                new DataTable("Each signal's AUC by horizon", ["signal", "horizon", "auc", "suggested_tag", "tagged"],
                    [.. leads.SelectMany(l => l.AucByHorizon.Select(a => (IReadOnlyList<string>)[l.Signal.Value, Count(a.HorizonDays), Four(a.Auc), TableOutput.Text(Predictive.Tag(l.Suggested)), Predictive.TagName(l.Configured)]))])));
    }

    // The alerts the demo team's rules raise as of the last day: by rule, coloured by severity, and the danger ones with evidence.
    private static void AddAlerts(ReportPage page, Portfolio portfolio, IReadOnlyDictionary<AccountId, AccountFacts> facts)
    {
        BehaviorEvaluator evaluator = DemoEvents.CreateEvaluator(portfolio, facts);
        RuleSet rules = RuleSet.Parse(DemoRules.Text);
        IReadOnlyList<Alert> alerts = evaluator.Alerts(rules, new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc), moreAccounts: facts.Keys);
        BehaviorRule[] all = [.. rules];
        int Raised(BehaviorRule rule) => alerts.Count(a => a.RuleId == rule.Id);
        AlertSeverity[] severities = [AlertSeverity.Info, AlertSeverity.Warning, AlertSeverity.Danger];
        string[] colours = ["#56B4E9", "#E69F00", "#D55E00"];
        var names = portfolio.Accounts.ToDictionary(a => a.Id);
        Alert[] danger = [.. alerts.Where(a => a.Severity == AlertSeverity.Danger).Take(10)];
        string asOf = DemoFacts.AsOf.InUtc().Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        page.AddSection($"Alerts, as of {asOf}",
            $"What the demo team's {all.Length} rules raise over the 90 days of events to {asOf}, with no earlier alerts (no cooldowns): the figures of '{CliApp.ToolName} alerts' on the demo's files.",
            new BarChart("Alerts by rule", "One bar per rule, in the rule set's order, its colour the rule's severity: sky blue for info, orange for warning, vermillion for danger.",
                "Rule", [.. all.Select(r => r.Id)],
                [.. severities.Select((v, i) => new ChartSeries(Lower(v), [.. all.Select(r => r.Severity == v ? (decimal)Raised(r) : 0)], colours[i]))],
                v => v.ToString("0", CultureInfo.InvariantCulture),
                new DataTable("Alerts by rule", ["Rule", "Kind", "Severity", "Alerts"],
                    [.. all.Select(r => (IReadOnlyList<string>)[r.Id, Lower(r.Kind), Lower(r.Severity), Count(Raised(r))])])),
            new DataTable($"Danger alerts (the first {danger.Length} of {alerts.Count(a => a.Severity == AlertSeverity.Danger)}, by account id)", ["Account", "Name", "Rule", "Evidence"],
                [.. danger.Select(a => (IReadOnlyList<string>)[a.Account.Value, names[a.Account].Name, a.RuleId, a.EvidenceText()])]));
    }

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    // Each segment's monthly NRR and GRR over the last twelve months (or all the months there are), as two heatmaps.
    private static void AddMonthlyRetention(ReportPage page, MrrMovementReport movements, int count)
    {
        YearMonth[] months = [.. movements.Months.Skip(Math.Max(0, count - 12))];
        string[] rows = [.. movements.Groups, "Total"];
        MrrMonthFigures Figures(string row, YearMonth month) => row == "Total" && !movements.Groups.Contains("Total") ? movements.Total(month) : movements.ForGroup(row, month);
        Heatmap Map(string what, Func<MrrMonthFigures, Ratio> ratio) => new(
            $"Monthly {what} by segment (%)", $"A row per segment and the total, a column per month; the shade is the month's {what}, from pale (lowest) to dark blue (highest).",
            "Segment", rows, [.. months.Select(Iso)], [.. rows.Select(r => (IReadOnlyList<decimal?>)[.. months.Select(m => Percent(ratio(Figures(r, m))))])],
            v => v.ToString("0.00", CultureInfo.InvariantCulture));
        page.AddSection($"Monthly NRR and GRR by segment, {Iso(months[0])} to {Iso(months[^1])}",
            $"Each month's MRR of the accounts that paid the month before, over what they paid then: NRR counts their expansion, GRR only their losses. The total row is the nrr and grr of '{CliApp.ToolName} retention'.",
            Map("NRR", f => f.Nrr), Map("GRR", f => f.Grr));
    }

    // The committed-MRR bridge of the last twelve months (the contract ledger's, as the main job prints it) and what the
    // losses were put down to; only when the portfolio has contracts.
    private static void AddCommitted(ReportPage page, Portfolio portfolio)
    {
        if (portfolio.Contracts.Count == 0)
        {
            return;
        }

        YearMonth last = portfolio.LastMonth;
        LocalDate to = last.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1), from = last.PlusMonths(-12).OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        CmrrBridge b = CmrrLedger.Create(portfolio.Contracts, new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates }).Bridge(from, to);
        string currency = portfolio.ReportingCurrency.ToString(), period = $"{LocalDatePattern.Iso.Format(from)} to {LocalDatePattern.Iso.Format(to)}";
        CmrrLoss[] losses = [.. b.LossesByReason, .. b.LossesByAvoidability];
        page.AddSection($"Committed MRR, {period}",
            $"What the contracts commit to, from {Money2(b.OpeningCmrr.Amount)} to {Money2(b.ClosingCmrr.Amount)} {currency}: signed business counts the day it is signed, cancellations the day notice is given. The figures of '{CliApp.ToolName} cmrr --from {LocalDatePattern.Iso.Format(from)} --to {LocalDatePattern.Iso.Format(to)}' on the demo's contracts.",
            new Waterfall($"Net new committed MRR, {period} ({currency})",
                "Each bar is a movement from where the one before ended, up in green, down in vermillion, from zero; the last bar is the net change (closing minus opening CMRR).",
                null,
                [("FX impact", b.FxImpact.Amount), ("New", b.New.Amount), ("Add-on", b.AddOn.Amount), ("Upgrades, quantity", b.UpgradeQuantity.Amount),
                    ("Upgrades, price", b.UpgradePrice.Amount), ("Downgrades, quantity", -b.DowngradeQuantity.Amount), ("Downgrades, price", -b.DowngradePrice.Amount),
                    ("Cancellations", -b.Cancellations.Amount), ("First-time archives", b.FirstTimeArchives.Amount)],
                ("Net change", b.ClosingCmrr.Amount - b.OpeningCmrr.Amount), Money2),
            new BarChart($"Committed MRR lost, by reason and avoidability ({currency})",
                "One bar per churn reason, then one per avoidability; each stacks what cancellations (vermillion) and downgrades (orange) took away.",
                "Reason", [.. losses.Select(l => l.Key)],
                [new ChartSeries("Cancelled", [.. losses.Select(l => l.Cancellations.Amount)], "#D55E00"), new ChartSeries("Downgraded", [.. losses.Select(l => l.Downgrades.Amount)], "#E69F00")],
                Money2));
    }

    // Trailing-twelve-month NRR and GRR by segment (the cohort method, as the main job), and every first-paid month's
    // cohort followed month by month.
    private static void AddRetention(ReportPage page, Portfolio portfolio)
    {
        YearMonth last = portfolio.LastMonth, yearBefore = last.PlusMonths(-12);
        if (yearBefore >= portfolio.FirstMonth)
        {
            CohortReport ttm = PortfolioRetention.History(portfolio).TrailingTwelveMonths(last);
            CohortRetention[] rows = [.. ttm.Groups.Select(ttm.ForGroup), ttm.Total];
            string Name(CohortRetention r) => r.Group.Length == 0 ? "Total" : r.Group;
            page.AddSection($"Retention by segment, {Iso(yearBefore)} to {Iso(last)}",
                $"The accounts paying in {Iso(yearBefore)}, a year later: NRR is their MRR now over their MRR then (expansion counts), GRR caps each at its MRR then (only losses count), both at {Iso(last)} rates. The figures of '{CliApp.ToolName} cohort-retention --from {Iso(yearBefore)} --to {Iso(last)}'.",
                new BarChart("Trailing-twelve-month NRR and GRR by segment (%)", "Two bars per segment, NRR then GRR; 100% is every dollar of a year ago still paid.",
                    "Segment", [.. rows.Select(Name)],
                    [new ChartSeries("NRR", [.. rows.Select(r => Percent(r.Nrr) ?? 0)], ChartSeries.Palette[0]), new ChartSeries("GRR", [.. rows.Select(r => Percent(r.Grr) ?? 0)], ChartSeries.Palette[1])],
                    v => v.ToString("0.00", CultureInfo.InvariantCulture),
                    new DataTable($"Retention by segment, {Iso(yearBefore)} to {Iso(last)}", ["Segment", "Cohort", "Opening MRR", "Closing MRR", "NRR %", "GRR %", "Logo churn %"],
                        [.. rows.Select(r => (IReadOnlyList<string>)[Name(r), Count(r.CohortSize), Money2(r.OpeningMrr.Amount), Money2(r.ClosingMrr.Amount),
                            Percent2(r.Nrr), Percent2(r.Grr), Percent2(r.LogoChurn)])]),
                    sideBySide: true));
        }

        // Each account's cohort is the month it first paid; the first month's cohort holds every account paying then.
        Dictionary<AccountId, YearMonth> firstPaid = portfolio.Snapshots.Where(r => r.Mrr.Amount > 0).GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Min(r => r.Month));
        MrrHistory byCohort = PortfolioRetention.History(portfolio, a => firstPaid.TryGetValue(a, out YearMonth m) ? Iso(m) : "never paid");
        int months = MonthsBetween(portfolio.FirstMonth, last) + 1;
        var cohorts = new List<(string Label, IReadOnlyList<decimal?> Values)>();
        for (YearMonth cohort = portfolio.FirstMonth; cohort <= last; cohort = cohort.PlusMonths(1))
        {
            if (!byCohort.Groups.Contains(Iso(cohort)))
            {
                continue; // nobody first paid that month
            }

            var values = new decimal?[months];
            values[0] = 100; // a cohort's first month over itself
            for (int k = 1; cohort.PlusMonths(k) <= last; k++)
            {
                CohortReport report = byCohort.Cohort(cohort, cohort.PlusMonths(k));
                values[k] = report.Groups.Contains(Iso(cohort)) ? Percent(report.ForGroup(Iso(cohort)).Nrr) : null;
            }

            cohorts.Add((cohort == portfolio.FirstMonth ? $"{Iso(cohort)} and before" : Iso(cohort), values));
        }

        page.AddSection("Cohort retention by first-paid month",
            $"Each row is the accounts that first paid in a month; each cell their MRR that many months later as a share of their first month's (NRR, at the later month's rates). Darker is more retained. The first row is everyone paying in {Iso(portfolio.FirstMonth)}, when the data starts.",
            new Heatmap("Cohort NRR by months since first payment (%)", "A row per cohort, a column per month since its first payment; the shade is the cohort's NRR, from pale (lowest) to dark blue (highest).",
                "Cohort", [.. cohorts.Select(c => c.Label)], [.. Enumerable.Range(0, months).Select(k => $"M{k}")], [.. cohorts.Select(c => c.Values)],
                v => v.ToString("0.0", CultureInfo.InvariantCulture)));
    }

    private static decimal? Percent(Ratio ratio) => ratio.TryGetValue(out decimal v) ? Math.Round(v * 100, 2, MidpointRounding.ToEven) : null;

    private static string Percent2(Ratio ratio) => Percent(ratio) is { } p ? p.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;

    private static int MonthsBetween(YearMonth from, YearMonth to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    private static IReadOnlyList<string> Riskiest(PortfolioAccount account, ScoreSnapshot s)
    {
        SignalSnapshot? weakest = s.Signals.OrderBy(x => x.Contribution - (100 * x.Weight)).ThenBy(x => x.Signal.Value, StringComparer.Ordinal).FirstOrDefault();
        string signal = weakest is null ? string.Empty
            : weakest.Raw.IsPresent ? $"{weakest.Signal} ({weakest.Contribution.ToString("0.0", CultureInfo.InvariantCulture)} of {(100 * weakest.Weight).ToString("0.0", CultureInfo.InvariantCulture)} pts)"
            : $"{weakest.Signal} (missing: {weakest.Raw.MissingReason})";
        string adjustments = string.Join("; ", s.Adjustments.Select(a => $"{a.Kind.ToString().ToLowerInvariant()}: {a.Reason} ({a.Delta.ToString("0.0", CultureInfo.InvariantCulture)} pts)"));
        string score = s.Score is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : string.Empty;
        return [account.Id.Value, account.Name, account.Segment, account.Csm, score, s.Band ?? "undefined", signal, adjustments];
    }

    // The bands of the colour-blind-safe palette: green is bluish green, yellow is orange, red is vermillion.
    private static string? BandColour(string band) => band switch
    {
        "green" => "#009E73",
        "yellow" => "#E69F00",
        "red" => "#D55E00",
        _ => null,
    };

    private static string Money2(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Iso(YearMonth month) => YearMonthPattern.Iso.Format(month);

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
