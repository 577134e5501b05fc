using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static CustomerSuccess.SuccessPlans.Tests.PlanDates;

namespace CustomerSuccess.SuccessPlans.Tests;

public class PlanValidatorTests
{
    [Fact]
    public void CompletePlan_IsGreen()
    {
        Assert.Empty(PlanValidator.Validate(FinancialityTests.Signed()));
        Assert.Equal(PlanRating.Green, PlanValidator.Rate(FinancialityTests.Signed()));
    }

    [Fact]
    public void EveryObjection_IsANamedFinding_AndNoSponsorOrNoMeasurableTargetIsRed()
    {
        SuccessPlan.Builder bare = SuccessPlan.CreateBuilder("bare", new AccountId("acme"));
        bare.AddMetric(new PlanMetric("Usage", "logins", MetricDirection.HigherIsBetter, string.Empty, "product", 10, D(1, 1)))
            .AddMetric(new PlanMetric("Cost", "$", MetricDirection.LowerIsBetter, "invoice total", "ERP", 100, D(1, 1), 120, D(6, 30)))
            .AddMilestone(new Milestone("Review", MilestoneKind.BusinessReview, D(9, 1)));

        IReadOnlyList<PlanFinding> findings = PlanValidator.Validate(bare.Build());

        Assert.Equal(
            [FindingKind.NoTarget, FindingKind.NoTarget, FindingKind.NoExecutiveSponsor, FindingKind.NoNextPhase, FindingKind.MilestoneAfterTargetDate, FindingKind.NoPurpose],
            findings.Select(f => f.Kind));
        Assert.Contains("Plan 'bare', metric 'Usage' has no target.", findings.Select(f => f.Message));
        Assert.Contains("Plan 'bare', metric 'Cost' has a target (120) that is not below its baseline (100).", findings.Select(f => f.Message));
        Assert.Contains("Plan 'bare', milestone 'Review' is due 2026-09-01, after the last target date 2026-06-30.", findings.Select(f => f.Message));
        Assert.Equal(PlanRating.Red, PlanValidator.Rate(bare.Build()));
        Assert.Equal(
            [FindingKind.NoMeasurableMetric, FindingKind.NoTarget, FindingKind.NoExecutiveSponsor, FindingKind.NoTimeline, FindingKind.NoNextPhase, FindingKind.NoPurpose],
            PlanValidator.Validate(SuccessPlan.CreateBuilder("empty", new AccountId("acme")).Build()).Select(f => f.Kind));
    }

    [Fact]
    public void PlanWithAYellowFindingOnly_IsYellow()
    {
        SuccessPlan noNextPhase = FinancialityTests.Signed().ToBuilder() is var b && (b.NextPhase = null) is null ? b.Build() : throw new InvalidOperationException();

        Assert.Equal(PlanRating.Yellow, PlanValidator.Rate(noNextPhase));
    }
}
