using System;
using System.Collections.Generic;
using Xunit;
using static CustomerSuccess.SuccessPlans.Tests.PlanDates;

namespace CustomerSuccess.SuccessPlans.Tests;

public class PlanTemplateTests
{
    internal static PlanTemplate MidMarket { get; } = new(
        "mid-market onboarding", "MidMarket", "Time to value within a quarter",
        [
            new TemplateMetric("Days to train a new analyst", "days", MetricDirection.LowerIsBetter, "Median days from hire to certification", "LMS", -0.5, 180),
            new TemplateMetric("Weekly active analysts", "users", MetricDirection.HigherIsBetter, "Distinct users per week", "Product analytics", 0.25, 120),
        ],
        [
            new TemplateMilestone("Kickoff", MilestoneKind.Kickoff, 7, PlanRoleKind.ProjectManager),
            new TemplateMilestone("Go-live", MilestoneKind.GoLive, 56, PlanRoleKind.ProjectManager),
            new TemplateMilestone("First value", MilestoneKind.FirstValue, 90, PlanRoleKind.ExecutiveSponsor),
            new TemplateMilestone("Executive business review", MilestoneKind.BusinessReview, 161, PlanRoleKind.Csm),
        ],
        [
            new TemplateRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "Agrees the success measures"),
            new TemplateRole(PlanParty.Vendor, PlanRoleKind.ProjectManager, "Runs onboarding"),
            new TemplateRole(PlanParty.Vendor, PlanRoleKind.Csm, "Owns the plan after go-live"),
        ],
        new NextPhase("Extend to a second team", NextPhaseKind.MorePeopleTeamsOrDivisions));

    [Fact]
    public void Template_InstantiatesWithDatesRelativeToSignature_AndTargetsFromBaselines()
    {
        SuccessPlan plan = MidMarket.Instantiate("financiality-onboarding", new AccountId("financiality"), D(6, 30),
            new Dictionary<string, double> { ["Days to train a new analyst"] = 20, ["Weekly active analysts"] = 40 },
            new Dictionary<PlanRoleKind, string> { [PlanRoleKind.ExecutiveSponsor] = "Joe Smith", [PlanRoleKind.ProjectManager] = "Shannon Jones", [PlanRoleKind.Csm] = "Mary Harrison" });

        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal(D(8, 25), plan.MilestoneOf(MilestoneKind.GoLive)!.Due);
        Assert.Equal("Shannon Jones", plan.MilestoneOf(MilestoneKind.GoLive)!.Owner);
        Assert.Equal(10, plan.Metrics[0].Target);
        Assert.Equal(D(12, 27), plan.Metrics[0].TargetDate);
        Assert.Equal(50, plan.Metrics[1].Target);
        Assert.Equal(PlanRating.Green, PlanValidator.Rate(plan));
        Assert.Equal(OnboardingStatus.OnTrack, OnboardingAssessment.Assess(plan, D(7, 1)).Status);
        Assert.Contains("no baseline", Assert.Throws<ArgumentException>(() => MidMarket.Instantiate("p", new AccountId("a"), D(6, 30), new Dictionary<string, double>(), new Dictionary<PlanRoleKind, string>())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_RoundTripsThroughJson()
    {
        string json = SuccessPlanJson.SerializeTemplate(MidMarket);

        Assert.Equal(MidMarket, SuccessPlanJson.DeserializeTemplate(json));
        Assert.Contains("\"direction\": \"LowerIsBetter\"", json, StringComparison.Ordinal);
    }
}
