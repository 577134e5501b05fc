using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthBacktestTests
{
    private static LocalDate D(int month, int day) => new(2026, month, day);

    private static readonly Gen<(double Score, bool Churned)[]> Scored =
        from n in Gen.Choose(0, 60)
        from rows in (from s in Gen.Choose(0, 20) from c in Gen.Elements(true, false) select ((double)s * 5, c)).ArrayOf(n)
        select rows;

    [Property(MaxTest = 300)]
    public Property Auc_AgreesWithCountingEveryPair() => Prop.ForAll(Scored.ToArbitrary(), rows =>
    {
        var churned = rows.Where(r => r.Churned).Select(r => r.Score).ToArray();
        var retained = rows.Where(r => !r.Churned).Select(r => r.Score).ToArray();
        double? expected = churned.Length == 0 || retained.Length == 0 ? null
            : retained.Sum(r => churned.Sum(c => r > c ? 1d : r == c ? 0.5 : 0d)) / (churned.Length * (double)retained.Length);
        double? actual = Auc.Of(rows);
        return expected is null ? actual is null : Math.Abs(actual!.Value - expected.Value) < 1e-12;
    });

    [Property(MaxTest = 300)]
    public Property Auc_IsUnchangedByAnyIncreasingTransformation() => Prop.ForAll(Scored.ToArbitrary(), rows =>
        Auc.Of(rows) == Auc.Of(rows.Select(r => ((r.Score * r.Score * r.Score) + 7, r.Churned)))
        && Auc.Of(rows) == Auc.Of(rows.Select(r => (Math.Exp(r.Score / 50), r.Churned))));

    [Property(MaxTest = 40)]
    public Property Run_BootstrapInterval_EqualsThePlainResampling() => Prop.ForAll(Scored.ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (rows, resamples) =>
    {
        // One account per row, each snapshot labelled (watched a year, churned or not 30 days later): the backtest's rows
        // are these, in account order.
        var day = D(1, 5);
        var snapshots = rows.Select((r, i) => new HealthSnapshot<double>(new AccountId($"a{i:D3}"), day, r.Score)).ToArray();
        var outcomes = rows.Select((r, i) => new ChurnOutcome(new AccountId($"a{i:D3}"), r.Churned ? day.PlusDays(30) : null, day.PlusDays(365))).ToArray();
        var model = HealthModel.CreateBuilder("m").AddSignal(new HealthSignalDefinition(new SignalId("x"), Curve.Linear(0, 100))).Build();
        var scorer = HealthScorer.Create(model, [Signal.Create<double>(new SignalId("x"), SignalTiming.Lagging, static (v, _) => SignalValue.Of(v))]);

        BacktestReport report = HealthBacktest.Run(scorer, new ChurnHistory<double>(snapshots, outcomes), 90, resamples, seed: 99);

        (double? low, double? high) = PlainBootstrap(rows, resamples, 99);
        var sorted = rows.Select((r, i) => (r.Score, r.Churned, i)).OrderBy(r => r.Score).ThenBy(r => r.i).ToArray();
        var deciles = Enumerable.Range(0, 10)
            .Select(d => sorted[(sorted.Length * d / 10)..(sorted.Length * (d + 1) / 10)])
            .Where(slice => slice.Length > 0)
            .Select((slice, _) => (slice.Length, slice.Average(x => x.Score), Ratio.Of(slice.Count(x => x.Churned), slice.Length)))
            .ToArray();
        return report.AucLow == low && report.AucHigh == high
            && deciles.SequenceEqual(report.Reliability.Select(r => (r.Snapshots, r.MeanScore, r.ChurnRate)));
    });

    // The bootstrap as written first: n draws with replacement (SplitMix64, the high half of draw x n), the AUC of each
    // resample by sorting it, the 2.5% and 97.5% order statistics.
    private static (double? Low, double? High) PlainBootstrap((double Score, bool Churned)[] rows, int resamples, ulong seed)
    {
        if (rows.Length == 0)
        {
            return (null, null);
        }

        ulong state = seed;
        var aucs = new List<double>();
        for (int b = 0; b < resamples; b++)
        {
            var sample = new (double, bool)[rows.Length];
            for (int i = 0; i < sample.Length; i++)
            {
                ulong z;
                unchecked
                {
                    z = state += 0x9E3779B97F4A7C15UL;
                    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                    z ^= z >> 31;
                }

                sample[i] = rows[(int)Math.BigMul(z, (ulong)rows.Length, out _)];
            }

            if (Auc.Of(sample) is { } auc)
            {
                aucs.Add(auc);
            }
        }

        if (aucs.Count == 0)
        {
            return (null, null);
        }

        aucs.Sort();
        return (aucs[(int)Math.Floor(0.025 * (aucs.Count - 1))], aucs[(int)Math.Ceiling(0.975 * (aucs.Count - 1))]);
    }

    [Fact]
    public void Auc_IsOneForAPerfectRanking_ZeroReversed_AndAHalfForAConstant()
    {
        (double, bool)[] perfect = [(10, true), (20, true), (30, false), (40, false)];

        Assert.Equal(1d, Auc.Of(perfect));
        Assert.Equal(0d, Auc.Of(perfect.Select(r => (-r.Item1, r.Item2))));
        Assert.Equal(0.5, Auc.Of(perfect.Select(r => (42d, r.Item2))));
        Assert.Null(Auc.Of([(10, false), (20, false)]));            // no churn: undefined, not 0.5
    }

    [Theory]
    [InlineData(3, 1, 90, SnapshotLabel.Churned)]       // churned on April 1, within (Jan 1, Apr 1]
    [InlineData(3, 1, 89, SnapshotLabel.Retained)]      // not within 89 days, and observed long enough
    [InlineData(1, 1, 30, SnapshotLabel.AfterChurn)]    // the snapshot is on the churn date
    public void Label_FollowsTheHorizonRules(int snapshotMonth, int snapshotDay, int horizon, SnapshotLabel expected)
    {
        var acme = new AccountId("acme");
        var history = new ChurnHistory<int>(
            [new HealthSnapshot<int>(acme, snapshotMonth == 3 ? D(1, 1) : D(snapshotMonth, snapshotDay), 0)],
            [new ChurnOutcome(acme, snapshotMonth == 3 ? D(4, 1) : D(1, 1), D(12, 31))]);

        Assert.Equal(expected, history.Label(history.Snapshots[0], horizon));
    }

    [Fact]
    public void Label_IsCensoredWhenObservationEndsBeforeTheHorizon()
    {
        var acme = new AccountId("acme");
        var history = new ChurnHistory<int>([new HealthSnapshot<int>(acme, D(10, 1), 0)], [new ChurnOutcome(acme, null, D(11, 30))]);

        Assert.Equal(SnapshotLabel.Censored, history.Label(history.Snapshots[0], 90));
        Assert.Equal(SnapshotLabel.Retained, history.Label(history.Snapshots[0], 60));
    }

    private static HealthScorer<double> Scorer() => HealthScorer.Create(
        HealthModel.CreateBuilder("one").AddSignal(new HealthSignalDefinition(new SignalId("health"), Curve.Linear(0, 100))).Build(),
        [Signal.Create<double>(new SignalId("health"), SignalTiming.Leading, static (x, _) => double.IsNaN(x) ? SignalValue.Missing("none") : SignalValue.Of(x))]);

    /// <summary>Twenty accounts, monthly snapshots; the low scorers churn, and one green account churns unexpectedly.</summary>
    private static ChurnHistory<double> History(Func<IEnumerable<HealthSnapshot<double>>, IEnumerable<HealthSnapshot<double>>>? reorder = null)
    {
        var snapshots = new List<HealthSnapshot<double>>();
        var outcomes = new List<ChurnOutcome>();
        for (int a = 0; a < 20; a++)
        {
            var id = new AccountId($"acct-{a:D2}");
            double health = 5 * a;                                   // 0 to 95
            bool churns = a < 6 || a == 18;                           // the six lowest, and one green one
            LocalDate? churnedOn = churns ? D(9, 15) : null;
            outcomes.Add(new ChurnOutcome(id, churnedOn, D(12, 31)));
            for (int m = 1; m <= 10; m++)
            {
                snapshots.Add(new HealthSnapshot<double>(id, D(m, 1), health));
            }
        }

        return new ChurnHistory<double>(reorder is null ? snapshots : reorder(snapshots), outcomes);
    }

    [Fact]
    public void Backtest_ReportsAucBandsReliabilityAndUnexpectedChurn()
    {
        BacktestReport report = HealthBacktest.Run(Scorer(), History(), 90);

        Assert.Equal(0.7782, report.Auc!.Value, 4);                   // the low scorers churn; the one green churner keeps it from 1
        Assert.True(report.AucLow <= report.Auc && report.Auc <= report.AucHigh, $"{report.AucLow} {report.Auc} {report.AucHigh}");
        Assert.Equal(["red", "yellow", "green"], report.Bands.Select(b => b.Band));
        Assert.True(report.Bands[0].Lift.TryGetValue(out decimal redLift) && redLift > 1m, $"{report.Bands[0].Lift}");
        Assert.Equal(10, report.Reliability.Count);
        Assert.True(report.Reliability[0].MeanScore < report.Reliability[^1].MeanScore);
        Assert.Equal(7, report.UnexpectedChurnAccounts);              // every churned account had a snapshot 90 days before
        Assert.Equal("14.3%", report.UnexpectedChurn.ToString());     // acct-18 sat in green then
        Assert.True(report.AfterChurn > 0 && report.Labelled + report.AfterChurn + report.Censored == 200);
    }

    [Fact]
    public void Backtest_DoesNotDependOnTheOrderOfTheRows()
    {
        BacktestReport ordered = HealthBacktest.Run(Scorer(), History(), 90);
        BacktestReport reversed = HealthBacktest.Run(Scorer(), History(s => s.Reverse()), 90);
        BacktestReport shuffled = HealthBacktest.Run(Scorer(), History(s => s.OrderBy(x => x.State * 7919 % 13).ThenByDescending(x => x.AsOf)), 90);

        foreach (BacktestReport other in new[] { reversed, shuffled })
        {
            Assert.Equal((ordered.Auc, ordered.AucLow, ordered.AucHigh, ordered.Labelled, ordered.Churned), (other.Auc, other.AucLow, other.AucHigh, other.Labelled, other.Churned));
            Assert.Equal(ordered.Bands.Select(b => (b.Band, b.Snapshots, b.Churned, b.ChurnRate, b.Lift)), other.Bands.Select(b => (b.Band, b.Snapshots, b.Churned, b.ChurnRate, b.Lift)));
            Assert.Equal(ordered.Reliability.Select(r => (r.Decile, r.Snapshots, r.MeanScore, r.ChurnRate)), other.Reliability.Select(r => (r.Decile, r.Snapshots, r.MeanScore, r.ChurnRate)));
            Assert.Equal(ordered.UnexpectedChurn, other.UnexpectedChurn);
        }
    }
}
