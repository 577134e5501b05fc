using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Property(MaxTest = 60)]
    public Property Analyze_EqualsTheAucOfEachExplanationsCurveScores() => Prop.ForAll(
        Gen.Choose(0, 9).Select(v => v == 0 ? (double?)null : v * 11.0).ArrayOf().Select(a => a.Take(3).ToArray()).ArrayOf().ToArbitrary(),
        Gen.Choose(0, 3).ArrayOf().ToArbitrary(),
        (states, churnMonths) =>
        {
            // Three signals, some missing (null), over accounts that churn (month 1-3) or not (0); a piecewise and a step curve
            // beside a linear one, so the curve scores have ties.
            var snapshots = new List<HealthSnapshot<double?[]>>();
            var outcomes = new List<ChurnOutcome>();
            for (int a = 0; a < states.Length; a++)
            {
                var id = new AccountId($"a{a:D3}");
                int churn = churnMonths.Length == 0 ? 0 : churnMonths[a % churnMonths.Length];
                outcomes.Add(new ChurnOutcome(id, churn == 0 ? null : new LocalDate(2026, 3 + churn, 1), new LocalDate(2027, 12, 31)));
                snapshots.Add(new HealthSnapshot<double?[]>(id, new LocalDate(2026, 3, 1), [.. states[a], null, null, null]));
            }

            SignalId[] ids = [new("s.linear"), new("s.piecewise"), new("s.steps")];
            HealthScorer<double?[]> scorer = HealthScorer.Create(
                HealthModel.CreateBuilder("m")
                    .AddSignal(new HealthSignalDefinition(ids[0], Curve.Linear(0, 100)))
                    .AddSignal(new HealthSignalDefinition(ids[1], Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(50, 80), new CurvePoint(99, 100))))
                    .AddSignal(new HealthSignalDefinition(ids[2], Curve.Steps(0, new CurvePoint(30, 50), new CurvePoint(60, 100))))
                    .Build(),
                [.. ids.Select((id, i) => Signal.Create<double?[]>(id, SignalTiming.Leading, (row, _) => row[i] is { } v ? SignalValue.Of(v) : SignalValue.Missing("none")))]);
            var history = new ChurnHistory<double?[]>(snapshots, outcomes);
            int[] horizons = [30, 90];

            IReadOnlyList<SignalLeadTime> analysed = SignalLeadTime.Analyze(scorer, history, horizons);

            var ordered = history.Snapshots.OrderBy(x => x.Account).ThenBy(x => x.AsOf).ToArray();
            var explained = ordered.Select(x => scorer.Explain(x.State, new SignalContext(x.AsOf.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc)).Signals).ToArray();
            for (int i = 0; i < ids.Length; i++)
            {
                for (int h = 0; h < horizons.Length; h++)
                {
                    var rows = ordered.Select((x, k) => (Label: history.Label(x, horizons[h]), Signal: explained[k][i]))
                        .Where(r => r.Label is SnapshotLabel.Churned or SnapshotLabel.Retained && r.Signal.Raw.IsPresent && r.Signal.CurveScore is not null)
                        .Select(r => (Score: r.Signal.CurveScore!.Value, Churned: r.Label == SnapshotLabel.Churned));
                    if (analysed[i].AucByHorizon[h] != (horizons[h], Auc.Of(rows)))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
}
