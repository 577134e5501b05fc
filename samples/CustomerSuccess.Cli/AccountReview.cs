using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using AccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Cli;

/// <summary>
/// What one account's business review shows, gathered before anything is drawn: the success plan and its metrics as of
/// the review, the health score over time (as snapshots, the form the store keeps), month-end MRR with its movements and
/// committed MRR, and the alert log.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="AsOf">The day of the review.</param>
/// <param name="Currency">The currency of its revenue.</param>
/// <param name="Plan">Its success plan, or <see langword="null"/> when none is on record.</param>
/// <param name="Metrics">The plan's metrics assessed as of the review, in plan order.</param>
/// <param name="Health">Its health snapshots by date, one model's.</param>
/// <param name="Bands">The model's bands, for the reference lines, or <see langword="null"/> when not known.</param>
/// <param name="Mrr">Month-end MRR with the month's movements, from its first month to the last with revenue data.</param>
/// <param name="Cmrr">Committed MRR at each of those month ends, or <see langword="null"/> without contracts.</param>
/// <param name="Alerts">Its alerts, raised up to the review.</param>
/// <param name="Sources">Where the figures come from, in a sentence.</param>
internal sealed record AccountReview(
    PortfolioAccount Account,
    LocalDate AsOf,
    Currency Currency,
    SuccessPlan? Plan,
    IReadOnlyList<MetricAssessment> Metrics,
    IReadOnlyList<ScoreSnapshot> Health,
    HealthBands? Bands,
    IReadOnlyList<MrrMonthFigures> Mrr,
    IReadOnlyList<Money>? Cmrr,
    IReadOnlyList<AlertRecord> Alerts,
    string Sources)
{
    /// <summary>
    /// The review of a demo account: seed 002's Financiality on its December 8 business review (the plan, the daily
    /// score and Mary's alert log of the story, the demo's billing), or any other demo account as of the demo's last day
    /// (its month-end scores with the demo model, the alerts the demo rules raise then, no plan).
    /// </summary>
    public static AccountReview FromDemo(Portfolio portfolio, PortfolioAccount account)
    {
        (IReadOnlyList<MrrMonthFigures> mrr, IReadOnlyList<Money>? cmrr) = Revenue(portfolio, account.Id);
        if (account.Id == FinancialityScenario.Financiality)
        {
            ScenarioResult story = FinancialityScenario.Run();
            HealthModel model = FinancialityScenario.HealthModel;
            string hash = ScoreSnapshot.HashOf(model);
            return new AccountReview(account, FinancialityScenario.ReviewDay, portfolio.ReportingCurrency, story.Plan, story.Review,
                [.. story.Explanations.Select(e => ScoreSnapshot.Of(account.Id, e.Key, model.Name, hash, e.Value))], model.Bands, mrr, cmrr,
                [.. story.AlertLog.Where(a => a.Identity.Account == account.Id)],
                "Seed 002's story of Financiality (samples/CustomerSuccess.Demo/Financiality): its plan, its daily health score with the model 'wingtip-mid-market' and Mary Harrison's alert log; its MRR and contracts from the demo company's billing");
        }

        DemoHistory history = DemoHistory.Generate(portfolio);
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        string modelHash = ScoreSnapshot.HashOf(DemoHealthModel.Model);
        ScoreSnapshot[] health = [.. history.Snapshots.Where(s => s.Account == account.Id)
            .Select(s => ScoreSnapshot.Of(s.Account, s.AsOf, DemoHealthModel.Model.Name, modelHash, scorer.Explain(s.State, s.Context)))];
        AlertRecord[] alerts = [];
        if (history.Latest.TryGetValue(account.Id, out AccountFacts? _))
        {
            BehaviorEvaluator evaluator = DemoEvents.CreateEvaluator(portfolio, history.Latest);
            alerts = [.. evaluator.Alerts(RuleSet.Parse(DemoRules.Text), new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc), moreAccounts: history.Latest.Keys)
                .Where(a => a.Account == account.Id).Select(AlertRecord.Of)];
        }

        return new AccountReview(account, DemoFacts.AsOf.InUtc().Date, portfolio.ReportingCurrency, null, [], health, DemoHealthModel.Model.Bands, mrr, cmrr, alerts,
            $"The demo company: its month-end health snapshots scored with the model '{DemoHealthModel.Model.Name}', the alerts its rules raise over the 90 days of events to the last day, its billing and contracts; the demo keeps a success plan for Financiality ({WingtipDemo.Financiality}) only");
    }

    /// <summary>Month-end MRR with its movements, and CMRR at the same month ends when the portfolio has contracts.</summary>
    public static (IReadOnlyList<MrrMonthFigures> Mrr, IReadOnlyList<Money>? Cmrr) Revenue(Portfolio portfolio, AccountId account)
    {
        MrrRow[] rows = [.. portfolio.Snapshots.Where(r => r.Account == account)];
        if (rows.Length == 0)
        {
            return ([], null);
        }

        var options = new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates };
        YearMonth first = rows.Min(r => r.Month);

        // Movements from the month before its first: that month's figures show where it came from (new, or reactivated).
        MrrMonthFigures[] months = [.. MrrHistory.FromRows(rows, options).Movements(first.PlusMonths(-1), portfolio.LastMonth).TotalByMonth()];
        ContractLine[] lines = [.. portfolio.Contracts.Where(l => l.Account == account)];
        if (lines.Length == 0)
        {
            return (months, null);
        }

        CmrrLedger ledger = CmrrLedger.Create(lines, options);
        return (months, [.. months.Select(m => ledger.CmrrAt(m.Month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1)))]);
    }
}
