using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Reporting;
using CustomerSuccess.Revenue;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// One account's business review as a page (seed 001's measure + materialize, seed 002's December 8 EBR): the success
/// plan, its metrics with progress, trend and projection, the milestones and the next phase; the health score over time
/// with what moved it; MRR and committed MRR; the alerts, open first. The tables repeat the CLI's own outputs
/// (<c>plan</c>, <c>history</c>) so that the page and the files agree.
/// </summary>
internal static class AccountReviewPage
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static ReportPage Build(AccountReview review)
    {
        PortfolioAccount a = review.Account;
        var page = new ReportPage($"{a.Name}: business review, {Iso(review.AsOf)}",
            $"{a.Id} · {a.Segment} · {a.Region} · {a.Industry} · CSM {a.Csm}. {review.Sources}.");
        AddPlan(page, review);
        AddHealth(page, review);
        AddRevenue(page, review);
        AddAlerts(page, review);
        return page;
    }

    private static void AddPlan(ReportPage page, AccountReview review)
    {
        if (review.Plan is not { } plan)
        {
            page.AddSection("Success plan", $"No success plan is on record for {review.Account.Id}; give one with --plan and --measurements (docs/success-plans.md) to review its metrics here.");
            return;
        }

        var facts = new List<IReadOnlyList<string>>
        {
            new[] { "Plan", plan.Id },
            new[] { "Status", Lower(plan.Status) + (plan.StatusChangedOn is { } changed ? $" since {Iso(changed)}" : string.Empty) },
            new[] { "Signed", Iso(plan.SignedOn) },
            new[] { "Success measures agreed", Iso(plan.MeasuresAgreedOn) },
            new[] { "Time to value (days)", TimeToValue.Days(plan) is { } days ? days.ToString(C) : "not reached" },
        };
        if (plan.Bullseye is { } bullseye)
        {
            facts.Add(["Primary business objective", bullseye.PrimaryBusinessObjective]);
            facts.Add(["Key processes", string.Join("; ", bullseye.KeyProcesses)]);
        }

        facts.AddRange(plan.Roles.Select(r => (IReadOnlyList<string>)[$"{Words(r.Kind)} ({Lower(r.Party)})", $"{r.Person}: {r.Responsibility}"]));
        page.AddSection("Success plan", plan.Purpose.Length > 0 ? plan.Purpose : null, new DataTable($"Plan {plan.Id}", ["", "Value"], facts));

        DataTable metrics = new($"Success metrics as of {Iso(review.AsOf)} (the output of '{CliApp.ToolName} plan')", PlanCommand.Columns,
            [.. review.Metrics.Select(m => (IReadOnlyList<string>)[.. PlanCommand.Row(m).Select(TableOutput.Text)])]);
        page.AddSection($"Success metrics, as of {Iso(review.AsOf)}",
            "Each metric from its baseline: the measurements so far, the baseline and target levels, the target date, and the trend of the measurements projected to it. Progress is the share of the way from baseline to target; the status compares the projection with the target.",
            [metrics, .. review.Metrics.Select(m => (ReportBlock)new PackageChart($"{m.Metric.Name} ({m.Metric.Unit})", MetricChart.ToSvg(m), Measurements(m)))]);

        Milestone[] milestones = [.. plan.Milestones];
        string next = plan.NextPhase is { } phase ? $"Next phase ({Words(phase.Kind)}): {phase.Description}." : "No next phase is planned yet.";
        page.AddSection("Milestones and the next phase", next,
            new DataTable("Milestones", ["Milestone", "Kind", "Due", "Completed", "Owner", "State"],
                [.. milestones.Select(m => (IReadOnlyList<string>)[m.Name, Words(m.Kind), Iso(m.Due), Iso(m.Completed), m.Owner ?? string.Empty, State(m, review.AsOf)])]));
    }

    private static DataTable Measurements(MetricAssessment m) => new($"{m.Metric.Name}: baseline and measurements", ["Date", "Value", "What"],
        [
            [Iso(m.Metric.BaselineDate), Number(m.Metric.Baseline), "baseline"],
            .. m.Series.Select(s => (IReadOnlyList<string>)[Iso(s.On), Number(s.Value), "measured"]),
            .. m.Metric.Target is { } target && m.Metric.TargetDate is { } due ? [(IReadOnlyList<string>)[Iso(due), Number(target), "target"]] : Array.Empty<IReadOnlyList<string>>(),
            .. m.ProjectedAtTarget is { } projected && m.Metric.TargetDate is { } at ? [(IReadOnlyList<string>)[Iso(at), Number(projected), "projected by the trend"]] : Array.Empty<IReadOnlyList<string>>(),
        ]);

    private static string State(Milestone m, LocalDate asOf) =>
        m.Completed is { } done ? (m.Due is { } due && done > due ? $"done, {Period.Between(due, done, PeriodUnits.Days).Days} days late" : "done")
        : m.Due is { } d && d < asOf ? $"overdue by {Period.Between(d, asOf, PeriodUnits.Days).Days} days"
        : m.Due is not null ? "due" : "not scheduled";

    private static void AddHealth(ReportPage page, AccountReview review)
    {
        if (review.Health.Count == 0)
        {
            page.AddSection("Health score", $"No health score is recorded for {review.Account.Id} up to {Iso(review.AsOf)}.");
            return;
        }

        IReadOnlyList<(ScoreSnapshot Snapshot, ScoreChange? Moved, IReadOnlyList<Cell> Cells)> rows = HistoryCommand.Rows(review.Health);
        ScoreSnapshot first = review.Health[0], last = review.Health[^1];
        var references = review.Bands?.All.Where(b => b.LowerBound > 0).Select(b => ($"{b.Name} from {b.LowerBound.ToString("0.#", C)}", (decimal)b.LowerBound)).ToArray();

        // The days the score moved (or became defined, or undefined), and the first: the full series is in the store.
        var moved = new List<IReadOnlyList<string>>();
        for (int i = 0; i < rows.Count; i++)
        {
            ScoreSnapshot now = rows[i].Snapshot;
            ScoreSnapshot? before = i > 0 ? rows[i - 1].Snapshot : null;
            if (i == 0 || now.Score.HasValue != before!.Score.HasValue || now.Band != before.Band || rows[i].Moved is { Change: not 0 })
            {
                moved.Add([.. rows[i].Cells.Select(TableOutput.Text), MovedBy(before, now, rows[i].Moved)]);
            }
        }

        string kept = rows.Count == moved.Count ? "every snapshot" : $"the {moved.Count} snapshots where it moved, of {rows.Count}";
        page.AddSection($"Health score, {Iso(first.AsOf)} to {Iso(last.AsOf)}",
            $"The model '{last.ModelName}' scored {review.Account.Id} {rows.Count} times; a gap in the line is an undefined score (a signal the model needs was missing), not zero. The table lists {kept}, with the columns of '{CliApp.ToolName} history' and every contribution that moved.",
            new LineChart("Health score over time", $"The score from {Iso(first.AsOf)} to {Iso(last.AsOf)} on a scale of 0 to 100; the dashed lines are where the bands begin.",
                "Date", [.. review.Health.Select(s => Iso(s.AsOf))], [new LineSeries("score", [.. review.Health.Select(s => s.Score is { } v ? (decimal?)Math.Round((decimal)v, 1) : null)])],
                v => v.ToString("0.0", C), (0, 100), references,
                new DataTable("What moved the score", [.. HistoryCommand.Columns, "moved_by"], moved)),
            Explained(review.Account, last));
    }

    // Every signal whose points moved and every adjustment that came, went or changed, largest first.
    private static string MovedBy(ScoreSnapshot? before, ScoreSnapshot now, ScoreChange? moved)
    {
        if (before is null)
        {
            return now.Score.HasValue ? "first score" : "first snapshot, undefined: " + Missing(now);
        }

        if (!now.Score.HasValue)
        {
            return "undefined: " + Missing(now);
        }

        var parts = new List<(double Size, string Text)>();
        if (moved is not null)
        {
            parts.AddRange(moved.BySignal.Where(s => Math.Abs(s.Delta) >= 0.05).Select(s => (Math.Abs(s.Delta), $"{s.Id} {Points(s.Delta)}")));
        }
        else
        {
            // Defined again: the signals now measured that were missing.
            parts.AddRange(now.Signals.Where(s => s.Raw.IsPresent && before.Signals.FirstOrDefault(b => b.Signal == s.Signal) is { Raw.IsPresent: false })
                .Select(s => (s.Contribution, $"{s.Signal} measured ({Points(s.Contribution)})")));
        }

        foreach (ScoreAdjustment gone in before.Adjustments.Where(b => !now.Adjustments.Any(n => n.Kind == b.Kind && n.Reason == b.Reason)))
        {
            parts.Add((Math.Abs(gone.Delta), $"{Lower(gone.Kind)} lifted: {gone.Reason} ({Points(-gone.Delta)})"));
        }

        foreach (ScoreAdjustment came in now.Adjustments.Where(n => !before.Adjustments.Any(b => b.Kind == n.Kind && b.Reason == n.Reason)))
        {
            parts.Add((Math.Abs(came.Delta), $"{Lower(came.Kind)}: {came.Reason} ({Points(came.Delta)})"));
        }

        return parts.Count == 0 ? string.Empty : string.Join("; ", parts.OrderByDescending(p => p.Size).Select(p => p.Text));
    }

    private static string Missing(ScoreSnapshot s) => string.Join("; ", s.Signals.Where(x => !x.Raw.IsPresent).Select(x => $"{x.Signal} missing ({x.Raw.MissingReason})"));

    private static string Points(double delta) => (delta >= 0 ? "+" : string.Empty) + delta.ToString("0.0", C) + " pts";

    private static ContributionBars Explained(PortfolioAccount account, ScoreSnapshot s) =>
        Explained($"{account.Id} on {Iso(s.AsOf)}: {(s.Score is { } v ? v.ToString("0.0", C) : "undefined")}{(s.Band is { } band ? $" ({band})" : string.Empty)}",
            $"The latest score explained: each signal of the model '{s.ModelName}' in model order, its points inside the points it could give, then the adjustments; the points add up to the score.", s);

    /// <summary>A snapshot's explanation as bars: each signal's points of those it could give (or its missing reason), then the adjustments.</summary>
    internal static ContributionBars Explained(string title, string description, ScoreSnapshot s)
    {
        ContributionRow[] rows =
        [
            .. s.Signals.Select(x => x.Raw.IsPresent
                ? new ContributionRow(x.Signal.Value, (decimal)x.Contribution, (decimal)(100 * x.Weight), $"pts (raw {x.Raw.Value.ToString("0.##", C)})")
                : new ContributionRow(x.Signal.Value, null, 0, $"missing: {x.Raw.MissingReason}")),
            .. s.Adjustments.Select(x => new ContributionRow($"{Lower(x.Kind)}: {x.Reason}", (decimal)x.Delta, 0, "pts")),
        ];
        return new ContributionBars(title, description, rows, p => Math.Round(p, 1, MidpointRounding.ToEven).ToString("0.0", C));
    }

    private static void AddRevenue(ReportPage page, AccountReview review)
    {
        if (review.Mrr.Count == 0)
        {
            page.AddSection("MRR", $"{review.Account.Id} has no revenue in the billing data.");
            return;
        }

        string currency = review.Currency.ToString();
        IReadOnlyList<MrrMonthFigures> m = review.Mrr;
        bool committed = review.Cmrr is not null;
        var series = new List<ChartSeries> { new("MRR", [.. m.Select(x => x.ClosingMrr.Amount)], ChartSeries.Palette[0]) };
        if (review.Cmrr is { } cmrr)
        {
            series.Add(new ChartSeries("Committed MRR", [.. cmrr.Select(x => x.Amount)], ChartSeries.Palette[1]));
        }

        string[] columns = ["Month", "MRR", .. committed ? new[] { "CMRR" } : [], "New", "Reactivation", "Expansion", "Contraction", "Churn"];
        DataTable table = new($"MRR by month and its movements ({currency})", columns,
            [.. m.Select((x, i) => (IReadOnlyList<string>)[Iso(x.Month), Money2(x.ClosingMrr), .. committed ? new[] { Money2(review.Cmrr![i]) } : [],
                Money2(x.New), Money2(x.Reactivation), Money2(x.Expansion), Money2(x.Contraction), Money2(x.Churn)])]);
        page.AddSection($"MRR{(committed ? " and committed MRR" : string.Empty)}, {Iso(m[0].Month)} to {Iso(m[^1].Month)}",
            $"Month-end MRR in {currency} at each month's rate, as '{CliApp.ToolName} retention' counts it{(committed ? "; committed MRR is what its contracts commit to at the month's end ('cmrr'), which runs ahead of billing when a contract is signed before it starts" : string.Empty)}. The billing data runs to {Iso(m[^1].Month)}.",
            new BarChart($"Month-end MRR{(committed ? " and committed MRR" : string.Empty)} ({currency})", "One group per month: MRR (blue) beside committed MRR (orange).",
                "Month", [.. m.Select(x => Iso(x.Month))], series, v => v.ToString("0.00", C), table, sideBySide: true));
    }

    private static void AddAlerts(ReportPage page, AccountReview review)
    {
        AlertRecord[] alerts = [.. review.Alerts.OrderByDescending(a => a.RaisedAt).ThenBy(a => a.Identity.RuleId, StringComparer.Ordinal)];
        AlertRecord[] open = [.. alerts.Where(a => a.IsOpen)];
        AlertRecord[] done = [.. alerts.Where(a => !a.IsOpen)];
        string lead = alerts.Length == 0 ? $"No alert was raised for {review.Account.Id} up to {Iso(review.AsOf)}."
            : $"{open.Length} open of {alerts.Length} raised up to {Iso(review.AsOf)}, newest first; an alert is open until someone acknowledges it ('{CliApp.ToolName} alerts ack').";
        var blocks = new List<ReportBlock>
        {
            new DataTable($"Open alerts ({open.Length})", ["Raised", "Rule", "Kind", "Severity", "Who", "Message", "Evidence"],
                [.. open.Select(x => (IReadOnlyList<string>)[Time(x.RaisedAt), x.Identity.RuleId, Lower(x.Kind), Lower(x.Severity), x.Identity.Key ?? string.Empty, x.Message, x.Evidence])]),
        };
        if (done.Length > 0)
        {
            blocks.Add(new DataTable($"Acknowledged alerts ({done.Length})", ["Raised", "Rule", "Severity", "Message", "Acknowledged", "By"],
                [.. done.Select(x => (IReadOnlyList<string>)[Time(x.RaisedAt), x.Identity.RuleId, Lower(x.Severity), x.Message, Time(x.AcknowledgedAt!.Value), x.AcknowledgedBy ?? string.Empty])]));
        }

        page.AddSection("Alerts", lead, blocks);
    }

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    // PascalCase enum names as words: ExecutiveSponsor -> executive sponsor.
    private static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => string.Concat(value.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static string Number(double value) => Math.Round((decimal)value, 10).ToString(C);

    private static string Money2(Money money) => money.Amount.ToString("0.00", C);

    private static string Iso(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Iso(YearMonth month) => YearMonthPattern.Iso.Format(month);

    private static string Time(Instant instant) => InstantPattern.General.Format(instant);
}
