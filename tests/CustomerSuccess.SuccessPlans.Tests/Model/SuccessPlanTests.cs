using System;
using System.Collections.Generic;
using Xunit;
using static CustomerSuccess.SuccessPlans.Tests.PlanDates;

namespace CustomerSuccess.SuccessPlans.Tests;

public class SuccessPlanTests
{
    [Fact]
    public void Lifecycle_DraftAgreedActiveAchieved_ThenTheNextPhaseBecomesASuccessor()
    {
        SuccessPlan active = FinancialityTests.Signed().Agree(D(7, 16), "Joe Smith").Activate(D(7, 16));
        var measured = new Dictionary<string, IReadOnlyList<Measurement>> { ["Days to train a new analyst"] = [new(D(12, 20), 6.5)] };

        SuccessPlan achieved = active.Achieve(D(12, 20), measured);
        SuccessPlan successor = achieved.StartNextPhase("financiality-consulting", D(12, 21));

        Assert.Equal(PlanStatus.Achieved, achieved.Status);
        Assert.Equal(PlanStatus.Draft, successor.Status);
        Assert.Equal("financiality-onboarding", successor.PredecessorId);
        Assert.Equal("Roll the training out to the consulting division", successor.Purpose);
        Assert.Equal(achieved.Roles.Count, successor.Roles.Count);
    }

    [Theory]
    [InlineData("agree-twice", TransitionRule.AgreeOnlyADraft)]
    [InlineData("agree-by-someone-else", TransitionRule.OnlyTheSponsorAgrees)]
    [InlineData("agree-without-sponsor", TransitionRule.AgreementNeedsAnExecutiveSponsor)]
    [InlineData("activate-a-draft", TransitionRule.ActivateOnlyAnAgreedPlan)]
    [InlineData("achieve-unmet", TransitionRule.AchievedNeedsEveryTargetMet)]
    [InlineData("miss-a-draft", TransitionRule.EndOnlyAnActivePlan)]
    [InlineData("abandon-an-achieved-plan", TransitionRule.FinalPlansDoNotChange)]
    [InlineData("successor-of-an-active-plan", TransitionRule.SuccessorNeedsAnEndedPlanWithANextPhase)]
    [InlineData("back-in-time", TransitionRule.DatesMoveForward)]
    public void ForbiddenTransition_SaysWhichRuleItBroke(string attempt, TransitionRule rule)
    {
        SuccessPlan draft = FinancialityTests.Signed();
        SuccessPlan active = draft.Agree(D(7, 16), "Joe Smith").Activate(D(7, 17));
        var met = new Dictionary<string, IReadOnlyList<Measurement>> { ["Days to train a new analyst"] = [new(D(12, 1), 7)] };
        var unmet = new Dictionary<string, IReadOnlyList<Measurement>> { ["Days to train a new analyst"] = [new(D(12, 1), 9)] };
        Action act = attempt switch
        {
            "agree-twice" => () => draft.Agree(D(7, 16), "Joe Smith").Agree(D(7, 17), "Joe Smith"),
            "agree-by-someone-else" => () => draft.Agree(D(7, 16), "Shannon Jones"),
            "agree-without-sponsor" => () => SuccessPlan.CreateBuilder("p", new AccountId("a")).Build().Agree(D(7, 16), "Joe Smith"),
            "activate-a-draft" => () => draft.Activate(D(7, 16)),
            "achieve-unmet" => () => active.Achieve(D(12, 1), unmet),
            "miss-a-draft" => () => draft.Miss(D(7, 16)),
            "abandon-an-achieved-plan" => () => active.Achieve(D(12, 1), met).Abandon(D(12, 2), "budget cut"),
            "successor-of-an-active-plan" => () => active.StartNextPhase("next", D(12, 1)),
            _ => () => active.Miss(D(7, 1)),
        };

        var e = Assert.Throws<PlanTransitionException>(act);

        Assert.Equal(rule, e.Rule);
        Assert.Contains($"(rule {rule})", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Plan '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Achieve_NamesTheMetricShortOfItsTarget()
    {
        SuccessPlan active = FinancialityTests.Signed().Agree(D(7, 16), "Joe Smith").Activate(D(7, 17));
        var unmet = new Dictionary<string, IReadOnlyList<Measurement>> { ["Days to train a new analyst"] = [new(D(12, 1), 9)] };

        var e = Assert.Throws<PlanTransitionException>(() => active.Achieve(D(12, 1), unmet));

        Assert.Contains("metric 'Days to train a new analyst' is at 85% of its target", e.Message, StringComparison.Ordinal);
    }
}
