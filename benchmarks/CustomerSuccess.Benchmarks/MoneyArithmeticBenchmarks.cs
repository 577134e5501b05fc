using System;
using BenchmarkDotNet.Attributes;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Summing a month of MRR: what currency safety costs over raw decimals. Every MRR figure the Revenue package
/// reports is such a sum, so Money's checks must stay close to the decimal baseline and allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class MoneyArithmeticBenchmarks
{
    private decimal[] _amounts = [];
    private Money[] _money = [];

    [Params(1_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _amounts = new decimal[Count];
        _money = new Money[Count];
        for (int i = 0; i < Count; i++)
        {
            _amounts[i] = random.Next(1_000, 5_000_000) / 100m;
            _money[i] = new Money(_amounts[i], Currency.USD);
        }
    }

    [Benchmark(Baseline = true)]
    public decimal DecimalSum()
    {
        decimal total = 0m;
        foreach (decimal amount in _amounts)
        {
            total += amount;
        }

        return total;
    }

    [Benchmark]
    public Money MoneyOperatorSum()
    {
        Money total = Money.Zero(Currency.USD);
        foreach (Money amount in _money)
        {
            total += amount;
        }

        return total;
    }

    [Benchmark]
    public Money MoneySumHelper() => Money.Sum(_money, Currency.USD);

    [Benchmark]
    public Money AnnualiseAndRound()
    {
        Money total = Money.Zero(Currency.USD);
        foreach (Money amount in _money)
        {
            total += (amount * 12m).Round();
        }

        return total;
    }
}
