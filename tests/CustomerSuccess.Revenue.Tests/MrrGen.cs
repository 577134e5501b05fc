using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>A random MRR history: rows in random order with gaps (churn, reactivation), group moves and, sometimes, a second currency.</summary>
public sealed record MrrSample(MrrRow[] Rows, ExchangeRateTable Rates, bool MultiCurrency)
{
    public static readonly YearMonth First = new(2025, 1);
    public static readonly YearMonth Last = new(2025, 12);

    public MrrOptions Options(bool nrrIncludesReactivation = false) => new()
    {
        ReportingCurrency = Currency.USD,
        ExchangeRates = Rates,
        NrrIncludesReactivation = nrrIncludesReactivation,
    };

    public override string ToString() => $"{Rows.Length} rows{(MultiCurrency ? ", USD+EUR" : string.Empty)}: {string.Join("; ", Rows.Take(40))}";
}

public static class MrrArbitraries
{
    private static readonly string[] Groups = ["Enterprise", "MidMarket", "SMB"];
    // Small and large amounts at several scales: the whole-unit path must agree with plain decimals on all of them.
    private static readonly decimal[] Prices = [0m, 99m, 250.5m, 1_000m, 2_416.67m, 5_000m, 12_345.67m, 21_474_836.48m, 99_999_999.999m, 0.0001m, 1_000_000_000_000m];

    public static Arbitrary<MrrSample> MrrSample() => Sample(Gen.Elements(false, false, true)).ToArbitrary();

    public static Arbitrary<UsdSample> UsdSample() => Sample(Gen.Constant(false)).Select(s => new UsdSample(s)).ToArbitrary();

    private static Gen<MrrSample> Sample(Gen<bool> currencies) =>
        from accountCount in Gen.Choose(1, 25)
        from multiCurrency in currencies
        from accounts in Gen.ArrayOf(Account(multiCurrency), accountCount)
        from rates in Rates
        from seed in Gen.Choose(0, int.MaxValue)
        let rows = accounts.SelectMany((rows, i) => rows.Select(r => new MrrRow(new AccountId($"acct-{i:D3}"), r.Month, r.Mrr, r.Group))).ToArray()
        select new MrrSample(Shuffle(rows, seed), rates, multiCurrency && rows.Any(r => r.Mrr.Currency == Currency.EUR));

    private static Gen<ExchangeRateTable> Rates { get; } =
        Gen.ArrayOf(Gen.Choose(900, 1_300), 12).Select(rates =>
        {
            var builder = ExchangeRateTable.CreateBuilder();
            for (int m = 0; m < 12; m++)
            {
                builder.Add(Currency.EUR, Currency.USD, new YearMonth(2025, m + 1), rates[m] / 1_000m);
            }

            return builder.Build();
        });

    private static Gen<(YearMonth Month, Money Mrr, string Group)[]> Account(bool mayBeEuro) =>
        from currency in mayBeEuro ? Gen.Elements(Currency.USD, Currency.EUR) : Gen.Constant(Currency.USD)
        from present in Gen.ArrayOf(Gen.Elements(true, true, true, false), 12)
        from prices in Gen.ArrayOf(Gen.Elements(Prices), 12)
        from groups in Gen.ArrayOf(Gen.Elements(Groups), 12)
        from stickyGroup in Gen.Elements(true, true, false)
        select Enumerable.Range(0, 12)
            .Where(m => present[m])
            .Select(m => (new YearMonth(2025, m + 1), new Money(prices[m], currency), stickyGroup ? groups[0] : groups[m]))
            .ToArray();

    private static MrrRow[] Shuffle(MrrRow[] rows, int seed)
    {
        var random = new System.Random(seed);
        var copy = rows.ToArray();
        random.Shuffle(copy);
        return copy;
    }
}

/// <summary>A random MRR history in US dollars only.</summary>
public sealed record UsdSample(MrrSample Sample)
{
    public override string ToString() => Sample.ToString();
}

/// <summary>
/// The plain reference: a dense loop over every account and month with a dictionary, written straight from DESIGN
/// section 3, for comparison with the optimised sparse walk.
/// </summary>
public static class ReferenceMovements
{
    public static Dictionary<string, decimal> Totals(IEnumerable<MrrRow> rows, YearMonth month)
    {
        var mrr = new Dictionary<(AccountId, YearMonth), decimal>();
        foreach (MrrRow row in rows)
        {
            mrr[(row.Account, row.Month)] = mrr.GetValueOrDefault((row.Account, row.Month)) + row.Mrr.Amount;
        }

        var totals = new Dictionary<string, decimal> { ["opening"] = 0, ["new"] = 0, ["reactivation"] = 0, ["expansion"] = 0, ["contraction"] = 0, ["churn"] = 0, ["closing"] = 0, ["churned"] = 0, ["opening_customers"] = 0 };
        foreach (AccountId account in mrr.Keys.Select(k => k.Item1).Distinct())
        {
            decimal before = mrr.GetValueOrDefault((account, month.PlusMonths(-1)));
            decimal now = mrr.GetValueOrDefault((account, month));
            bool paidEarlier = mrr.Any(kv => kv.Key.Item1 == account && kv.Key.Item2 < month.PlusMonths(-1) && kv.Value > 0);
            totals["opening"] += before;
            totals["closing"] += now;
            totals["opening_customers"] += before > 0 ? 1 : 0;
            if (before == 0 && now > 0)
            {
                totals[paidEarlier ? "reactivation" : "new"] += now;
            }
            else if (before > 0 && now == 0)
            {
                totals["churn"] += before;
                totals["churned"]++;
            }
            else if (now > before)
            {
                totals["expansion"] += now - before;
            }
            else
            {
                totals["contraction"] += before - now;
            }
        }

        return totals;
    }
}
