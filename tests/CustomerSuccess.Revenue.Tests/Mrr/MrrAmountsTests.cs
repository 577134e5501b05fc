using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>
/// A history holds its amounts as whole units where they fit, each row with its own scale when scales differ, and as
/// decimals when one does not fit. Whichever way, every amount reads back as the decimal written: same value, same scale
/// (100 stays "100", 100.50 stays "100.50"), whatever the order the rows came in and however they were grouped.
/// </summary>
public class MrrAmountsTests
{
    private static readonly YearMonth First = new(2025, 1);

    [Property(MaxTest = 300)]
    public Property Movements_ReadEveryAmountBack_AsWritten(PositiveInt[] seeds, bool grouped, bool inAccountOrder, byte mode)
    {
        // mode picks the mix: one scale; several scales; several scales and an amount too large for units.
        var rows = new List<MrrRow>();
        var written = new Dictionary<(string Account, int Month), decimal>();
        for (int i = 0; i < seeds.Length; i++)
        {
            int s = seeds[i].Get;
            string account = $"a{s % 7}";
            int month = (s / 7) % 12;
            if (!written.TryAdd((account, month), Amount(s, i, mode % 3)))
            {
                continue;
            }

            string group = grouped ? $"g{(s / 84) % 3}" : string.Empty;
            rows.Add(new MrrRow(new AccountId(account), First.PlusMonths(month), new Money(written[(account, month)], Currency.USD), group));
        }

        if (inAccountOrder)
        {
            rows = [.. rows.OrderBy(r => r.Account.Value, StringComparer.Ordinal)];
        }

        // Groups must be one per account and month only; an account may change group between months.
        MrrHistory history = MrrHistory.FromRows(rows);
        string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var failures = new List<string>();
        foreach (AccountMovement m in history.EnumerateMovements())
        {
            int month = (m.Month.Year - First.Year) * 12 + m.Month.Month - 1;
            decimal? before = m.Kind is MrrMovementKind.New or MrrMovementKind.Reactivation ? null : written[(m.Account.Value, month - 1)];
            decimal? after = m.Kind is MrrMovementKind.Churn ? null : written[(m.Account.Value, month)];
            if (before is { } b && Text(b) != Text(m.MrrBefore.Amount))
            {
                failures.Add($"{m.Account} {m.Month} before: wrote {Text(b)}, read {Text(m.MrrBefore.Amount)}");
            }

            if (after is { } a && Text(a) != Text(m.MrrAfter.Amount))
            {
                failures.Add($"{m.Account} {m.Month} after: wrote {Text(a)}, read {Text(m.MrrAfter.Amount)}");
            }
        }

        return (failures.Count == 0).Label(string.Join("; ", failures.Take(5)));
    }

    [Fact]
    public void AnAmountTooLargeForUnits_TurnsTheColumnToDecimals_WithoutChangingAnyAmount()
    {
        MrrRow[] rows =
        [
            new(new AccountId("a"), First, new Money(100m, Currency.USD)),
            new(new AccountId("a"), First.PlusMonths(1), new Money(100.50m, Currency.USD)),
            new(new AccountId("b"), First, new Money(0.0001m, Currency.USD)),
            new(new AccountId("b"), First.PlusMonths(1), new Money(12_345_678_901_234_567.89m, Currency.USD)),
            new(new AccountId("c"), First, new Money(7.1234567m, Currency.USD)),
            new(new AccountId("c"), First.PlusMonths(1), new Money(7m, Currency.USD)),
        ];

        AccountMovement[] movements = [.. MrrHistory.FromRows(rows).EnumerateMovements()];

        Assert.Equal(
            ["a 100 100.50", "b 0.0001 12345678901234567.89", "c 7.1234567 7"],
            movements.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Account} {m.MrrBefore.Amount} {m.MrrAfter.Amount}")));
        Assert.Equal(12_345_678_901_234_567.89m + 100.50m + 7m, MrrHistory.FromRows(rows).Movements().Total(First.PlusMonths(1)).ClosingMrr.Amount);
    }

    // An amount above 0 whose scale and size depend on the mix.
    private static decimal Amount(int seed, int row, int mix)
    {
        int scale = mix == 0 ? 2 : seed % 9;
        long mantissa = 1 + ((long)seed * 7919 % 100_000_000);
        if (mix == 2 && row % 11 == 5)
        {
            mantissa *= 100_000_000_000; // past 10^15 units at any scale up to 6
        }

        return new decimal(unchecked((int)mantissa), (int)(mantissa >> 32), 0, false, (byte)scale);
    }
}
