using System;
using System.Collections.Generic;
using Xunit;
using static CustomerSuccess.SuccessPlans.Tests.PlanDates;

namespace CustomerSuccess.SuccessPlans.Tests;

/// <summary>Seed 002's Financiality onboarding, day by day.</summary>
public class FinancialityTests
{

    /// <summary>June 30: signed for $29,000 ARR with the mid-market onboarding package; Joe Smith is the sponsor.</summary>
    internal static SuccessPlan Signed()
    {
        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder("financiality-onboarding", new AccountId("financiality"));
        plan.Purpose = "Give our bank and broker clients analytics training they can finish in a week";
        plan.Bullseye = new CustomerBullseye("Grow consulting revenue from analytics clients", ["Client onboarding", "Analyst training"]);
        plan.SignedOn = D(6, 30);
        plan.Segment = "MidMarket";
        plan.AddRole(new PlanRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "Joe Smith", "Agrees the success measures; attends the weekly review"))
            .AddRole(new PlanRole(PlanParty.Vendor, PlanRoleKind.ProjectManager, "Shannon Jones", "Runs the onboarding project"))
            .AddRole(new PlanRole(PlanParty.Vendor, PlanRoleKind.Csm, "Mary Harrison", "Owns the plan after go-live"))
            .AddMetric(new PlanMetric("Days to train a new analyst", "days", MetricDirection.LowerIsBetter, "Median days from hire to certification", "Financiality LMS", 20, D(6, 30), 7, D(12, 31)))
            .AddMilestone(new Milestone("Kickoff", MilestoneKind.Kickoff, D(7, 7), owner: "Shannon Jones"))
            .AddMilestone(new Milestone("Go-live", MilestoneKind.GoLive, D(8, 25), owner: "Shannon Jones"))
            .AddMilestone(new Milestone("First certified analyst", MilestoneKind.FirstValue, D(9, 30), owner: "Joe Smith"))
            .AddMilestone(new Milestone("Executive business review", MilestoneKind.BusinessReview, D(12, 8), owner: "Mary Harrison"));
        plan.NextPhase = new NextPhase("Roll the training out to the consulting division", NextPhaseKind.MorePeopleTeamsOrDivisions);
        return plan.Build();
    }

    [Fact]
    public void Onboarding_IsAtRiskFromJuly2_AndMissesTheEightWeekSla()
    {
        SuccessPlan signed = Signed();

        // July 1: a kickoff within the week and a standard 7-week onboarding make August 25, the SLA deadline.
        OnboardingAssessment july1 = OnboardingAssessment.Assess(signed, D(7, 1));
        Assert.Equal(OnboardingStatus.OnTrack, july1.Status);
        Assert.Equal(D(8, 25), july1.Deadline);

        // July 2: Joe is on leave until July 14; Shannon flags the project at risk.
        SuccessPlan away = signed.ToBuilder().SetRole(signed.ExecutiveSponsor! with { UnavailableUntil = D(7, 14) }).Build();
        OnboardingAssessment july2 = OnboardingAssessment.Assess(away, D(7, 2));
        Assert.Equal(OnboardingStatus.AtRisk, july2.Status);
        Assert.Equal(D(9, 2), july2.ProjectedGoLive);
        Assert.Contains("the sponsor is away until 2026-07-14", july2.Reason, StringComparison.Ordinal);

        // July 16: kickoff; the milestones are agreed with go-live on September 5, past the SLA: still at risk.
        SuccessPlan kickedOff = away.Agree(D(7, 16), "Joe Smith").ToBuilder()
            .SetMilestone(new Milestone("Kickoff", MilestoneKind.Kickoff, D(7, 16), D(7, 16), "Shannon Jones"))
            .SetMilestone(new Milestone("Go-live", MilestoneKind.GoLive, D(9, 5), owner: "Shannon Jones"))
            .Build();
        OnboardingAssessment july16 = OnboardingAssessment.Assess(kickedOff, D(7, 16));
        Assert.Equal(OnboardingStatus.AtRisk, july16.Status);
        Assert.Equal(D(9, 5), july16.ProjectedGoLive);

        // September 5: go-live, 11 days after the deadline.
        SuccessPlan live = kickedOff.Activate(D(7, 16)).ToBuilder()
            .SetMilestone(new Milestone("Go-live", MilestoneKind.GoLive, D(9, 5), D(9, 5), "Shannon Jones"))
            .Build();
        OnboardingAssessment september5 = OnboardingAssessment.Assess(live, D(9, 5));
        Assert.Equal(OnboardingStatus.Missed, september5.Status);
        Assert.Contains("11 days after the SLA deadline 2026-08-25", september5.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeToValue_CountsFromTheAgreementOfSuccessMeasures()
    {
        SuccessPlan agreed = Signed().Agree(D(7, 16), "Joe Smith");
        Assert.Null(TimeToValue.Days(agreed)); // undefined until first value, not zero
        Assert.Null(TimeToValue.Days(Signed()));

        SuccessPlan firstValue = agreed.ToBuilder().SetMilestone(new Milestone("First certified analyst", MilestoneKind.FirstValue, D(9, 30), D(9, 26))).Build();

        Assert.Equal(72, TimeToValue.Days(firstValue)); // July 16 to September 26
        Assert.Equal(D(7, 16), firstValue.MeasuresAgreedOn);
    }

    [Fact]
    public void BusinessReview_ShowsProgressOfTheFirst90Days()
    {
        PlanMetric metric = Signed().Metrics[0];
        var measurements = new List<Measurement> { new(D(9, 30), 16), new(D(10, 31), 12), new(D(11, 30), 9), new(D(12, 15), 8) };

        MetricAssessment ebr = MetricAssessment.Assess(metric, measurements, D(12, 8));

        Assert.Equal(20, ebr.Before);
        Assert.Equal(9, ebr.Current);                                  // December 15 does not exist yet on December 8
        Assert.Equal(11d / 13d, ebr.Progress!.Value, 12);             // 20 -> 7: 11 of the 13 days cut
        Assert.Equal(MetricStatus.OnTrack, ebr.Status);                // the trend reaches 7 days by December 31
        Assert.True(ebr.ProjectedAtTarget <= 7, $"{ebr.ProjectedAtTarget}");
        Assert.Equal(3, ebr.Series.Count);
    }
}
