using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// A 5-rule set (windowed counts, a windowed sum, an absence and a 30-day-over-30-day drop) over 10,000,000 events of
/// 100,000 accounts, as of one instant, after the store is built: the library's rule evaluation against a plain LINQ scan
/// of the same events. Both return the number of (account, rule) alerts; <see cref="Setup"/> checks they agree.
/// </summary>
[MemoryDiagnoser]
public class BehaviorRuleSetBenchmarks
{
    private BehaviorEvaluator _evaluator = null!;
    private RuleSet _rules = null!;
    private CompiledPredicate[] _predicates = [];
    private List<BehaviorEvent> _events = [];
    private readonly SignalContext _context = new(BehaviorData.AsOf, DateTimeZone.Utc);

    [GlobalSetup]
    public void Setup()
    {
        BehaviorData data = BehaviorData.Create();
        _evaluator = new BehaviorEvaluator(data.BuildStore());
        _rules = RuleSet.Parse(BehaviorData.RuleText);
        _predicates = _rules.Select(r => _evaluator.Compile(r.When)).ToArray();
        _events = data.AllEvents().ToList();
        int library = Library(), linq = LinqScan(), matches = LibraryMatchesOnly();
        if (library != linq || matches != linq)
        {
            throw new InvalidOperationException($"The library raises {library} alerts ({matches} matches), the LINQ scan {linq}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int LinqScan()
    {
        Instant t = BehaviorData.AsOf;
        Duration day = Duration.FromDays(1);
        bool In(BehaviorEvent e, string name, Duration length, Duration offset) =>
            e.Name == name && e.OccurredAt > t - offset - length && e.OccurredAt <= t - offset;

        int spikes = _events.Where(e => In(e, "support_case_opened", 7 * day, Duration.Zero)).GroupBy(e => e.Account).Count(g => g.Count() >= 5);
        var recent = _events.Where(e => In(e, "login", 30 * day, Duration.Zero)).GroupBy(e => e.Account).ToDictionary(g => g.Key, g => g.Count());
        int drops = _events.Where(e => In(e, "login", 30 * day, 30 * day)).GroupBy(e => e.Account)
            .Count(g => ((recent.GetValueOrDefault(g.Key) - (double)g.Count()) / g.Count()) <= -0.25);
        var loggedIn = _events.Where(e => In(e, "login", 7 * day, Duration.Zero)).Select(e => e.Account).ToHashSet();
        int quiet = _events.Select(e => e.Account).Distinct().Count(a => !loggedIn.Contains(a));
        int readers = _events.Where(e => In(e, "page_view", 30 * day, Duration.Zero)).GroupBy(e => e.Account).Count(g => g.Sum(e => e.Value) >= 600);
        int adopters = _events.Where(e => In(e, "key_feature_use", 30 * day, Duration.Zero)).GroupBy(e => e.Account).Count(g => g.Count() >= 10);
        return spikes + drops + quiet + readers + adopters;
    }

    [Benchmark]
    public int Library() => _evaluator.Alerts(_rules, _context).Count;

    /// <summary>The same five rules evaluated for every account without building alerts and their evidence.</summary>
    [Benchmark]
    public int LibraryMatchesOnly()
    {
        int matches = 0;
        foreach (CompiledPredicate predicate in _predicates)
        {
            matches += predicate.CountMatches(_context);
        }

        return matches;
    }
}

/// <summary>One account, one count leaf and one sum leaf, without evidence: the per-account hot path, which allocates nothing.</summary>
[MemoryDiagnoser]
public class BehaviorLeafBenchmarks
{
    private CompiledPredicate _count = null!;
    private CompiledPredicate _sum = null!;
    private AccountId _account;
    private readonly SignalContext _context = new(BehaviorData.AsOf, DateTimeZone.Utc);

    [GlobalSetup]
    public void Setup()
    {
        BehaviorData data = BehaviorData.Create(1_000_000);
        var evaluator = new BehaviorEvaluator(data.BuildStore());
        _count = evaluator.Compile(BehaviorPredicate.Parse("count(login, last 30d) >= 5"));
        _sum = evaluator.Compile(BehaviorPredicate.Parse("sum(page_view, last 30d) >= 50"));
        _account = data.AccountIds[12_345];
    }

    [Benchmark]
    public bool CountLeaf() => _count.Matches(_account, _context);

    [Benchmark]
    public bool SumLeaf() => _sum.Matches(_account, _context);
}
