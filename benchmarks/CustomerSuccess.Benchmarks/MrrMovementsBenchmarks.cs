using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Revenue;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Monthly movements and retention over a million snapshot rows already in memory: the library (one pass into columns,
/// whole-unit sums) against the loop a developer writes by hand (a dictionary per account and decimal sums).
/// Rows per second = 1,000,000 / mean.
/// </summary>
[MemoryDiagnoser]
public class MrrMovementsBenchmarks
{
    private MrrRow[] _rows = [];

    [Params(RowOrder.Grouped, RowOrder.Random)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup() => _rows = MrrData.Rows(Order);

    [Benchmark(Baseline = true)]
    public decimal NaiveDictionaryLoop()
    {
        var byAccount = new Dictionary<AccountId, Dictionary<int, decimal>>();
        int first = int.MaxValue, last = int.MinValue;
        foreach (MrrRow row in _rows)
        {
            if (!byAccount.TryGetValue(row.Account, out Dictionary<int, decimal>? months))
            {
                byAccount[row.Account] = months = [];
            }

            int month = (row.Month.Year * 12) + row.Month.Month;
            months[month] = months.GetValueOrDefault(month) + row.Mrr.Amount;
            first = System.Math.Min(first, month);
            last = System.Math.Max(last, month);
        }

        var opening = new decimal[last - first + 1];
        var expansion = new decimal[last - first + 1];
        var contraction = new decimal[last - first + 1];
        var churn = new decimal[last - first + 1];
        var newMrr = new decimal[last - first + 1];
        var reactivation = new decimal[last - first + 1];
        foreach (Dictionary<int, decimal> months in byAccount.Values)
        {
            bool paid = false;
            for (int m = first + 1; m <= last; m++)
            {
                decimal before = months.GetValueOrDefault(m - 1);
                decimal now = months.GetValueOrDefault(m);
                paid |= before > 0;
                int i = m - first;
                opening[i] += before;
                if (before == 0 && now > 0)
                {
                    (paid ? ref reactivation[i] : ref newMrr[i]) += now;
                }
                else if (before > 0 && now == 0)
                {
                    churn[i] += before;
                }
                else if (now > before)
                {
                    expansion[i] += now - before;
                }
                else
                {
                    contraction[i] += before - now;
                }
            }
        }

        int lastIndex = last - first;
        return (opening[lastIndex] + expansion[lastIndex] - contraction[lastIndex] - churn[lastIndex]) / opening[lastIndex];
    }

    [Benchmark]
    public Ratio Library()
    {
        MrrMovementReport report = MrrHistory.FromRows(_rows).Movements(MrrData.First, MrrData.Last);
        return report.Total(MrrData.Last).Nrr;
    }
}
