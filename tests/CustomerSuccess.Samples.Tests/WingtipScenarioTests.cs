using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.SuccessPlans;
using NodaTime;
using CustomerSuccess.Demo;
using Xunit;

namespace CustomerSuccess.Samples.Tests;

/// <summary>Seed 002's Financiality story: the alerts, statuses and scores land on the days the seed gives.</summary>
public class WingtipScenarioTests
{
    private static readonly ScenarioResult Result = FinancialityScenario.Run();

    private static LocalDate D(int month, int day) => new(2026, month, day);

    private static IEnumerable<(LocalDate Day, string Rule, string? User)> AlertsOf(string rule) =>
        Result.Alerts.Where(a => a.RuleId == rule).Select(a => (a.RaisedAt.InUtc().Date, a.RuleId, a.Key));

    [Fact]
    public void Onboarding_IsAtRiskFromJuly2_BecauseTheSponsorIsAway_AndMissesTheEightWeekSla()
    {
        Assert.Equal(OnboardingStatus.OnTrack, Result.Onboarding[D(7, 1)].Status);
        Assert.Equal(OnboardingStatus.AtRisk, Result.Onboarding[D(7, 2)].Status);
        Assert.Equal(OnboardingStatus.AtRisk, Result.Onboarding[D(7, 16)].Status);
        Assert.Equal(D(9, 5), Result.Onboarding[D(7, 16)].ProjectedGoLive);
        Assert.Equal(OnboardingStatus.Missed, Result.Onboarding[D(9, 5)].Status);
        Assert.Equal(72, TimeToValue.Days(Result.Plan));
    }

    [Fact]
    public void HealthScore_StartsAugust15_IsCappedWhileOnboardingIsAtRisk_AndRisesTo78OnSeptember8()
    {
        Assert.False(Result.Scores[D(8, 15)].HasValue);                 // not live yet: undefined, not 0
        Assert.Equal(60, Result.Scores[D(9, 7)].Value, 9);               // the at-risk tag caps it
        Assert.Equal("yellow", Result.Scores[D(9, 7)].Band!.Value.Name);
        Assert.Equal(78, Result.Scores[D(9, 8)].Value, 9);               // the 5/5 survey removes the tag
        Assert.Equal("green", Result.Scores[D(9, 8)].Band!.Value.Name);
        Assert.True(Result.CohortPercentile >= 95, $"{Result.CohortPercentile}");   // the very high end of the Q2 cohort
    }

    [Fact]
    public void Alerts_FireOnTheSeedsDays()
    {
        Assert.Equal([(D(9, 18), "getting_started_tips", "new-ana"), (D(10, 9), "getting_started_tips", "new-carla"), (D(10, 27), "getting_started_tips", "new-eli")], AlertsOf("getting_started_tips"));
        Assert.Equal((D(9, 23), "power_user_reward", "analyst-01"), AlertsOf("power_user_reward").First());
        Assert.All(AlertsOf("power_user_reward"), a => Assert.True(a.Day >= D(9, 23)));
        Assert.Equal([(D(10, 7), "nps_detractor", "analyst-13")], AlertsOf("nps_detractor"));
        Assert.Equal([(D(11, 17), "support_case_spike", (string?)null)], AlertsOf("support_case_spike"));
        Assert.Empty(AlertsOf("usage_drop"));
        Alert danger = Result.Alerts.Single(a => a.Severity == AlertSeverity.Danger);
        Assert.Equal("count(support_case_opened, last 7d) = 5 (>= 5)", danger.EvidenceText());
        Assert.All(Result.Alerts, a => Assert.True(a.RaisedAt.InUtc().Date >= D(8, 15)));
    }

    [Fact]
    public void BusinessReview_OnDecember8_ShowsPlanProgressForTheFirst90Days()
    {
        MetricAssessment training = Result.Review.Single(m => m.Metric.Name == "Days to train a new analyst");

        Assert.Equal(20, training.Before);
        Assert.Equal(9, training.Current);
        Assert.Equal(11d / 13d, training.Progress!.Value, 9);
        Assert.Equal(MetricStatus.OnTrack, training.Status);
        Assert.Equal(D(12, 8), Result.Plan.MilestoneOf(MilestoneKind.BusinessReview)!.Completed);
        Assert.Contains(Result.Diary, e => e.Day == D(12, 8) && e.Text.StartsWith("EBR: Days to train a new analyst: 20 -> 9 days", StringComparison.Ordinal));
    }

    [Fact]
    public void Diary_IsInDayOrder_FromSignatureToTheReview()
    {
        Assert.Equal(D(6, 30), Result.Diary[0].Day);
        Assert.Equal(D(12, 8), Result.Diary[^1].Day);
        Assert.Equal(Result.Diary.OrderBy(e => e.Day).Select(e => e.Day), Result.Diary.Select(e => e.Day));
    }
}
