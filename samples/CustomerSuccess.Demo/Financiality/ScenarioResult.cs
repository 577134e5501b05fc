using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>One line of the diary: what the customer success system shows on a day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Text">What happened.</param>
public sealed record DiaryEntry(LocalDate Day, string Text)
{
    /// <summary>Returns "yyyy-MM-dd  text".</summary>
    /// <returns>The line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Day:uuuu-MM-dd}  {Text}");
}

/// <summary>Everything the scenario produced, for the diary and for the test that checks the days.</summary>
/// <param name="Diary">The diary, by day.</param>
/// <param name="Alerts">Every alert raised, by day.</param>
/// <param name="Onboarding">The onboarding assessment on each day it was looked at.</param>
/// <param name="Scores">Financiality's health score each day from August 15.</param>
/// <param name="CohortPercentile">Where Financiality's September 8 score sits in its Q2 cohort, 0 to 100.</param>
/// <param name="Review">The executive business review's metrics on December 8.</param>
/// <param name="Plan">The plan on December 8.</param>
public sealed record ScenarioResult(
    IReadOnlyList<DiaryEntry> Diary,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyDictionary<LocalDate, OnboardingAssessment> Onboarding,
    IReadOnlyDictionary<LocalDate, HealthScore> Scores,
    double CohortPercentile,
    IReadOnlyList<MetricAssessment> Review,
    SuccessPlan Plan)
{
    /// <summary>Gets Financiality's health score each day from August 15, explained.</summary>
    public IReadOnlyDictionary<LocalDate, HealthExplanation> Explanations { get; init; } = new Dictionary<LocalDate, HealthExplanation>();

    /// <summary>Gets the alert log: every alert raised, with Mary's acknowledgement where she followed it up.</summary>
    public IReadOnlyList<AlertRecord> AlertLog { get; init; } = [];
}
