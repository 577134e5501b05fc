using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.Intrinsics;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The check CI runs on the scoring hot paths (`-- guard`), in process, with same-process ratios (a ratio survives a
/// noisy machine where a time would not): single-account scoring must allocate nothing (an exact count, from
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>) and stay at least <see cref="MinimumSpeedUp"/> times faster than
/// the hand-written LINQ version; columnar scoring must stay within <see cref="MaximumColumnsRatio"/> times the plain
/// vectorised pass over the same columns (<see cref="MaximumMixedColumnsRatio"/> for a model with every curve kind and a gate). BenchmarkDotNet measures the same pairs properly; this is their quick guard.
/// </summary>
internal static class HotPathGuard
{
    /// <summary>Measured at 13x to 15x by this guard (docs/benchmarks.md); the floor leaves a wide margin for noisy CI machines.</summary>
    public const double MinimumSpeedUp = 7;

    /// <summary>Measured at 1.1x to 1.6x (docs/benchmarks.md); before the all-vector kernel it was about 3x.</summary>
    public const double MaximumColumnsRatio = 2.2;

    /// <summary>Measured at about 1.9x (docs/benchmarks.md); before the kernel covered every built-in curve and gates it was 24x.</summary>
    public const double MaximumMixedColumnsRatio = 4;

    /// <summary>The least time the single-account pair runs before it is measured.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>The least time of one round of the faster side: a shorter round is at the mercy of one time slice given away.</summary>
    private static readonly TimeSpan MinimumRound = TimeSpan.FromMilliseconds(50);

    public static int Run()
    {
        int status = SingleAccount();
        return ColumnsAgainstPlainPass() | status;
    }

    private static int SingleAccount()
    {
        var bench = new HealthScoreBenchmarks();
        bench.Setup();
        double sink = 0;
        // Let tiered compilation settle: by time as well as by count, because the JIT recompiles hot methods on a
        // background thread after a quiet spell, which a busy machine delays; the LINQ side is mostly precompiled
        // framework code, so a scorer measured before its tier-up looks several times slower than it is.
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; i < 20_000 || warmUp.Elapsed < WarmUp; i++)
        {
            sink += bench.Scorer() + bench.HandWrittenLinq();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sink += bench.Scorer();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        double speedUp = MedianRatio(() => sink += bench.HandWrittenLinq(), () => sink += bench.Scorer(), 20_000);
        Console.WriteLine($"hot path guard: single-account scoring allocates {allocated} bytes per 10,000 scores; {speedUp:F1}x the hand-written LINQ version (floor {MinimumSpeedUp}x) [{sink > 0}]");
        if (allocated != 0)
        {
            Console.Error.WriteLine("hot path guard: single-account scoring allocates.");
            return 1;
        }

        if (speedUp < MinimumSpeedUp)
        {
            Console.Error.WriteLine($"hot path guard: the speed-up fell below {MinimumSpeedUp}x.");
            return 1;
        }

        return 0;
    }

    private static int ColumnsAgainstPlainPass()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            // The plain pass is only vectorised at 512 bits; elsewhere the comparison would not be like for like.
            Console.WriteLine("hot path guard: columnar scoring not compared (no 512-bit vectors on this machine).");
            return 0;
        }

        var bench = new HealthColumnsBenchmarks();
        bench.Setup();
        double sink = 0;
        for (int i = 0; i < 30; i++)
        {
            sink += bench.ScoreColumns() + bench.ScoreColumnsMixedCurvesAndGate() + bench.PlainVectorisedPass(); // let tiered compilation settle
        }

        double ratio = MedianRatio(() => sink += bench.ScoreColumns(), () => sink += bench.PlainVectorisedPass(), 3);
        double mixed = MedianRatio(() => sink += bench.ScoreColumnsMixedCurvesAndGate(), () => sink += bench.PlainVectorisedPass(), 3);
        Console.WriteLine($"hot path guard: columnar scoring of 1,000,000 accounts x 8 signals takes {ratio:F2}x the plain vectorised pass (ceiling {MaximumColumnsRatio}x), {mixed:F2}x with every curve kind and a gate (ceiling {MaximumMixedColumnsRatio}x) [{sink > 0}]");
        int status = 0;
        if (ratio > MaximumColumnsRatio)
        {
            Console.Error.WriteLine($"hot path guard: columnar scoring rose above {MaximumColumnsRatio}x the plain pass.");
            status = 1;
        }

        if (mixed > MaximumMixedColumnsRatio)
        {
            Console.Error.WriteLine($"hot path guard: columnar scoring with every curve kind and a gate rose above {MaximumMixedColumnsRatio}x the plain pass.");
            status = 1;
        }

        return status;
    }

    // Interleaved rounds, median ratio of first to second: both sides see the same machine weather. The faster side's
    // rounds were about 20 ms; a slice given away to another process on a busy two-core machine is a large part of
    // that, so the iterations grow until the second, faster side takes MinimumRound.
    private static double MedianRatio(Action first, Action second, int iterations)
    {
        long needed = (long)(MinimumRound.TotalSeconds * Stopwatch.Frequency);
        for (long took = Time(second, iterations); took < needed; took = Time(second, iterations))
        {
            iterations = checked(iterations * 2);
        }

        var ratios = new List<double>();
        for (int round = 0; round < 9; round++)
        {
            long a = Time(first, iterations);
            long b = Time(second, iterations);
            ratios.Add((double)a / b);
        }

        return ratios.Order().ElementAt(ratios.Count / 2);
    }

    private static long Time(Action action, int iterations)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < iterations; i++)
        {
            action();
        }

        return Stopwatch.GetTimestamp() - start;
    }
}
