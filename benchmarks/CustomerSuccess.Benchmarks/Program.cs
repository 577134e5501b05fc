using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CustomerSuccess.Benchmarks.MoneyArithmeticBenchmarks).Assembly).Run(args);
