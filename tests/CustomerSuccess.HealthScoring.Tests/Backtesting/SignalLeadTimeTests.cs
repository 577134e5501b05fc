using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class SignalLeadTimeTests
{
    private sealed record State(double Behavior, double Usage);

    [Fact]
    public void ASignalThatKeepsItsPowerAtLongHorizonsLeads_OneThatOnlyWarnsLateLags()
    {
        var snapshots = new List<HealthSnapshot<State>>();
        var outcomes = new List<ChurnOutcome>();
        for (int a = 0; a < 40; a++)
        {
            var id = new AccountId($"acct-{a:D2}");
            LocalDate? churn = a < 20 ? new LocalDate(2026, 12, 1).PlusDays(7 * (a % 5)) : null;
            outcomes.Add(new ChurnOutcome(id, churn, new LocalDate(2027, 6, 30)));
            for (int m = 1; m <= 12; m++)
            {
                var asOf = new LocalDate(2026, m, 1);
                int daysLeft = churn is { } c ? Period.Between(asOf, c, PeriodUnits.Days).Days : int.MaxValue;
                double behavior = daysLeft <= 200 ? 20 : 50 + (a % 10 * 5);       // the essential behavior fades early
                double usage = daysLeft <= 30 ? 10 : 50 + (a * 7 % 10 * 5);       // usage drops only at the end
                snapshots.Add(new HealthSnapshot<State>(id, asOf, new State(behavior, usage)));
            }
        }

        HealthScorer<State> scorer = HealthScorer.Create(
            HealthModel.CreateBuilder("lead")
                .AddSignal(new HealthSignalDefinition(new SignalId("behavior.weekly"), Curve.Linear(0, 100)))
                .AddSignal(new HealthSignalDefinition(new SignalId("usage.logins"), Curve.Linear(0, 100)))
                .Build(),
            [
                Signal.Create<State>(new SignalId("behavior.weekly"), SignalTiming.Lagging, static (s, _) => SignalValue.Of(s.Behavior)),  // tagged wrongly
                Signal.Create<State>(new SignalId("usage.logins"), SignalTiming.Lagging, static (s, _) => SignalValue.Of(s.Usage)),
            ]);

        IReadOnlyList<SignalLeadTime> lead = SignalLeadTime.Analyze(scorer, new ChurnHistory<State>(snapshots, outcomes), 30, 90, 180);

        SignalLeadTime behaviorSignal = lead.Single(l => l.Signal == new SignalId("behavior.weekly"));
        SignalLeadTime usageSignal = lead.Single(l => l.Signal == new SignalId("usage.logins"));
        Assert.Equal([30, 90, 180], behaviorSignal.AucByHorizon.Select(h => h.HorizonDays));
        Assert.True(behaviorSignal.AucByHorizon[^1].Auc > 0.85, $"{behaviorSignal.AucByHorizon[^1].Auc}");
        Assert.Equal(SignalTiming.Leading, behaviorSignal.Suggested);
        Assert.True(behaviorSignal.Contradicted);                               // tagged lagging, the data say it leads
        Assert.Equal(1d, usageSignal.AucByHorizon[0].Auc);
        Assert.True(usageSignal.AucByHorizon[^1].Auc < 0.7, $"{usageSignal.AucByHorizon[^1].Auc}");
        Assert.Equal(SignalTiming.Lagging, usageSignal.Suggested);
        Assert.False(usageSignal.Contradicted);
    }
}
