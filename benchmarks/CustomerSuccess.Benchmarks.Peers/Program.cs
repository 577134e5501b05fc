using System;
using BenchmarkDotNet.Running;
using CustomerSuccess.Benchmarks;

// "verify" checks that the library and DuckDB agree on the numbers before timing them.
if (args is ["verify"])
{
    foreach (RowOrder order in Enum.GetValues<RowOrder>())
    {
        new MrrVersusDuckDbBenchmarks { Order = order }.Verify();
    }

    new HealthVersusDuckDbBenchmarks().Verify();
    new BehaviorsVersusDuckDbBenchmarks().Verify();

    Console.WriteLine("The library and DuckDB agree.");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MrrVersusDuckDbBenchmarks).Assembly).Run(args);
