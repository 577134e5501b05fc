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

// "verify-e2e" checks the end-to-end comparison (issue 17): the native tool (CS_CLI_NATIVE) and DuckDB print the same
// figures from the same files, and the tool reads DuckDB's Parquet files as the CSV files they came from.
if (args is ["verify-e2e"])
{
    new EndToEndVersusDuckDbBenchmarks().Verify();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MrrVersusDuckDbBenchmarks).Assembly).Run(args);
