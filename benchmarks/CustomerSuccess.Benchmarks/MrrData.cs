using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>The order snapshot rows arrive in.</summary>
public enum RowOrder
{
    /// <summary>Grouped by account, months ascending: the usual export order.</summary>
    Grouped,

    /// <summary>Shuffled.</summary>
    Random,
}

/// <summary>
/// 50,000 accounts x 20 months of MRR (about a million rows after a few missing months): prices in cents, some
/// expansions and contractions, 2% of months missing (churn and reactivation).
/// </summary>
internal static class MrrData
{
    public static readonly YearMonth First = new(2025, 1);
    public static readonly YearMonth Last = new(2026, 8);

    public static MrrRow[] Rows(RowOrder order, int accounts = 50_000, int months = 20)
    {
        var random = new Random(20260630);
        var rows = new List<MrrRow>(accounts * months);
        for (int a = 0; a < accounts; a++)
        {
            var id = new AccountId($"acct-{a:D6}");
            decimal mrr = random.Next(1_000, 500_000) / 100m;
            for (int m = 0; m < months; m++)
            {
                if (random.NextDouble() < 0.05)
                {
                    mrr = Math.Round(mrr * (decimal)(0.8 + (random.NextDouble() * 0.5)), 2);
                }

                if (random.NextDouble() >= 0.02)
                {
                    rows.Add(new MrrRow(id, First.PlusMonths(m), new Money(mrr, Currency.USD)));
                }
            }
        }

        MrrRow[] result = rows.ToArray();
        if (order == RowOrder.Random)
        {
            random.Shuffle(result);
        }

        return result;
    }

    public static string WriteCsv(MrrRow[] rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cs-bench-mrr-{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("account_id,month,mrr\n", rows.Length * 32);
        foreach (MrrRow row in rows)
        {
            text.Append(row.Account.Value).Append(',')
                .Append(row.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Mrr.Amount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
