using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The check CI runs on the scoring hot path (`-- guard`): single-account scoring must allocate nothing (an exact count,
/// from <see cref="GC.GetAllocatedBytesForCurrentThread"/>) and must stay at least <see cref="MinimumSpeedUp"/> times
/// faster than the hand-written LINQ version measured in the same process (a ratio survives a noisy machine where a
/// time would not). BenchmarkDotNet measures the same pair properly; this is its quick, in-process guard.
/// </summary>
internal static class HotPathGuard
{
    /// <summary>Measured at about 11x (docs/benchmarks.md); the floor leaves a wide margin for noisy CI machines.</summary>
    public const double MinimumSpeedUp = 4;

    public static int Run()
    {
        var bench = new HealthScoreBenchmarks();
        bench.Setup();
        double sink = 0;
        for (int i = 0; i < 20_000; i++)
        {
            sink += bench.Scorer() + bench.HandWrittenLinq(); // let tiered compilation settle
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sink += bench.Scorer();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Interleaved rounds, median ratio: both sides see the same machine weather.
        var ratios = new List<double>();
        for (int round = 0; round < 9; round++)
        {
            long linq = Time(() => sink += bench.HandWrittenLinq(), 20_000);
            long scorer = Time(() => sink += bench.Scorer(), 20_000);
            ratios.Add((double)linq / scorer);
        }

        double speedUp = ratios.Order().ElementAt(ratios.Count / 2);
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
