using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// 1,000,000 accounts x 8 signals already measured, one column per signal (64 MB): the library's columnar scoring
/// (linear curves, weights, clamps, bands, a result struct per account; and a model with every built-in curve kind and
/// a gate) against the limit, a plain vectorised pass that only multiplies and adds the same columns (the baseline).
/// </summary>
[MemoryDiagnoser]
public class HealthColumnsBenchmarks
{
    private const int Accounts = 1_000_000;
    private static readonly double[] Weights = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.1, 0.1];

    private double[][] _columns = [];
    private double[] _plain = [];
    private HealthScore[] _scores = [];
    private HealthScorer<object> _scorer = null!;
    private HealthScorer<object> _mixedScorer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _columns = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, Accounts).Select(_ => random.NextDouble() * 120).ToArray()).ToArray();
        _plain = new double[Accounts];
        _scores = new HealthScore[Accounts];
        HealthModel.Builder model = HealthModel.CreateBuilder("columns");
        for (int i = 0; i < 8; i++)
        {
            model.AddSignal(new HealthSignalDefinition(new SignalId($"s{i}"), Curve.Linear(0, 100), Weights[i] * 10, $"g{i % 4}"));
        }

        _scorer = HealthScorer.Create(model.Build(), Plugins());

        // A model of the demo's kind: two linear curves, each other built-in kind twice, and a gate.
        IScoreCurve[] curves =
        [
            Curve.Linear(0, 100), Curve.Linear(120, 10),
            Curve.Steps(100, new CurvePoint(20, 70), new CurvePoint(60, 10)), Curve.Steps(0, new CurvePoint(50, 100)),
            Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(60, 30), new CurvePoint(80, 70), new CurvePoint(100, 100)),
            Curve.Piecewise(new CurvePoint(10, 100), new CurvePoint(110, 0)),
            Curve.Boolean(), Curve.Boolean(0, 100),
        ];
        HealthModel.Builder mixed = HealthModel.CreateBuilder("mixed");
        for (int i = 0; i < 8; i++)
        {
            mixed.AddSignal(new HealthSignalDefinition(new SignalId($"s{i}"), curves[i], Weights[i] * 10, $"g{i % 4}"));
        }

        mixed.AddGate(new HealthGate(new SignalId("s1"), GateComparison.AtLeast, 110, GateEffect.Cap, 39.9, "s1 at 110 or more caps at red"));
        _mixedScorer = HealthScorer.Create(mixed.Build(), Plugins());

        static IEnumerable<ISignal<object>> Plugins() =>
            Enumerable.Range(0, 8).Select(i => Signal.Create<object>(new SignalId($"s{i}"), SignalTiming.Lagging, static (_, _) => SignalValue.Missing("columns only")));
    }

    [Benchmark(Baseline = true)]
    public double PlainVectorisedPass()
    {
        // The tightest pass over the same memory: broadcasts hoisted, loads without bounds checks, one fused
        // multiply-add per column and one double written per account.
        int r = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Span<Vector512<double>> weights = stackalloc Vector512<double>[8];
            for (int i = 0; i < 8; i++)
            {
                weights[i] = Vector512.Create(Weights[i]);
            }

            ref double plain = ref MemoryMarshal.GetArrayDataReference(_plain);
            for (; r + 8 <= Accounts; r += 8)
            {
                Vector512<double> total = Vector512<double>.Zero;
                for (int i = 0; i < 8; i++)
                {
                    total = Vector512.FusedMultiplyAdd(weights[i], Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_columns[i]), (nuint)r), total);
                }

                total.StoreUnsafe(ref plain, (nuint)r);
            }
        }

        for (; r < Accounts; r++)
        {
            double total = 0;
            for (int i = 0; i < 8; i++)
            {
                total += Weights[i] * _columns[i][r];
            }

            _plain[r] = total;
        }

        return _plain[Accounts - 1];
    }

    [Benchmark]
    public double ScoreColumns()
    {
        _scorer.ScoreColumns(_columns, Instant.FromUtc(2026, 1, 1, 0, 0), _scores);
        return _scores[Accounts - 1].Value;
    }

    [Benchmark]
    public double ScoreColumnsMixedCurvesAndGate()
    {
        _mixedScorer.ScoreColumns(_columns, Instant.FromUtc(2026, 1, 1, 0, 0), _scores);
        return _scores[Accounts - 1].Value;
    }
}
