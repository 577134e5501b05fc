using BenchmarkDotNet.Running;
using CustomerSuccess.Benchmarks;

// `-- guard` is CI's quick in-process check of the scoring hot path; anything else goes to BenchmarkDotNet.
if (args is ["guard"])
{
    return HotPathGuard.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(MoneyArithmeticBenchmarks).Assembly).Run(args);
return 0;
