using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class DemoHealthTests : CliRunner
{
    private static readonly Portfolio Demo = WingtipDemo.Generate();

    [Fact]
    public void Facts_AreDeterministic_AndCoverEveryPayingAccount()
    {
        IReadOnlyDictionary<AccountId, AccountFacts> facts = DemoFacts.Generate(Demo);

        Assert.Equal(Demo.Snapshots.Count(s => s.Month == Demo.LastMonth), facts.Count);
        AccountFacts again = DemoFacts.Generate(Demo)[facts.Keys.First()];
        Assert.Equal(facts[facts.Keys.First()].ActiveUsers, again.ActiveUsers);
        Assert.Equal(facts[facts.Keys.First()].Invoices, again.Invoices);
    }

    [Fact]
    public void Scores_TrackTheRevenueTrajectory_ShrinkingAccountsScoreLower()
    {
        IReadOnlyDictionary<AccountId, AccountFacts> facts = DemoFacts.Generate(Demo);
        HealthScorer<AccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        var context = new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc);
        var before = Demo.Snapshots.Where(s => s.Month == Demo.LastMonth.PlusMonths(-6)).ToDictionary(s => s.Account, s => s.Mrr.Amount);
        var now = Demo.Snapshots.Where(s => s.Month == Demo.LastMonth).ToDictionary(s => s.Account, s => s.Mrr.Amount);

        double Mean(Func<decimal, decimal, bool> which) => now
            .Where(p => before.TryGetValue(p.Key, out decimal b) && which(b, p.Value))
            .Select(p => scorer.Score(facts[p.Key], context).Value)
            .Average();

        double shrinking = Mean((b, n) => n < b * 0.9m);
        double growing = Mean((b, n) => n > b * 1.1m);
        Assert.True(growing > shrinking + 10, $"growing {growing:F1}, shrinking {shrinking:F1}");
    }

    [Fact]
    public void MainJob_AddsTheBandDistributionBySegment_AndTheTenRiskiestAccountsExplained()
    {
        var (code, output, _) = Run();

        Assert.Equal(0, code);
        Assert.Contains("Health, as of 2026-10-31 (model 'wingtip', 1,600 paying accounts)", output, StringComparison.Ordinal);
        Assert.Contains("Ten riskiest accounts", output, StringComparison.Ordinal);
        string riskiest = output[output.IndexOf("Ten riskiest accounts", StringComparison.Ordinal)..];
        Assert.Equal(10, riskiest.Split('\n').Count(l => l.StartsWith("acct-", StringComparison.Ordinal)));
        Assert.Contains("adoption.active_licences", riskiest, StringComparison.Ordinal);
    }
}
