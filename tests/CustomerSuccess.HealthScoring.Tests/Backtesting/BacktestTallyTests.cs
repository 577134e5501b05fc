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

/// <summary>
/// Backtest tallies (DESIGN section 9): tallies over disjoint accounts, sent as JSON and merged, are the tally over the
/// union, and a tally's figures are the backtest's own.
/// </summary>
public class BacktestTallyTests
{
    private static readonly LocalDate Start = new(2026, 1, 1);

    // Accounts with a few snapshots each (scores on a coarse grid so that ties happen, sometimes none at all), churned
    // on some day or not, watched until some day: every label (censored, after churn, churned, retained) turns up.
    private static readonly Gen<Account[]> Histories =
        from accounts in Gen.Choose(0, 30)
        from rows in Gen.ArrayOf(
            from count in Gen.Choose(1, 4)
            from snapshots in Gen.ArrayOf(
                from day in Gen.Choose(0, 300)
                from score in Gen.OneOf(Gen.Choose(0, 20).Select(s => s * 5.0), Gen.Constant(double.NaN))
                select (day, score),
                count)
            from churns in Gen.Elements(true, false, false)
            from churnDay in Gen.Choose(30, 360)
            from watched in Gen.Choose(churns ? churnDay : 200, 400)
            select new Account(snapshots, churns ? churnDay : null, watched),
            accounts)
        select rows;

    [Property(MaxTest = 200)]
    public Property Tally_SerialisedThenMerged_IsTheTallyOfTheWhole_AndAgreesWithRun() => Prop.ForAll(Histories.ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (accounts, parts) =>
    {
        HealthScorer<double> scorer = Scorer(HealthBands.Default);
        ChurnHistory<double> history = History(accounts);
        BacktestTally whole = HealthBacktest.Tally(scorer, history, 90);
        BacktestTally travelled = Enumerable.Range(0, parts)
            .Select(p => History(accounts.Select((a, i) => (a, i)).Where(x => x.i % parts == p)))
            .Select(part => BacktestTally.FromJson(HealthBacktest.Tally(scorer, part, 90).ToJson()))
            .Aggregate((x, y) => x.Merge(y));

        Assert.Equal(whole.ToJson(), travelled.ToJson());
        BacktestReport run = HealthBacktest.Run(scorer, history, 90, resamples: 0);
        Assert.Equal(run.Auc, travelled.Auc);
        Assert.Equal([run.Labelled, run.Churned, run.Censored, run.AfterChurn, run.UndefinedScore, run.UnexpectedChurnAccounts],
            [travelled.Labelled, travelled.Churned, travelled.Censored, travelled.AfterChurn, travelled.UndefinedScore, travelled.UnexpectedChurnAccounts]);
        Assert.Equal(run.UnexpectedChurn, travelled.UnexpectedChurn);
        Assert.Equal(
            run.Bands.Select(b => (b.Band, b.Snapshots, b.Churned, b.ChurnRate, b.Lift)),
            travelled.BandChurn.Select(b => (b.Band, b.Snapshots, b.Churned, b.ChurnRate, b.Lift)));
    });

    [Fact]
    public void Tally_OfTheWorkedHistory_HasTheBacktestsAuc_WhenSplitInTwo()
    {
        // Twenty accounts scored 0 to 95, the six lowest and one green one churning: HealthBacktestTests' worked history.
        Account[] accounts = [.. Enumerable.Range(0, 20).Select(a => new Account(
            [.. Enumerable.Range(1, 10).Select(m => (new LocalDate(2026, m, 1).DayOfYear - 1, 5.0 * a))],
            a < 6 || a == 18 ? new LocalDate(2026, 9, 15).DayOfYear - 1 : null,
            364))];
        HealthScorer<double> scorer = Scorer(HealthBands.Default);

        BacktestTally merged = HealthBacktest.Tally(scorer, History(accounts.Select((x, i) => (x, i)).Where(x => x.i < 7)), 90)
            .Merge(HealthBacktest.Tally(scorer, History(accounts.Select((x, i) => (x, i)).Where(x => x.i >= 7)), 90));

        Assert.Equal(0.7782, merged.Auc!.Value, 4);
        Assert.Equal(HealthBacktest.Run(scorer, History(accounts), 90).Auc, merged.Auc);
        Assert.True(merged.Churned > 0 && merged.Labelled > merged.Churned);
        Assert.Equal(Ratio.Of(1, 7), merged.UnexpectedChurn); // the one green churner of seven
    }

    [Fact]
    public void Merge_OtherBandsOrHorizon_IsRefused()
    {
        ChurnHistory<double> history = History([new Account([(10, 50.0)], null, 365)]);
        BacktestTally tally = HealthBacktest.Tally(Scorer(HealthBands.Default), history, 90);

        Assert.Throws<ArgumentException>(() => tally.Merge(HealthBacktest.Tally(Scorer(HealthBands.Default), history, 30)));
        var e = Assert.Throws<ArgumentException>(() => tally.Merge(HealthBacktest.Tally(Scorer(HealthBands.Create(("low", 0), ("high", 50))), history, 90)));
        Assert.Contains("low (0) < high (50)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_BandsEqualToKnownOnes_AreTheSameInstance_SoReadingAllDayGrowsNothing()
    {
        HealthBands bands = HealthBands.Create(("at-risk", 0), ("steady", 55.5), ("thriving", 80));
        string json = HealthBacktest.Tally(Scorer(bands), History([new Account([(10, 60.0)], null, 365)]), 90).ToJson();

        Assert.Same(bands, BacktestTally.FromJson(json).Bands);
        Assert.Same(BacktestTally.FromJson(json).Bands, BacktestTally.FromJson(json).Bands);
    }

    [Theory]
    [InlineData("""{"partial":"backtest-tally","version":1,"horizonDays":0}""", "$.horizonDays")]
    [InlineData("""{"partial":"backtest-tally","version":1,"horizonDays":90,"bands":[{"name":"red","lowerBound":10}]}""", "$.bands")]
    [InlineData("""{"partial":"backtest-tally","version":1,"horizonDays":90,"bands":[{"name":"red","lowerBound":0}],"bandCounts":[{"snapshots":2,"churned":1}],"scores":[[5,1,0],[5,0,1]]}""", "$.scores[1][0]")]
    [InlineData("""{"partial":"backtest-tally","version":1,"horizonDays":90,"bands":[{"name":"red","lowerBound":0}],"bandCounts":[{"snapshots":2,"churned":1}],"scores":[[5,1,0]]}""", "$.scores")]
    [InlineData("""{"partial":"backtest-tally","version":1,"horizonDays":90,"bands":[{"name":"red","lowerBound":0}],"bandCounts":[{"snapshots":1,"churned":0}],"scores":[[5,1,0]],"unexpectedChurnInBest":2,"unexpectedChurnAccounts":1}""", "$.unexpectedChurnInBest")]
    public void FromJson_ATallyThatDisagreesWithItself_IsRefusedByPath(string json, string path)
    {
        var e = Assert.Throws<CustomerSuccessValidationException>(() => BacktestTally.FromJson(json));

        Assert.Equal(path, e.JsonPath);
    }

    private static HealthScorer<double> Scorer(HealthBands bands) => HealthScorer.Create(
        HealthModel.CreateBuilder("one").AddSignal(new HealthSignalDefinition(new SignalId("health"), Curve.Linear(0, 100))).WithBands(bands).Build(),
        [Signal.Create<double>(new SignalId("health"), SignalTiming.Leading, static (x, _) => double.IsNaN(x) ? SignalValue.Missing("none") : SignalValue.Of(x))]);

    // Accounts are numbered by position in the whole list, so that a part's accounts keep their ids.
    private static ChurnHistory<double> History(IEnumerable<Account> accounts) => History(accounts.Select((a, i) => (a, i)));

    private static ChurnHistory<double> History(IEnumerable<(Account Account, int Index)> accounts)
    {
        var snapshots = new List<HealthSnapshot<double>>();
        var outcomes = new List<ChurnOutcome>();
        foreach (((( int day, double score)[] rows, int? churnDay, int watched), int a) in accounts)
        {
            var id = new AccountId($"acct-{a:D2}");
            outcomes.Add(new ChurnOutcome(id, churnDay is { } c ? Start.PlusDays(c) : null, Start.PlusDays(watched)));
            snapshots.AddRange(rows.DistinctBy(r => r.day).Select(r => new HealthSnapshot<double>(id, Start.PlusDays(r.day), r.score)));
        }

        return new ChurnHistory<double>(snapshots, outcomes);
    }

    public sealed record Account((int Day, double Score)[] Snapshots, int? ChurnDay, int Watched)
    {
        public override string ToString() => $"[{string.Join(" ", Snapshots)}] churn {ChurnDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} watched {Watched}";
    }
}
