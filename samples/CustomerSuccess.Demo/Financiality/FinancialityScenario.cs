using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// Seed 002's day-by-day story of Wingtip and its new customer Financiality, replayed through the packages' public APIs:
/// the contract and onboarding plan (SuccessPlans), the CSM's rules over the product's events (Behaviors), and the account
/// health score (HealthScoring) with a behavior aggregate and the plan as signals through the Core contract.
/// </summary>
public static class FinancialityScenario
{
    /// <summary>Gets Financiality's account id: the demo company's (<see cref="WingtipDemo.Financiality"/>).</summary>
    public static AccountId Financiality => WingtipDemo.Financiality;

    /// <summary>Gets the day of the executive business review, the story's last day.</summary>
    public static LocalDate ReviewDay { get; } = new(2026, 12, 8);


    /// <summary>Mary's rules, set up on August 15 (seed 002), in the text form.</summary>
    public const string Rules = """
        rule usage_drop risk warning cooldown 30d message "Usage at {account} is down 25% or more"
          when change(count(login, last 30d), last 30d offset 30d) <= -25%

        rule licences_active opportunity info cooldown 30d message "More than 80% of {account}'s licences are active"
          when ratio(distinct_users(login, last 30d), fact(licences)) > 80%

        rule getting_started_tips trigger info cooldown forever per_user message "Send {user} the tips email and the Getting Started video"
          when first_seen(between 2026-09-11T00:00:00Z and 2026-11-03T00:00:00Z) and count(page_view, first 7d) < 3

        rule power_user_reward trigger info cooldown forever per_user message "Send {user} a $10 coffee card"
          when count(login, ever) >= 50 and count(page_view, ever) >= 500

        rule nps_detractor risk warning cooldown 90d per_user message "{user} answered the NPS survey as a detractor"
          when last_value(nps_response, last 1d) <= 6

        rule support_case_spike risk danger cooldown 7d message "{account} opened 5 support cases in the past seven days"
          when count(support_case_opened, last 7d) >= 5
        """;

    private const int Licences = 40;
    private static readonly DateTimeZone Zone = DateTimeZone.Utc;
    private static readonly SignalId Adoption = new("adoption.active_licences");
    private static readonly SignalId Satisfaction = new("onboarding.satisfaction");
    private static readonly SignalId AtRisk = new("onboarding.at_risk");

    /// <summary>Gets Financiality's health model (<c>wingtip-mid-market</c>): active licences, the onboarding survey, and the at-risk cap.</summary>
    /// <remarks>Declared after the signal ids it reads: static fields initialise in the order they are written.</remarks>
    public static HealthModel HealthModel { get; } = Model();

    /// <summary>Runs the scenario from June 30 to December 8, 2026.</summary>
    /// <returns>The diary and everything the test checks.</returns>
    public static ScenarioResult Run()
    {
        var diary = new List<DiaryEntry>();
        var plans = new SortedList<LocalDate, SuccessPlan>();
        var onboarding = new Dictionary<LocalDate, OnboardingAssessment>();

        // June 30: the contract, and a plan from the mid-market template.
        var arr = new Money(29_000m, Currency.USD);
        diary.Add(new(D(6, 30), $"Financiality signs for {arr} ARR ({arr.Divide(12).Round()} MRR) and the mid-market onboarding package"));
        SuccessPlan plan = Template.Instantiate("financiality-2026", Financiality, D(6, 30),
            new Dictionary<string, double> { ["Days to train a new analyst"] = 20, ["Analysts certified per month"] = 4 },
            new Dictionary<PlanRoleKind, string> { [PlanRoleKind.ExecutiveSponsor] = "Joe Smith", [PlanRoleKind.ProjectManager] = "Shannon Jones", [PlanRoleKind.Csm] = "Mary Harrison" });
        SuccessPlan.Builder withBullseye = plan.ToBuilder();
        withBullseye.Bullseye = Bullseye;
        plan = withBullseye.Build();
        plans[D(6, 30)] = plan;
        Onboard(D(7, 1));

        // July 2: Joe is on leave until July 14; with the 8-week SLA from signature the project is at risk.
        plan = plan.ToBuilder().SetRole(plan.ExecutiveSponsor! with { UnavailableUntil = D(7, 14) }).Build();
        plans[D(7, 2)] = plan;
        Onboard(D(7, 2));

        // July 16: kickoff; Joe agrees the success measures (the onboarding clock starts); go-live is set for September 5.
        plan = plan.Agree(D(7, 16), "Joe Smith").ToBuilder()
            .SetMilestone(plan.MilestoneOf(MilestoneKind.Kickoff)! with { Completed = D(7, 16) })
            .SetMilestone(plan.MilestoneOf(MilestoneKind.GoLive)! with { Due = D(9, 5) })
            .Build()
            .Activate(D(7, 16));
        plans[D(7, 16)] = plan;
        Onboard(D(7, 16));

        // September 5: go-live. September 26: the first analyst certified, first value.
        plan = plan.ToBuilder().SetMilestone(plan.MilestoneOf(MilestoneKind.GoLive)! with { Completed = D(9, 5) }).Build();
        plans[D(9, 5)] = plan;
        Onboard(D(9, 5));
        plan = plan.ToBuilder().SetMilestone(plan.MilestoneOf(MilestoneKind.FirstValue)! with { Completed = D(9, 26) }).Build();
        plans[D(9, 26)] = plan;
        diary.Add(new(D(9, 26), $"First value: the first analyst certified, {TimeToValue.Days(plan)} days after the success measures were agreed"));

        // The product's events, and the facts the rules read.
        List<BehaviorEvent> events = FinancialityEvents();
        events.AddRange(CohortEvents());
        var evaluator = new BehaviorEvaluator(EventStore.Create(events),
            Behaviors.AccountFacts.Create(events.Select(e => e.Account).Distinct().Select(a => (a, "licences", (decimal)Licences))));

        // August 15 onwards: Mary's rules and the health score, every evening.
        RuleSet rules = RuleSet.Parse(Rules);
        diary.Add(new(D(8, 15), $"Mary sets up {rules.Count} rules and starts Financiality's health score"));
        HealthScorer<ScoredAccount> scorer = HealthScorer.Create(HealthModel, Signals(evaluator));
        var financiality = new ScoredAccount(Financiality, day => plans.LastOrDefault(p => p.Key <= day).Value);
        var alerts = new List<Alert>();
        var scores = new Dictionary<LocalDate, HealthScore>();
        var explanations = new SortedDictionary<LocalDate, HealthExplanation>();
        for (LocalDate day = D(8, 15); day <= D(12, 8); day = day.PlusDays(1))
        {
            var evening = new SignalContext(Evening(day), Zone);
            foreach (Alert alert in evaluator.Alerts(rules, evening, alerts).Where(a => a.Account == Financiality))
            {
                alerts.Add(alert);
                diary.Add(new(day, $"{alert.Kind.ToString().ToLowerInvariant()} ({alert.Severity.ToString().ToLowerInvariant()}): {alert.Message}"));
            }

            HealthExplanation why = scorer.Explain(financiality, evening);
            HealthScore score = why.Score;
            if (day == D(8, 15) || !SameScore(scores[day.PlusDays(-1)], score))
            {
                diary.Add(new(day, $"Health score {score}"));
            }

            scores[day] = score;
            explanations[day] = why;
        }

        diary.Add(new(plan.SignedOn!.Value.PlusMonths(3), "The first NPS survey goes to Joe and every Financiality user, three months after signature"));

        // September 8: the score against the Q2 cohort (customers signed April to June).
        var september8 = new SignalContext(Evening(D(9, 8)), Zone);
        IEnumerable<HealthScore> cohort = CohortIds().Select(id => scorer.Score(new ScoredAccount(id, _ => null), september8)).Append(scores[D(9, 8)]);
        double percentile = HealthTrends.CohortPercentile(scores[D(9, 8)].Value, cohort)!.Value;
        diary.Add(new(D(9, 8), string.Create(CultureInfo.InvariantCulture, $"Health score {scores[D(9, 8)]} is at the {percentile:0}th percentile of the Q2 cohort")));

        // December 8: the executive business review, the first 90 days against the plan.
        plan = plan.ToBuilder().SetMilestone(plan.MilestoneOf(MilestoneKind.BusinessReview)! with { Completed = D(12, 8) }).Build();
        IReadOnlyList<MetricAssessment> review = plan.Metrics.Select(m => MetricAssessment.Assess(m, Measurements[m.Name], D(12, 8))).ToArray();
        foreach (MetricAssessment metric in review)
        {
            diary.Add(new(D(12, 8), string.Create(CultureInfo.InvariantCulture,
                $"EBR: {metric.Metric.Name}: {metric.Before:G4} -> {metric.Current:G4} {metric.Metric.Unit} (target {metric.Metric.Target:G4} by {metric.Metric.TargetDate:uuuu-MM-dd}), {metric.Progress * 100:0}% of the way, {metric.Status}")));
        }

        return new ScenarioResult(diary.OrderBy(e => e.Day).ToArray(), alerts, onboarding, scores, percentile, review, plan)
        {
            Explanations = explanations,
            AlertLog = [.. alerts.Select(FollowedUp)],
        };

        void Onboard(LocalDate day)
        {
            OnboardingAssessment assessment = OnboardingAssessment.Assess(plans.LastOrDefault(p => p.Key <= day).Value, day);
            onboarding[day] = assessment;
            diary.Add(new(day, $"Onboarding {assessment.Status}: {assessment.Reason}"));
        }
    }

    /// <summary>
    /// Mary's follow-up, as the alert log keeps it: a trigger is done when its email or reward goes out, the same day;
    /// seed 002 has her follow up the detractor "immediately" and the support-case spike the day it arrives.
    /// </summary>
    private static AlertRecord FollowedUp(Alert alert) => alert.Kind == RuleKind.Trigger || alert.RuleId is "nps_detractor" or "support_case_spike"
        ? AlertRecord.Of(alert).AcknowledgeAt(alert.RaisedAt.Plus(Duration.FromHours(1)), "Mary Harrison")
        : AlertRecord.Of(alert);

    /// <summary>The account the health score reads: its id, and the plan as it stood on a day.</summary>
    /// <param name="Id">The account.</param>
    /// <param name="PlanOn">The plan as of a day, or <see langword="null"/> for accounts without one.</param>
    public sealed record ScoredAccount(AccountId Id, Func<LocalDate, SuccessPlan?> PlanOn);

    /// <summary>The mid-market template: an 8-week onboarding, and targets set against the customer's baseline.</summary>
    public static PlanTemplate Template { get; } = new(
        "mid-market onboarding", "MidMarket", "Certify new analysts in a week, not a month",
        [
            new TemplateMetric("Days to train a new analyst", "days", MetricDirection.LowerIsBetter, "Median days from hire to certification", "Financiality LMS", -0.65, 180),
            new TemplateMetric("Analysts certified per month", "analysts", MetricDirection.HigherIsBetter, "Certifications issued in the month", "Wingtip reports", 1.0, 180),
        ],
        [
            new TemplateMilestone("Kickoff", MilestoneKind.Kickoff, 7, PlanRoleKind.ProjectManager),
            new TemplateMilestone("Go-live", MilestoneKind.GoLive, 56, PlanRoleKind.ProjectManager),
            new TemplateMilestone("First analyst certified", MilestoneKind.FirstValue, 90, PlanRoleKind.ExecutiveSponsor),
            new TemplateMilestone("Executive business review", MilestoneKind.BusinessReview, 161, PlanRoleKind.Csm),
        ],
        [
            new TemplateRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "Agrees the success measures and attends the reviews"),
            new TemplateRole(PlanParty.Vendor, PlanRoleKind.ProjectManager, "Runs the onboarding project"),
            new TemplateRole(PlanParty.Vendor, PlanRoleKind.Csm, "Owns the plan from go-live"),
        ],
        new NextPhase("Extend the training to the consulting division", NextPhaseKind.MorePeopleTeamsOrDivisions));

    /// <summary>
    /// Financiality's bullseye (seed 001): it sells analytics and consulting to banks and brokers, so what it must do well
    /// is bring new analysts to certified work; Joe Smith, its senior director of education, signed for that.
    /// </summary>
    private static CustomerBullseye Bullseye { get; } = new(
        "Serve banks and brokers with analysts certified on Wingtip within their first weeks",
        ["Training new analysts", "Certifying analysts", "Client analytics engagements"]);

    /// <summary>The plan's measurements as Financiality reported them at each month end.</summary>
    public static IReadOnlyDictionary<string, Measurement[]> Measurements { get; } = new Dictionary<string, Measurement[]>
    {
        ["Days to train a new analyst"] = [new(D(9, 30), 16), new(D(10, 31), 12), new(D(11, 30), 9)],
        ["Analysts certified per month"] = [new(D(9, 30), 5), new(D(10, 31), 6), new(D(11, 30), 7)],
    };

    /// <summary>
    /// The health model: active licences (weight 4) and the onboarding survey (weight 1), and the at-risk tag of an onboarding
    /// behind its SLA, which caps the score at 60 until the customer rates the onboarding 4 or higher.
    /// </summary>
    private static HealthModel Model() => HealthModel.CreateBuilder("wingtip-mid-market")
        .AddSignal(new HealthSignalDefinition(Adoption, Curve.Linear(0, 1), weight: 4, group: "adoption"))
        .AddSignal(new HealthSignalDefinition(Satisfaction, Curve.Linear(1, 5), weight: 1, group: "adoption"))
        .AddSignal(new HealthSignalDefinition(AtRisk, Curve.Boolean(whenTrue: 0, whenFalse: 100), weight: 0, group: "adoption"))
        .AddGate(new HealthGate(AtRisk, GateComparison.AtLeast, 1, GateEffect.Cap, 60, "onboarding at risk"))
        .Build();

    private static ISignal<ScoredAccount>[] Signals(BehaviorEvaluator evaluator)
    {
        ISignal<ScoredAccount> activeLicences = BehaviorSignals.Aggregate<ScoredAccount>(Adoption, evaluator,
            BehaviorAggregate.Ratio(BehaviorAggregate.DistinctUsers("login", BehaviorWindow.Last(Duration.FromDays(30))), BehaviorAggregate.Fact("licences")),
            a => a.Id, SignalTiming.Leading);
        ISignal<ScoredAccount> survey = BehaviorSignals.Aggregate<ScoredAccount>(Satisfaction, evaluator,
            BehaviorAggregate.LastValue("onboarding_survey", BehaviorWindow.Ever), a => a.Id, SignalTiming.Lagging);
        return
        [
            // Before go-live nobody uses the product: adoption is missing, not 0.
            Signal.Create<ScoredAccount>(Adoption, SignalTiming.Leading, (account, context) =>
                account.PlanOn(context.AsOfDate)?.MilestoneOf(MilestoneKind.GoLive)?.Completed is null && account.PlanOn(context.AsOfDate) is not null
                    ? SignalValue.Missing("not live yet")
                    : activeLicences.Measure(account, context)),
            survey,
            Signal.Create<ScoredAccount>(AtRisk, SignalTiming.Leading, (account, context) =>
            {
                if (account.PlanOn(context.AsOfDate) is not { } plan)
                {
                    return SignalValue.Missing("no onboarding plan");
                }

                OnboardingStatus status = OnboardingAssessment.Assess(plan, context.AsOfDate).Status;
                bool happy = survey.Measure(account, context).TryGetValue(out double rating) && rating >= 4;
                return SignalValue.Of(status is OnboardingStatus.AtRisk or OnboardingStatus.Missed && !happy);
            }),
        ];
    }

    /// <summary>Financiality's product events from go-live, shaped by seed 002's story.</summary>
    private static List<BehaviorEvent> FinancialityEvents()
    {
        var events = new List<BehaviorEvent>();
        void Add(string name, string user, Instant at, decimal value = 1, string? id = null) => events.Add(new BehaviorEvent(Financiality, name, at, value, user, id));

        // 29 analysts start on go-live day and log in every weekday; two power users every day.
        for (int u = 1; u <= 29; u++)
        {
            string user = $"analyst-{u:D2}";
            (int logins, int pages, bool daily) = u switch { 1 => (3, 27, true), 2 => (2, 20, true), _ => (1, 5, false) };
            Use(user, D(9, 5), logins, pages, daily);
        }

        // New users: three view fewer than 3 pages in their first week (seed 002's tips emails), two settle in at once.
        foreach ((string user, LocalDate first, bool light) in new[]
        {
            ("new-ana", D(9, 11), true), ("new-ben", D(9, 15), false), ("new-carla", D(10, 2), true), ("new-dev", D(10, 5), false), ("new-eli", D(10, 20), true),
        })
        {
            if (light)
            {
                Add("login", user, At(first, 10));
                Add("page_view", user, At(first, 10, 5));
                Add("page_view", user, At(first.PlusDays(3), 10, 5));
                Use(user, first.PlusDays(8), 1, 5, false);
            }
            else
            {
                Use(user, first, 1, 5, false);
            }
        }

        // September 8: Joe rates the onboarding 5 out of 5.
        Add("onboarding_survey", "joe.smith", At(D(9, 8), 11), 5);

        // September 30: the first NPS survey; answers come in over a week, one detractor on October 7.
        for (int u = 3; u <= 12; u++)
        {
            Add("nps_response", $"analyst-{u:D2}", At(D(9, 30).PlusDays(u % 7), 14), 8 + (u % 3));
        }

        Add("nps_response", "analyst-13", At(D(10, 7), 10), 4);

        // November 11 to 17: five support cases in seven days.
        foreach (LocalDate day in new[] { D(11, 11), D(11, 12), D(11, 13), D(11, 15), D(11, 17) })
        {
            Add("support_case_opened", "joe.smith", At(day, 9), 2, $"case-{day:MMdd}");
        }

        return events;

        void Use(string user, LocalDate from, int logins, int pages, bool daily)
        {
            for (LocalDate day = from; day <= D(12, 8); day = day.PlusDays(1))
            {
                // Everyone uses it on their first day (go-live was a Saturday); after that analysts work weekdays.
                if (!daily && day != from && day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
                {
                    continue;
                }

                for (int i = 0; i < logins; i++)
                {
                    Add("login", user, At(day, 8 + i));
                }

                for (int i = 0; i < pages; i++)
                {
                    Add("page_view", user, At(day, 8, 1 + i));
                }
            }
        }
    }

    private static IEnumerable<AccountId> CohortIds() => Enumerable.Range(1, 19).Select(i => new AccountId($"q2-customer-{i:D2}"));

    /// <summary>Nineteen other customers signed in Q2, live since the summer, with fewer active licences or a cooler survey.</summary>
    private static IEnumerable<BehaviorEvent> CohortEvents()
    {
        int i = 0;
        foreach (AccountId account in CohortIds())
        {
            i++;
            int users = 10 + i;          // 11 to 29 of 40 licences
            int rating = 3 + (i % 3);     // 3 to 5
            for (int u = 0; u < users; u++)
            {
                yield return new BehaviorEvent(account, "login", At(D(9, 1), 9, u), 1, $"{account}.user-{u}");
            }

            yield return new BehaviorEvent(account, "onboarding_survey", At(D(7, 15), 9), rating, $"{account}.sponsor");
        }
    }

    private static bool SameScore(HealthScore a, HealthScore b) =>
        a.HasValue == b.HasValue && (!a.HasValue || Math.Abs(a.Value - b.Value) < 0.05);

    private static LocalDate D(int month, int day) => new(2026, month, day);

    private static Instant At(LocalDate day, int hour, int minute = 0) => day.At(new LocalTime(hour, minute)).InZoneStrictly(Zone).ToInstant();

    private static Instant Evening(LocalDate day) => At(day, 18);
}
