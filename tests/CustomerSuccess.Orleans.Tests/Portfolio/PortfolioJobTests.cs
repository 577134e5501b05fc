using System;
using Cluster;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Revenue;
using Orleans.TestingHost;
using Xunit;

namespace CustomerSuccess.Orleans.Tests;

/// <summary>The portfolio job on three silos: the demo company's figures equal the single-process library's, exactly.</summary>
[Collection(ThreeSilos.Name)]
public sealed class PortfolioJobTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Job_OverTheDemoCompany_OnThreeSilos_EqualsTheSingleProcessFigures()
    {
        PortfolioPartial single = PortfolioPartial.Of(DemoPortfolio.Request, DemoPortfolio.Slice(_ => true));

        PortfolioResult result = await new PortfolioJob(fixture.Cluster.Client, new PortfolioJobOptions { Shards = 12 }).RunAsync(DemoPortfolio.Request);

        AssertSameFigures(single, result.Figures);
        // Dealt in turn (PortfolioShardPlacement), not left to the default placement that keeps work on the receiving silo.
        Assert.Equal([4, 4, 4], result.Silos.GroupBy(s => s).Select(g => g.Count()));
        Assert.All(result.Attempts, a => Assert.Equal(1, a));
    }

    [Fact]
    public async Task Job_ASourceRefusingAShard_FailsNamingTheShard_WithoutRetrying()
    {
        int before = GatedDemoSource.Reads;
        GatedDemoSource.Refuse = 3;
        try
        {
            var e = await Assert.ThrowsAsync<PortfolioJobException>(() => new PortfolioJob(fixture.Cluster.Client, new PortfolioJobOptions { Shards = 6 }).RunAsync(DemoPortfolio.Request));

            Assert.Contains("shard 4 of 6: row 17 of the warehouse export for shard 4 of 6 has no account id", e.Message, StringComparison.Ordinal);
            Assert.Equal(6, GatedDemoSource.Reads - before); // data faults are not the cluster's: nothing ran twice
        }
        finally
        {
            GatedDemoSource.Refuse = null;
        }
    }

    [Fact]
    public async Task Job_AnInvalidRequest_IsRefusedBeforeAnyShardRuns()
    {
        int before = GatedDemoSource.Reads;
        var request = new PortfolioRequest { MovementsFrom = new NodaTime.YearMonth(2026, 5), Segments = [("x", "count(login, last 7d) >=")] };

        var e = await Assert.ThrowsAsync<CustomerSuccessValidationException>(() => new PortfolioJob(fixture.Cluster.Client).RunAsync(request));

        Assert.Contains("Movements: set both months of the period, or neither.", e.Message, StringComparison.Ordinal);
        Assert.Contains("Segment 'x'", e.Message, StringComparison.Ordinal);
        Assert.Contains("SegmentsAsOf", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, GatedDemoSource.Reads);
    }

    internal static void AssertSameFigures(PortfolioPartial expected, PortfolioPartial actual)
    {
        Assert.NotNull(actual.Movements);
        Assert.Equal(expected.Movements!.ToJson(), actual.Movements.ToJson());
        Assert.Equal(expected.Cohort!.ToJson(), actual.Cohort!.ToJson());
        Assert.Equal(expected.Bands!.ToJson(), actual.Bands!.ToJson());
        Assert.Equal(expected.Segments!.ToJson(), actual.Segments!.ToJson());

        // And through the public figures: money to the cent, ratios exactly.
        foreach (NodaTime.YearMonth month in expected.Movements.Months)
        {
            MrrMonthFigures e = expected.Movements.Total(month), a = actual.Movements.Total(month);
            Assert.Equal((e.OpeningMrr, e.ClosingMrr, e.Churn, e.Expansion), (a.OpeningMrr, a.ClosingMrr, a.Churn, a.Expansion));
            Assert.Equal((e.Nrr, e.Grr), (a.Nrr, a.Grr));
        }

        Assert.Equal(expected.Cohort.Total.Nrr, actual.Cohort.Total.Nrr);
        Assert.Equal(expected.Cohort.Total.LogoChurn, actual.Cohort.Total.LogoChurn);
        Assert.All(DemoPortfolio.SegmentRules, s => Assert.Equal(expected.Segments.Matched(s.Name), actual.Segments.Matched(s.Name)));
    }
}

/// <summary>A silo killed while the job's shards run: the job completes with the same figures, its lost shards run again, none twice.</summary>
public sealed class PortfolioJobFailoverTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = ClusterFixture.Build(ClusterFixture.Silos);
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Job_ASiloKilledWhileShardsRun_CompletesWithTheSameFigures()
    {
        const int shards = 12;
        PortfolioPartial single = PortfolioPartial.Of(DemoPortfolio.Request, DemoPortfolio.Slice(_ => true));
        GatedDemoSource.ReadOn.Clear();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GatedDemoSource.Gate = gate;
        Task<PortfolioResult> job;
        string killed;
        try
        {
            // A call to a killed silo is not answered; the job gives a shard 10 seconds (the demo's shards take about one).
            job = new PortfolioJob(_cluster.Client, new PortfolioJobOptions { Shards = shards, ShardTimeout = TimeSpan.FromSeconds(10) }).RunAsync(DemoPortfolio.Request);
            while (GatedDemoSource.ReadOn.Count < shards)
            {
                await Task.Delay(20); // every shard started, and waits at the gate
            }

            // The silo holding most shards, other than the first (which the test cluster's client talks to).
            InProcessSiloHandle victim = _cluster.Silos.Skip(1)
                .OrderByDescending(s => GatedDemoSource.ReadOn.Values.Count(n => n == s.Name))
                .First();
            killed = victim.Name;
            Assert.Contains(killed, GatedDemoSource.ReadOn.Values);
            await _cluster.KillSiloAsync(victim);
        }
        finally
        {
            GatedDemoSource.Gate = null;
            gate.SetResult();
        }

        PortfolioResult result = await job;

        PortfolioJobTests.AssertSameFigures(single, result.Figures);
        Assert.Contains(result.Attempts, a => a > 1);
        Assert.DoesNotContain(killed, result.Silos);
    }
}
