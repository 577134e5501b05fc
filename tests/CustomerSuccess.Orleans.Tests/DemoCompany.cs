using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using NodaTime;
using Orleans.Runtime;
using DemoAccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace CustomerSuccess.Orleans.Tests;

/// <summary>The demo company (the README's main job), generated once: what every silo's source and every single-process figure reads.</summary>
internal static class DemoCompany
{
    private static readonly Lazy<Data> Lazy = new(() => new Data(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static Portfolio Portfolio => Lazy.Value.Portfolio;

    public static IReadOnlyDictionary<AccountId, DemoAccountFacts> Facts => Lazy.Value.Facts;

    public static IReadOnlyList<BehaviorEvent> Events => Lazy.Value.Events;

    public static IReadOnlyDictionary<AccountId, string> Segments => Lazy.Value.Segments;

    public static IReadOnlyList<(AccountId Account, string Fact, decimal Value)> RuleFacts => Lazy.Value.RuleFacts;

    public static readonly IReadOnlyList<(string Name, string Predicate)> SegmentRules =
    [
        ("support_spike", "count(support_case_opened, last 7d) >= 5"),
        ("usage_drop", "change(count(login, last 30d), last 30d offset 30d) <= -25%"),
        ("gone_quiet", "stopped(login, last 14d, last 30d offset 14d)"),
        ("engaged", "every(key_feature_use, 4 weeks)"),
        ("overdue", "fact(days_past_due) > 30"),
    ];

    /// <summary>The request the portfolio tests run: the last month's movements, trailing-twelve-month cohort, bands, and five segments.</summary>
    public static PortfolioRequest Request => new()
    {
        MovementsFrom = WingtipDemo.FirstMonth,
        MovementsTo = WingtipDemo.LastMonth,
        CohortFrom = WingtipDemo.LastMonth.PlusMonths(-12),
        CohortTo = WingtipDemo.LastMonth,
        BandDistributions = true,
        Segments = SegmentRules,
        SegmentsAsOf = DemoFacts.AsOf,
    };

    /// <summary>The slice of the portfolio one shard holds, as the single-process main job computes from the whole.</summary>
    public static PortfolioSlice Slice(Func<AccountId, bool> holds)
    {
        Portfolio portfolio = Portfolio;
        var options = new MrrOptions { ReportingCurrency = portfolio.ReportingCurrency, ExchangeRates = portfolio.Rates };
        MrrHistory mrr = MrrHistory.FromRows(portfolio.Snapshots.Where(s => holds(s.Account)).Select(r => new MrrRow(r.Account, r.Month, r.Mrr, Segments[r.Account])), options);
        HealthScorer<DemoAccountFacts> scorer = HealthScorer.Create(DemoHealthModel.Model, DemoHealthModel.Signals);
        var context = new SignalContext(DemoFacts.AsOf, DateTimeZone.Utc);
        (string, HealthScore)[] scores = [.. portfolio.Accounts.Where(a => Facts.ContainsKey(a.Id) && holds(a.Id)).Select(a => (a.Segment, scorer.Score(Facts[a.Id], context)))];
        var behavior = new BehaviorEvaluator(
            EventStore.Create(Events.Where(e => holds(e.Account))),
            Behaviors.AccountFacts.Create(RuleFacts.Where(f => holds(f.Account))));
        return new PortfolioSlice
        {
            Mrr = mrr,
            Scores = scores,
            Bands = DemoHealthModel.Model.Bands,
            Behavior = behavior,
            MoreAccounts = [.. Facts.Keys.Where(holds)],
            GroupOf = a => Segments[a],
        };
    }

    private sealed class Data
    {
        public Data()
        {
            Portfolio = WingtipDemo.Generate();
            Facts = DemoFacts.Generate(Portfolio);
            Events = DemoEvents.Generate(Portfolio, Facts);
            Segments = Portfolio.Accounts.ToDictionary(a => a.Id, a => a.Segment);
            RuleFacts = [.. DemoEvents.Facts(Facts)];
        }

        public Portfolio Portfolio { get; }

        public IReadOnlyDictionary<AccountId, DemoAccountFacts> Facts { get; }

        public IReadOnlyList<BehaviorEvent> Events { get; }

        public IReadOnlyDictionary<AccountId, string> Segments { get; }

        public IReadOnlyList<(AccountId Account, string Fact, decimal Value)> RuleFacts { get; }
    }
}

/// <summary>Every silo's portfolio source in the tests: the demo company's accounts of the shard. It can be held at a gate, so that a test stops a silo while shards run.</summary>
internal sealed class DemoPortfolioSource(ILocalSiloDetails silo) : IPortfolioSource
{
    private static int _reads;

    /// <summary>Gets, per shard read, the silo that read it (the latest read of a shard wins).</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<int, string> ReadOn { get; } = new();

    /// <summary>Gets or sets a shard the source refuses, as bad data would be (none when null).</summary>
    public static int? Refuse { get; set; }

    /// <summary>Gets or sets a gate every read waits at (none when null).</summary>
    public static TaskCompletionSource? Gate { get; set; }

    /// <summary>Gets the reads so far, across silos.</summary>
    public static int Reads => Volatile.Read(ref _reads);

    public async ValueTask<PortfolioSlice> ReadAsync(PortfolioShard shard, PortfolioRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        ReadOn[shard.Index] = silo.Name;
        if (Refuse == shard.Index)
        {
            throw new System.IO.InvalidDataException($"row 17 of the warehouse export for {shard} has no account id");
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DemoCompany.Slice(shard.Holds);
    }
}
