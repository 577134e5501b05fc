using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.SuccessPlans.Tests;

public class SuccessPlanJsonLawsTests
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
