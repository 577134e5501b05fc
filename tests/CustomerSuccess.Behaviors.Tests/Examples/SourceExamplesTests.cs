using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>Every seed case of DESIGN section 5, as an example.</summary>
public class SourceExamplesTests
{
    private static readonly AccountId Financiality = new("financiality");
    private static readonly AccountId Contoso = new("contoso");

    private static Instant At(int month, int day, int hour = 12) => Instant.FromUtc(2026, month, day, hour, 0);

    private static SignalContext AsOf(int month, int day, int hour = 12) => new(At(month, day, hour), DateTimeZone.Utc);

    private static BehaviorEvent E(AccountId account, string name, Instant at, decimal value = 1, string? user = null, string? id = null) =>
        new(account, name, at, value, user, id);

    [Fact]
    public void SumsOfMoney_CompareExactlyWithTheirThresholds()
    {
        // In binary floating point 0.01 + 0.02 - 0.01 is 0.020000000000000004 and 7.98 + 7.49 + 4.49 is 19.959999999999997.
        var a = new AccountId("buyer-a");
        var b = new AccountId("buyer-b");
        var events = new List<BehaviorEvent>
        {
            E(a, "purchase", At(9, 1), 0.01m), E(a, "purchase", At(10, 1), 0.02m),
            E(b, "purchase", At(10, 1), 7.98m), E(b, "purchase", At(10, 5), 7.49m), E(b, "purchase", At(10, 9), 4.49m),
        };
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        SignalContext asOf = AsOf(10, 15);

        Assert.True(evaluator.Evaluate(BehaviorPredicate.Parse("sum(purchase, last 30d) == 0.02"), a, asOf).Matched);
        PredicateResult total = evaluator.Evaluate(BehaviorPredicate.Parse("sum(purchase, last 30d) >= 19.96"), b, asOf);
        Assert.True(total.Matched);
        Assert.Equal("sum(purchase, last 30d) = 19.96 (>= 19.96)", total.ToString());
        Assert.False(evaluator.Evaluate(BehaviorPredicate.Parse("sum(purchase, last 30d) > 19.96"), b, asOf).Matched);
    }

    [Fact]
    public void AUsersShareOfASeries_MayExceedWhatItsRunningSumsHold_AndStaysExact()
    {
        // Running sums of the series stay at 1e14 or 0; user a's own sum is 1e15, beyond a 64-bit count of ten-thousandths.
        var account = new AccountId("ledger");
        var events = Enumerable.Range(0, 20)
            .Select(i => E(account, "transfer", At(10, 1).Plus(Duration.FromMinutes(i)), i % 2 == 0 ? 100_000_000_000_000m : -100_000_000_000_000m, i % 2 == 0 ? "a" : "b"))
            .ToList();
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        var rules = RuleSet.Parse("rule big trigger info per_user\n  when sum(transfer, last 30d) >= 1000000000000000");

        Alert alert = Assert.Single(evaluator.Alerts(rules, AsOf(10, 15)));

        Assert.Equal("a", alert.Key);
        Assert.Equal("sum(transfer, last 30d) = 1000000000000000 (>= 1000000000000000)", alert.EvidenceText());
    }

    [Theory]
    [InlineData("0.00001")]
    [InlineData("100000000000000.0001")]
    public void EventValues_ThatCannotBeHeldExactly_AreRefused(string text)
    {
        decimal value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        ArgumentException e = Assert.Throws<ArgumentException>(() => E(Financiality, "purchase", At(10, 1), value));

        Assert.Equal("value", e.ParamName);
    }

    [Fact]
    public void AsOfAPastInstant_AccountsFirstSeenLater_AreNotJudged()
    {
        // CDNOW's shape: absent(purchase, last 120d) as of a day before a customer's first purchase must not list that customer.
        var early = new AccountId("early");
        var late = new AccountId("late");
        var events = new List<BehaviorEvent> { E(early, "purchase", At(1, 5)), E(late, "purchase", At(6, 1)) };
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        BehaviorPredicate lapsed = BehaviorPredicate.Parse("absent(purchase, last 30d)");
        var rules = RuleSet.Parse("rule lapsed risk warning\n  when absent(purchase, last 30d)");

        Assert.Equal([early], evaluator.Segment(lapsed, AsOf(3, 1)).Select(r => r.Account));
        Assert.Equal([early], evaluator.Alerts(rules, AsOf(3, 1)).Select(a => a.Account));
        Assert.Equal(1, evaluator.Compile(lapsed).CountMatches(AsOf(3, 1)));
        Assert.Equal([early, late], evaluator.Segment(lapsed, AsOf(3, 1), moreAccounts: [late]).Select(r => r.Account)); // named: judged
        Assert.Equal([early, late], evaluator.Segment(lapsed, AsOf(8, 1)).Select(r => r.Account));
    }

    [Fact]
    public void FiveSupportCasesInSevenDays_IsADangerAlert_OnNovember17()
    {
        var events = new List<BehaviorEvent> { E(Financiality, "support_case_opened", At(11, 10, 9)) }; // exactly 7 days before: outside (t - 7d, t]
        events.AddRange(Enumerable.Range(11, 5).Select(day => E(Financiality, "support_case_opened", At(11, day + 2, 9))));
        var rules = RuleSet.Parse("""
            # seed 002, November 17: "Financiality has opened 5 support cases in the past seven days"
            rule support_case_spike risk danger cooldown 7d message "{account} opened 5 support cases in 7 days"
              when count(support_case_opened, last 7d) >= 5
            """);
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));

        Alert alert = Assert.Single(evaluator.Alerts(rules, new SignalContext(At(11, 17, 9), DateTimeZone.Utc)));

        Assert.Equal(new AlertIdentity("support_case_spike", Financiality, null), alert.Identity);
        Assert.Equal((RuleKind.Risk, AlertSeverity.Danger), (alert.Kind, alert.Severity));
        Assert.Equal("financiality opened 5 support cases in 7 days", alert.Message);
        Assert.Equal("count(support_case_opened, last 7d) = 5 (>= 5)", alert.EvidenceText());
        Assert.Empty(evaluator.Alerts(rules, new SignalContext(At(11, 16, 8), DateTimeZone.Utc))); // Nov 10, 13, 14, 15: four
        Assert.Empty(evaluator.Alerts(rules, new SignalContext(At(11, 18, 9), DateTimeZone.Utc), earlier: [alert])); // cooldown
        Assert.Single(evaluator.Alerts(rules, new SignalContext(At(11, 18, 9), DateTimeZone.Utc)));
    }

    [Fact]
    public void UsageDownTwentyFivePercent_IsARisk_AndABaselineOfZeroIsUndefined()
    {
        BehaviorPredicate drop = BehaviorPredicate.Parse("change(sum(feature_use, last 30d), last 30d offset 30d) <= -25%");
        var events = new List<BehaviorEvent>
        {
            E(Financiality, "feature_use", At(9, 20), 100), E(Financiality, "feature_use", At(10, 20), 70),  // -30%
            E(Contoso, "feature_use", At(9, 20), 100), E(Contoso, "feature_use", At(10, 20), 80),            // -20%
            E(new AccountId("new-co"), "feature_use", At(10, 20), 80),                                        // no baseline
        };
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        SignalContext asOf = AsOf(11, 1);

        PredicateResult financiality = evaluator.Evaluate(drop, Financiality, asOf);
        Assert.True(financiality.Matched);
        Assert.Equal(-0.3m, financiality.Evidence[0].Observed!.Value.Number);
        Assert.Equal("change(sum(feature_use, last 30d), last 30d offset 30d) = -30% (<= -25%)", financiality.ToString());
        Assert.False(evaluator.Evaluate(drop, Contoso, asOf).Matched);
        PredicateResult newCo = evaluator.Evaluate(drop, new AccountId("new-co"), asOf);
        Assert.False(newCo.Matched);
        Assert.Null(newCo.Evidence[0].Observed);
        Assert.Contains("baseline is 0", newCo.ToString(), StringComparison.Ordinal);
        Assert.True(evaluator.Evaluate(BehaviorPredicate.Parse(drop + " when undefined true"), new AccountId("new-co"), asOf).Matched);
    }

    [Fact]
    public void MoreThanEightyPercentOfLicencesActive_IsAnOpportunity()
    {
        BehaviorPredicate active = BehaviorAggregate.Ratio(
            BehaviorAggregate.DistinctUsers("login", BehaviorWindow.Last(Duration.FromDays(30))),
            BehaviorAggregate.Fact("licences")).Is(ComparisonOperator.MoreThan, 0.8m);
        Assert.Equal("ratio(distinct_users(login, last 30d), fact(licences)) > 80%", active.ToString());
        var events = Enumerable.Range(1, 9).Select(u => E(Financiality, "login", At(10, 1 + u), user: "u" + u))
            .Concat(Enumerable.Range(1, 8).Select(u => E(Contoso, "login", At(10, 1 + u), user: "u" + u)));
        var facts = AccountFacts.Create([(Financiality, "licences", 10), (Contoso, "licences", 10)]);
        var evaluator = new BehaviorEvaluator(EventStore.Create(events), facts);

        Assert.True(evaluator.Evaluate(active, Financiality, AsOf(10, 20)).Matched);  // 90%
        Assert.False(evaluator.Evaluate(active, Contoso, AsOf(10, 20)).Matched);      // exactly 80% is not more than 80%
        Assert.False(evaluator.Evaluate(active, new AccountId("no-facts"), AsOf(10, 20)).Matched);
    }

    [Fact]
    public void FiftyLoginsAndFiveHundredPageViews_TriggersARewardPerUser_Once()
    {
        var rules = RuleSet.Parse("""
            rule power_user_reward trigger info cooldown forever per_user message "send {user} a reward"
              when count(login, ever) >= 50 and count(page_view, ever) >= 500
            """);
        var events = new List<BehaviorEvent>();
        for (int i = 0; i < 50; i++)
        {
            events.Add(E(Financiality, "login", At(9, 23) + Duration.FromHours(i), user: "joe"));
            events.Add(E(Financiality, "login", At(9, 23) + Duration.FromHours(i), user: "ann"));
        }

        events.Add(E(Financiality, "page_view", At(10, 1), 500, user: "joe"));  // value 1 each; 500 events below
        events.AddRange(Enumerable.Range(0, 500).Select(i => E(Financiality, "page_view", At(10, 2) + Duration.FromMinutes(i), user: "joe")));
        events.AddRange(Enumerable.Range(0, 499).Select(i => E(Financiality, "page_view", At(10, 2) + Duration.FromMinutes(i), user: "ann")));
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));

        Alert reward = Assert.Single(evaluator.Alerts(rules, AsOf(10, 5)));
        Assert.Equal(new AlertIdentity("power_user_reward", Financiality, "joe"), reward.Identity);
        Assert.Equal("send joe a reward", reward.Message);
        Assert.Empty(evaluator.Alerts(rules, AsOf(12, 5), earlier: [reward]));
    }

    [Fact]
    public void OldP1P2CaseAndThirtyDaysPastDue_ReadsTheCallersFacts()
    {
        BehaviorPredicate overdue = BehaviorPredicate.Parse("fact(oldest_open_p1_p2_case_days) > 10 and fact(days_past_due) > 30");
        var facts = AccountFacts.Create([
            (Financiality, "oldest_open_p1_p2_case_days", 12), (Financiality, "days_past_due", 31),
            (Contoso, "oldest_open_p1_p2_case_days", 12), (Contoso, "days_past_due", 30)]);
        var evaluator = new BehaviorEvaluator(EventStore.Empty, facts);

        IReadOnlyList<PredicateResult> segment = evaluator.Segment(overdue, AsOf(11, 1), [Financiality, Contoso, new AccountId("unknown")]);

        PredicateResult only = Assert.Single(segment);
        Assert.Equal(Financiality, only.Account);
        Assert.Equal("fact(oldest_open_p1_p2_case_days) = 12 (> 10); fact(days_past_due) = 31 (> 30)", only.ToString());
    }

    [Fact]
    public void KeyFeatureUsageDownOverSixMonths_AndNoOrNegativeSurveyAnswer()
    {
        // Seed 002: "customers whose usage of our key features is down by more than 20% over the past six months and who
        // either did not respond or gave us a negative score".
        BehaviorPredicate atRisk = BehaviorPredicate.Parse("""
            change(sum(key_feature_use, last 30d), last 30d offset 150d) < -20%
              and (absent(nps_response, last 180d) or last_value(nps_response, last 180d) <= 6)
            """);
        var silent = new AccountId("silent");
        var detractor = new AccountId("detractor");
        var promoter = new AccountId("promoter");
        var events = new List<BehaviorEvent>();
        foreach (AccountId account in new[] { silent, detractor, promoter })
        {
            events.Add(E(account, "key_feature_use", At(5, 20), 100));
            events.Add(E(account, "key_feature_use", At(10, 20), 70));
        }

        events.Add(E(detractor, "nps_response", At(7, 1), 9));
        events.Add(E(detractor, "nps_response", At(9, 1), 4));   // the latest answer is the detractor's
        events.Add(E(promoter, "nps_response", At(9, 1), 9));
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));

        var matches = evaluator.Segment(atRisk, AsOf(11, 1)).Select(r => r.Account.Value).ToArray();

        Assert.Equal(["detractor", "silent"], matches);
    }

    [Fact]
    public void NewUsersWhoViewedFewerThanThreePagesInTheirFirstSevenDays_AreJudgedOnceTheirWeekIsOver()
    {
        var rules = RuleSet.Parse("""
            rule getting_started_tips trigger info cooldown forever per_user
              when first_seen(between 2026-09-11T00:00:00Z and 2026-11-03T00:00:00Z) and count(page_view, first 7d) < 3
            """);
        var events = new List<BehaviorEvent>
        {
            E(Financiality, "login", At(9, 1), user: "sponsor"),                          // not new in the window
            E(Financiality, "page_view", At(9, 1), user: "sponsor"),
            E(Financiality, "login", At(9, 12), user: "new-light"),
            E(Financiality, "page_view", At(9, 13), user: "new-light"),
            E(Financiality, "page_view", At(9, 14), user: "new-light"),
            E(Financiality, "page_view", At(9, 25), user: "new-light"),                   // after the first 7 days
            E(Financiality, "login", At(9, 12), user: "new-heavy"),
        };
        events.AddRange(Enumerable.Range(0, 3).Select(i => E(Financiality, "page_view", At(9, 13) + Duration.FromHours(i), user: "new-heavy")));
        var evaluator = new BehaviorEvaluator(EventStore.Create(events));

        Assert.Empty(evaluator.Alerts(rules, AsOf(9, 15)));                               // their first 7 days are not over
        Alert tip = Assert.Single(evaluator.Alerts(rules, AsOf(9, 20)));
        Assert.Equal("new-light", tip.Key);
        Assert.True(evaluator.Evaluate(
            BehaviorPredicate.Parse("users(any, between 2026-09-11T00:00:00Z and 2026-11-03T00:00:00Z, count(page_view, first 7d) < 3)"),
            Financiality, AsOf(9, 20)).Matched);
    }

    [Fact]
    public void EssentialBehaviorEveryWeekForFourWeeks_IsEstablished_AndStoppingIsNoticed()
    {
        // Mondays to Sundays in UTC; 2026-10-26 is a Monday.
        var weekly = Enumerable.Range(0, 4).Select(w => E(Financiality, "run_forecast", Instant.FromUtc(2026, 10, 28, 10, 0) + Duration.FromDays(7 * w)));
        var evaluator = new BehaviorEvaluator(EventStore.Create(weekly));
        BehaviorPredicate established = BehaviorPredicate.Every("run_forecast", 4, CalendarUnit.Week);

        Assert.True(evaluator.Evaluate(established, Financiality, new SignalContext(Instant.FromUtc(2026, 11, 23, 9, 0), DateTimeZone.Utc)).Matched);
        Assert.False(evaluator.Evaluate(established, Financiality, new SignalContext(Instant.FromUtc(2026, 11, 30, 9, 0), DateTimeZone.Utc)).Matched);
        Assert.True(evaluator.Evaluate(
            BehaviorPredicate.Parse("stopped(run_forecast, last 14d, last 14d offset 14d)"), Financiality, new SignalContext(Instant.FromUtc(2026, 12, 8, 9, 0), DateTimeZone.Utc)).Matched);
    }

    [Fact]
    public void EventsWithTheSameId_AreKeptOnce()
    {
        EventStore store = EventStore.Create([
            E(Financiality, "support_case_opened", At(11, 12), id: "case-1"),
            E(Financiality, "support_case_opened", At(11, 12), id: "case-1"),
            E(Financiality, "support_case_opened", At(11, 13), id: "case-2"),
            E(Financiality, "support_case_opened", At(11, 13)),
        ]);

        Assert.Equal(3, store.Count);
    }

    [Fact]
    public void DefaultEvent_IsRejectedWithItsPosition()
    {
        var e = Assert.Throws<ArgumentException>(() => EventStore.Create([E(Financiality, "login", At(1, 1)), default]));
        Assert.Contains("Event 2", e.Message, StringComparison.Ordinal);
    }
}
