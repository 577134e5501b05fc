using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// One account with 8 signals through the plugin contract: the compiled scorer against the same weighted score written
/// by hand with LINQ over a dictionary of raw values (the baseline). The goal is 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class HealthScoreBenchmarks
{
    private static readonly string[] Groups = ["adoption", "adoption", "support", "support", "engagement", "financial", "relationship", "outcomes"];
    private static readonly double[] Weights = [2, 1, 1, 1, 1, 2, 1, 1];

    private readonly SignalContext _context = new(Instant.FromUtc(2026, 9, 8, 12, 0), DateTimeZone.Utc);
    private HealthScorer<BenchAccount> _scorer = null!;
    private BenchAccount _account = null!;
    private Dictionary<string, double> _raw = null!;
    private Dictionary<string, (double Zero, double Full, double Weight, string Group)> _handModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        HealthModel.Builder builder = HealthModel.CreateBuilder("bench");
        var plugins = new List<ISignal<BenchAccount>>();
        _handModel = [];
        for (int i = 0; i < 8; i++)
        {
            int slot = i;
            var id = new SignalId($"s{i}");
            builder.AddSignal(new HealthSignalDefinition(id, Curve.Linear(0, 100 + (i * 10)), Weights[i], Groups[i]));
            plugins.Add(Signal.Create<BenchAccount>(id, SignalTiming.Leading, (account, _) => SignalValue.Of(account.Raw[slot])));
            _handModel[$"s{i}"] = (0, 100 + (i * 10), Weights[i], Groups[i]);
        }

        _scorer = HealthScorer.Create(builder.Build(), plugins);
        _account = new BenchAccount([35, 80, 12, 64, 99, 5, 70, 42]);
        _raw = Enumerable.Range(0, 8).ToDictionary(i => $"s{i}", i => _account.Raw[i]);
    }

    [Benchmark(Baseline = true)]
    public double HandWrittenLinq()
    {
        // What one writes without the library: score each signal, average per group, average the groups.
        return _handModel
            .Where(m => _raw.ContainsKey(m.Key))
            .Select(m => (m.Value.Group, m.Value.Weight, Score: System.Math.Clamp((_raw[m.Key] - m.Value.Zero) / (m.Value.Full - m.Value.Zero) * 100, 0, 100)))
            .GroupBy(x => x.Group)
            .Select(g => g.Sum(x => x.Weight * x.Score) / g.Sum(x => x.Weight))
            .Average();
    }

    [Benchmark]
    public double Scorer() => _scorer.Score(_account, _context).Value;

    public sealed record BenchAccount(double[] Raw);
}
