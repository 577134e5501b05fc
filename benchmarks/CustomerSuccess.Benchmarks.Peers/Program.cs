using System;
using BenchmarkDotNet.Running;
using CustomerSuccess.Benchmarks;

// "verify" checks that the library and DuckDB (and, for health scores, the hand-written LINQ version) agree on the
// numbers before timing them.
if (args is ["verify"])
{
    foreach (RowOrder order in Enum.GetValues<RowOrder>())
    {
        new MrrVersusDuckDbBenchmarks { Order = order }.Verify();
    }

    new HealthVersusDuckDbBenchmarks().Verify();
    new BehaviorsVersusDuckDbBenchmarks().Verify();

    Console.WriteLine("The library, DuckDB and the hand-written versions agree.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MrrVersusDuckDbBenchmarks).Assembly).Run(args);
