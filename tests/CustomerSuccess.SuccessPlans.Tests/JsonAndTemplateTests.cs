using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.SuccessPlans.Tests;

public class JsonAndTemplateTests
{
    private static LocalDate D(int month, int day) => new(2026, month, day);

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

    [Fact]
    public void Plan_RoundTripsThroughJson_WithIsoDates()
    {
        SuccessPlan plan = FinancialityTests.Signed().Agree(D(7, 16), "Joe Smith");

        string json = SuccessPlanJson.Serialize(plan);

        Assert.Equal(plan, SuccessPlanJson.Deserialize(json));
        Assert.Contains("\"signedOn\": \"2026-06-30\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Agreed\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"Up","baseline":1,"baselineDate":"2026-01-01"}]}""", "$.metrics[0].direction")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-13-01"}]}""", "$.metrics[0].baselineDate")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baselineDate":"2026-01-01"}]}""", "$.metrics[0].baseline")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","roles":[{"party":"Customer","kind":"ExecutiveSponsor"}]}""", "$.roles[0].person")]
    [InlineData("""{"id":"p","status":"Draft"}""", "$.account")]
    [InlineData("""{"id":"p","account":"a","status":"Draft","metrics":[{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-01-01"},{"name":"m","direction":"HigherIsBetter","baseline":1,"baselineDate":"2026-01-01"}]}""", "$")]
    public void MalformedPlan_FailsWithTheJsonPathAtFault(string json, string path)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => SuccessPlanJson.Deserialize(json));

        Assert.True(e.JsonPath == path || e.Message.Contains(path, StringComparison.Ordinal), $"path {e.JsonPath}: {e.Message}");
    }
}

public class PlanJsonLawsTests
{
    private static readonly Gen<SuccessPlan> Plans =
        from metrics in PlanGen.Metric.ListOf()
        from milestoneCount in Gen.Choose(0, 4)
        from kinds in Gen.Elements(Enum.GetValues<MilestoneKind>()).ArrayOf(milestoneCount)
        from offsets in Gen.Choose(0, 300).ArrayOf(milestoneCount)
        from hasSponsor in Gen.Elements(true, false)
        from hasNext in Gen.Elements(true, false)
        from status in Gen.Elements(Enum.GetValues<PlanStatus>())
        from signed in Gen.Choose(0, 60)
        select Build(metrics.Select((m, i) => m with { Name = "metric " + i }).ToArray(), kinds.Zip(offsets).ToArray(), hasSponsor, hasNext, status, signed);

    private static SuccessPlan Build(PlanMetric[] metrics, (MilestoneKind Kind, int Offset)[] milestones, bool sponsor, bool next, PlanStatus status, int signed)
    {
        var start = new LocalDate(2026, 1, 1);
        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder("plan-1", new AccountId("acct \"1\""));
        plan.Purpose = "Cut the close from 10 days to 5, \u00e9t\u00e9";
        plan.Status = status;
        plan.SignedOn = start.PlusDays(signed);
        plan.Bullseye = new CustomerBullseye("Close faster", ["Reconcile", "Report"]);
        plan.CreatedAt = Instant.FromUtc(2026, 1, 1, 9, 30) + Duration.FromTicks(signed * 12_345);
        plan.UpdatedAt = signed % 2 == 0 ? null : Instant.FromUtc(2026, 2, 1, 0, 0);
        foreach (PlanMetric metric in metrics)
        {
            plan.AddMetric(metric);
        }

        foreach ((MilestoneKind kind, int offset) in milestones)
        {
            plan.AddMilestone(new Milestone(kind.ToString(), kind, start.PlusDays(offset), offset % 2 == 0 ? start.PlusDays(offset + 1) : null, "owner"));
        }

        if (sponsor)
        {
            plan.AddRole(new PlanRole(PlanParty.Customer, PlanRoleKind.ExecutiveSponsor, "Joe", "Agrees", start.PlusDays(3)));
        }

        plan.NextPhase = next ? new NextPhase("More teams", NextPhaseKind.MorePeopleTeamsOrDivisions) : null;
        return plan.Build();
    }

    [Property(MaxTest = 200)]
    public Property Plan_RoundTripsThroughJson() =>
        Prop.ForAll(Plans.ToArbitrary(), plan => plan.Equals(SuccessPlanJson.Deserialize(SuccessPlanJson.Serialize(plan))));
}
