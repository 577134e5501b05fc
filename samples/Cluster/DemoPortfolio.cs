using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CustomerSuccess;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Orleans;
using CustomerSuccess.Revenue;
using CustomerSuccess.Signals;
using NodaTime;
using DemoAccountFacts = CustomerSuccess.Demo.AccountFacts;

namespace Cluster;

/// <summary>
/// The demo company (the README's main job), generated once per process, and the slice of it a shard holds: what every
/// silo's portfolio source reads, and what the single-process figures are computed from.
/// </summary>
public static class DemoPortfolio
{
    private static readonly Lazy<Data> Lazy = new(() => new Data(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The behavior segments the portfolio job counts (the demo rules' conditions).</summary>
    public static readonly IReadOnlyList<(string Name, string Predicate)> SegmentRules =
    [
        ("support_spike", "count(support_case_opened, last 7d) >= 5"),
        ("usage_drop", "change(count(login, last 30d), last 30d offset 30d) <= -25%"),
        ("gone_quiet", "stopped(login, last 14d, last 30d offset 14d)"),
        ("engaged", "every(key_feature_use, 4 weeks)"),
        ("overdue", "fact(days_past_due) > 30"),
    ];

    public static Portfolio Portfolio => Lazy.Value.Portfolio;

    public static IReadOnlyDictionary<AccountId, DemoAccountFacts> Facts => Lazy.Value.Facts;

    public static IReadOnlyList<BehaviorEvent> Events => Lazy.Value.Events;

    public static IReadOnlyDictionary<AccountId, string> Segments => Lazy.Value.Segments;

    /// <summary>The facts the demo rules read, as (account, fact, value).</summary>
    public static IReadOnlyList<(AccountId Account, string Fact, decimal Value)> RuleFacts => Lazy.Value.RuleFacts;

    /// <summary>The whole demo's request: every month's movements, the trailing twelve months' cohort, bands, five segments.</summary>
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

    /// <summary>The slice of the demo company whose accounts <paramref name="holds"/> selects, as the main job reads it.</summary>
    /// <param name="holds">Whether an account is in the slice (a shard's <see cref="PortfolioShard.Holds"/>).</param>
    /// <returns>The slice.</returns>
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
            CustomerSuccess.Behaviors.AccountFacts.Create(RuleFacts.Where(f => holds(f.Account))));
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

/// <summary>Each silo's portfolio source: the demo company's accounts of the shard.</summary>
public sealed class DemoPortfolioSource : IPortfolioSource
{
    /// <inheritdoc/>
    public System.Threading.Tasks.ValueTask<PortfolioSlice> ReadAsync(PortfolioShard shard, PortfolioRequest request, CancellationToken cancellationToken) =>
        System.Threading.Tasks.ValueTask.FromResult(DemoPortfolio.Slice(shard.Holds));
}
