using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

public class MrrHistoryTests
{
    private static readonly YearMonth Jan = new(2026, 1), Feb = new(2026, 2), Mar = new(2026, 3), Apr = new(2026, 4);

    private static MrrRow Row(string account, YearMonth month, decimal mrr, string? group = null, Currency? currency = null) =>
        new(new AccountId(account), month, new Money(mrr, currency ?? Currency.USD), group);

    [Fact]
    public void Nrr_Seed002Example_Is108Percent()
    {
        // Seed 002: 75,000 opening, 10,000 expansion, 2,000 contraction, 2,000 churn.
        MrrRow[] rows =
        [
            Row("a", Jan, 40_000m), Row("a", Feb, 50_000m),
            Row("b", Jan, 20_000m), Row("b", Feb, 18_000m),
            Row("c", Jan, 2_000m),
            Row("d", Jan, 13_000m), Row("d", Feb, 13_000m),
        ];

        MrrMonthFigures feb = MrrHistory.FromRows(rows).Movements().Total(Feb);

        Assert.Equal(75_000m, feb.OpeningMrr.Amount);
        Assert.Equal(10_000m, feb.Expansion.Amount);
        Assert.Equal(2_000m, feb.Contraction.Amount);
        Assert.Equal(2_000m, feb.Churn.Amount);
        Assert.Equal(1.08m, feb.Nrr.Value);
        Assert.Equal("108.0%", feb.Nrr.ToString());
        Assert.Equal(71m / 75m, feb.Grr.Value);
        Assert.Equal(Ratio.Of(10_000m, 4_000m), feb.QuickRatio);
        Assert.Equal(Ratio.Of(1, 4), feb.LogoChurn);
    }

    [Fact]
    public void Cohort_Seed002Customers_GrossLogoChurnIs25PercentAndNetChangeMinus20()
    {
        // Seed 002: 40 customers at the start, 2 added, 32 at the end: 10 lost.
        var rows = new List<MrrRow>();
        for (int i = 0; i < 40; i++)
        {
            rows.Add(Row($"c{i:D2}", Jan, 1_000m));
            if (i >= 10)
            {
                rows.Add(Row($"c{i:D2}", Apr, 1_000m));
            }
        }

        rows.Add(Row("n1", Feb, 500m));
        rows.Add(Row("n1", Apr, 500m));
        rows.Add(Row("n2", Apr, 500m));

        CohortRetention q = MrrHistory.FromRows(rows).Cohort(Jan, Apr).Total;

        Assert.Equal(40, q.CohortSize);
        Assert.Equal(32, q.CustomersClosing);
        Assert.Equal(0.25m, q.LogoChurn.Value);
        Assert.Equal(-0.2m, q.NetCustomerChange.Value);
        Assert.Equal(0.75m, q.Nrr.Value);
    }

    [Fact]
    public void Movements_PaidBefore_IsReactivationNotNew()
    {
        MrrHistory history = MrrHistory.FromRows([Row("a", Jan, 100m), Row("a", Mar, 120m), Row("b", Mar, 50m)]);

        IReadOnlyList<AccountMovement> a = history.GetMovements(new AccountId("a"));
        Assert.Equal([MrrMovementKind.Churn, MrrMovementKind.Reactivation], a.Select(m => m.Kind));
        Assert.Equal(Feb, a[0].Month);
        Assert.Equal(new Money(100m, Currency.USD), a[0].Amount);

        MrrMonthFigures mar = history.Movements().Total(Mar);
        Assert.Equal(120m, mar.Reactivation.Amount);
        Assert.Equal(50m, mar.New.Amount);
        Assert.Equal(1, mar.CustomersReactivated);
        Assert.Equal(1, mar.CustomersNew);
        Assert.Empty(history.GetMovements(new AccountId("nobody")));
    }

    // The builder hands its account index to the history, renumbered, without the accounts whose rows were all $0: the
    // accounts after one of those must still be found, grouped or not, in two currencies.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GetMovements_AfterAnAccountOfOnlyZeroRows_FindsEveryOtherAccount(bool grouped)
    {
        MrrRow[] rows = grouped
            ? [Row("a", Jan, 100m), Row("a", Feb, 0m), Row("z", Jan, 0m), Row("z", Feb, 0m), Row("b", Feb, 50m, currency: Currency.EUR), Row("c", Jan, 10m), Row("c", Feb, 30m)]
            : [Row("c", Jan, 10m), Row("a", Jan, 100m), Row("z", Jan, 0m), Row("b", Feb, 50m, currency: Currency.EUR), Row("a", Feb, 0m), Row("z", Feb, 0m), Row("c", Feb, 30m)];
        MrrHistory history = MrrHistory.FromRows(rows);

        Assert.Equal(["a", "b", "c"], history.Accounts.Select(a => a.Value));
        Assert.Equal([MrrMovementKind.Churn], history.GetMovements(new AccountId("a")).Select(m => m.Kind));
        Assert.Equal([(MrrMovementKind.New, new Money(50m, Currency.EUR))], history.GetMovements(new AccountId("b")).Select(m => (m.Kind, m.Amount)));
        Assert.Equal([(MrrMovementKind.Expansion, new Money(20m, Currency.USD))], history.GetMovements(new AccountId("c")).Select(m => (m.Kind, m.Amount)));
        Assert.Empty(history.GetMovements(new AccountId("z")));
    }

    [Fact]
    public void Nrr_NoOpeningRevenue_IsUndefinedNotZero()
    {
        MrrMonthFigures feb = MrrHistory.FromRows([Row("a", Feb, 100m), Row("z", Jan, 0m), Row("y", Mar, 1m)]).Movements(Jan, Mar).Total(Feb);

        Assert.False(feb.Nrr.HasValue);
        Assert.False(feb.Grr.HasValue);
        Assert.False(feb.LogoChurn.HasValue);
        Assert.False(feb.QuickRatio.HasValue);
        Assert.Equal("undefined", feb.Nrr.ToString());
    }

    [Fact]
    public void Nrr_WithReactivationOption_CountsReactivatedRevenue()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Feb, 100m), Row("b", Jan, 50m), Row("b", Mar, 50m), Row("a", Mar, 100m)];

        Assert.Equal(1m, MrrHistory.FromRows(rows).Movements().Total(Mar).Nrr.Value);
        Assert.Equal(1.5m, MrrHistory.FromRows(rows, new MrrOptions { NrrIncludesReactivation = true }).Movements().Total(Mar).Nrr.Value);
    }

    [Fact]
    public void ZeroMrr_DefaultIsChurn_OptionMakesItAContraction()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Feb, 0m), Row("b", Jan, 10m), Row("b", Feb, 10m)];

        MrrMonthFigures asChurn = MrrHistory.FromRows(rows).Movements().Total(Feb);
        Assert.Equal(100m, asChurn.Churn.Amount);
        Assert.Equal(1, asChurn.CustomersChurned);
        Assert.Equal(1, asChurn.CustomersClosing);

        MrrMonthFigures asContraction = MrrHistory.FromRows(rows, new MrrOptions { ZeroMrr = ZeroMrrPolicy.Contraction }).Movements().Total(Feb);
        Assert.Equal(0m, asContraction.Churn.Amount);
        Assert.Equal(100m, asContraction.Contraction.Amount);
        Assert.Equal(0, asContraction.CustomersChurned);
        Assert.Equal(2, asContraction.CustomersClosing);
    }

    [Fact]
    public void DuplicateRows_DefaultSumsSubscriptions_RejectNamesAccountAndMonth()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Jan, 25m), Row("a", Feb, 125m)];

        MrrMonthFigures feb = MrrHistory.FromRows(rows).Movements().Total(Feb);
        Assert.Equal(125m, feb.OpeningMrr.Amount);
        Assert.Equal(0m, feb.Expansion.Amount);

        var error = Assert.Throws<ArgumentException>(() => MrrHistory.FromRows(rows, new MrrOptions { DuplicateRows = DuplicateRowPolicy.Reject }));
        Assert.Contains("account 'a' in 2026-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRows_WithDifferentGroups_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => MrrHistory.FromRows([Row("a", Jan, 1m, "SMB"), Row("a", Jan, 2m, "Enterprise")]));
        Assert.Contains("'SMB' and 'Enterprise'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_NegativeMrr_IsRejectedNamingAccountAndMonth()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Row("acct-7", Mar, -1m));
        Assert.Contains("account 'acct-7' for 2026-03 is negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_AccountChangingCurrency_IsRejectedNamingBoth()
    {
        var builder = new MrrHistory.Builder().Add(Row("a", Jan, 1m));
        var error = Assert.Throws<ArgumentException>(() => builder.Add(Row("a", Feb, 1m, currency: Currency.EUR)));
        Assert.Contains("Account 'a' is billed in USD, but its row for 2026-02 is in EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fx_ACurrencySwingIsItsOwnFigure_NotExpansion()
    {
        var rates = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, Jan, 1.10m).Add(Currency.EUR, Currency.USD, Feb, 1.20m).Build();
        MrrRow[] rows = [Row("eu", Jan, 1_000m, currency: Currency.EUR), Row("eu", Feb, 1_000m, currency: Currency.EUR), Row("us", Jan, 500m), Row("us", Feb, 600m)];

        MrrMonthFigures feb = MrrHistory.FromRows(rows, new MrrOptions { ExchangeRates = rates }).Movements().Total(Feb);

        Assert.Equal(1_600m, feb.OpeningMrr.Amount);
        Assert.Equal(100m, feb.FxImpact.Amount);
        Assert.Equal(100m, feb.Expansion.Amount);
        Assert.Equal(1_800m, feb.ClosingMrr.Amount);
        Assert.Equal(1_800m / 1_700m, feb.Nrr.Value);
        Assert.Equal(1, feb.CustomersExpanded);
    }

    [Fact]
    public void Fx_MissingRate_FailsNamingTheCurrencyAndMonth()
    {
        var rates = ExchangeRateTable.CreateBuilder().Add(Currency.EUR, Currency.USD, Jan, 1.10m).Build();
        MrrHistory history = MrrHistory.FromRows([Row("eu", Jan, 1_000m, currency: Currency.EUR), Row("eu", Feb, 1_000m, currency: Currency.EUR)], new MrrOptions { ExchangeRates = rates });

        var error = Assert.Throws<MissingExchangeRateException>(() => history.Movements());
        Assert.Contains("EUR to USD for 2026-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_AccountMovingSegment_CountsInItsOpeningGroup()
    {
        MrrRow[] rows = [Row("a", Jan, 100m, "SMB"), Row("a", Feb, 300m, "MidMarket"), Row("b", Feb, 50m, "MidMarket")];
        MrrMovementReport report = MrrHistory.FromRows(rows).Movements();

        Assert.Equal(["MidMarket", "SMB"], report.Groups);
        Assert.Equal(200m, report.ForGroup("SMB", Feb).Expansion.Amount);
        Assert.Equal(300m, report.ForGroup("SMB", Feb).ClosingMrr.Amount);
        Assert.Equal(50m, report.ForGroup("MidMarket", Feb).New.Amount);
        Assert.Throws<KeyNotFoundException>(() => report.ForGroup("Enterprise", Feb));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.Total(Jan));
    }

    [Fact]
    public void Cohort_GroupIsTheGroupInTheOpeningMonth_AndOptionCountsNewAccountsInLogoChurn()
    {
        MrrRow[] rows = [Row("a", Jan, 100m, "SMB"), Row("a", Apr, 100m, "MidMarket"), Row("b", Jan, 100m, "SMB"), Row("n", Feb, 10m, "SMB")];

        CohortReport report = MrrHistory.FromRows(rows).Cohort(Jan, Apr);
        Assert.Equal(2, report.ForGroup("SMB").CohortSize);
        Assert.Equal(0, report.ForGroup("MidMarket").CohortSize);
        Assert.Equal(0.5m, report.Total.LogoChurn.Value);
        Assert.Equal(1, report.Total.CustomersStartedAndLost);

        CohortReport including = MrrHistory.FromRows(rows, new MrrOptions { CohortLogoChurnIncludesNewAccounts = true }).Cohort(Jan, Apr);
        Assert.Equal(Ratio.Of(2, 3), including.Total.LogoChurn);
    }

    [Fact]
    public void Cohort_Grr_CapsEachAccountAtItsOpeningMrr()
    {
        CohortRetention q = MrrHistory.FromRows([Row("a", Jan, 100m), Row("a", Apr, 150m), Row("b", Jan, 100m), Row("b", Apr, 50m)]).Cohort(Jan, Apr).Total;

        Assert.Equal(1m, q.Nrr.Value);
        Assert.Equal(0.75m, q.Grr.Value);
    }

    [Fact]
    public void TrailingTwelveMonths_IsTheCohortFromTwelveMonthsBefore()
    {
        MrrHistory history = MrrHistory.FromRows([Row("a", new YearMonth(2025, 3), 100m), Row("a", Mar, 110m)]);
        CohortReport ttm = history.TrailingTwelveMonths(Mar);

        Assert.Equal(new YearMonth(2025, 3), ttm.From);
        Assert.Equal(1.1m, ttm.Total.Nrr.Value);
    }

    [Fact]
    public void CohortTable_ShowsNrrByFirstPaidMonthAcrossMonthsSinceStart()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Feb, 120m), Row("a", Mar, 130m), Row("b", Jan, 100m), Row("c", Feb, 40m), Row("c", Mar, 20m)];

        CohortTable table = MrrHistory.FromRows(rows).CohortTable();

        Assert.Equal([Jan, Feb], table.Rows.Select(r => r.Cohort));
        CohortRow january = table.Rows[0];
        Assert.Equal(2, january.Size);
        Assert.Equal([1m, 0.6m, 0.65m], january.Cells.Select(c => c.Nrr.Value));
        Assert.Equal([2, 1, 1], january.Cells.Select(c => c.Customers));
        Assert.Equal([1m, 0.5m], table.Rows[1].Cells.Select(c => c.Nrr.Value));
    }

    [Fact]
    public async Task FromRowsAsync_GivesTheSameHistoryAsFromRows()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Feb, 200m), Row("b", Feb, 5m)];

        MrrHistory history = await MrrHistory.FromRowsAsync(Stream(rows));

        Assert.Equal(MrrHistory.FromRows(rows).EnumerateMovements(), history.EnumerateMovements());

        static async IAsyncEnumerable<MrrRow> Stream(IEnumerable<MrrRow> source)
        {
            foreach (MrrRow row in source)
            {
                await Task.Yield();
                yield return row;
            }
        }
    }

    [Fact]
    public void Builder_AnAccountWithManyRowsInReverseOrder_IsSortedLikeAFewRows()
    {
        // Over 64 rows for one account takes the other sorting path; both must give the same figures.
        var rows = Enumerable.Range(0, 100).Select(k => Row("big", Jan.PlusMonths(-(k / 3)), 10m + (k % 3))).Reverse().ToArray();

        MrrHistory history = MrrHistory.FromRows(rows);
        MrrMonthFigures last = history.Movements().Total(Jan);

        Assert.Equal(33m, last.ClosingMrr.Amount); // 10 + 11 + 12 summed for January
        Assert.Equal(33m, last.OpeningMrr.Amount);
        Assert.Equal(Jan.PlusMonths(-33), history.FirstMonth);
    }

    [Fact]
    public void Builder_BuildsOnce()
    {
        var builder = new MrrHistory.Builder().Add(Row("a", Jan, 1m));
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Add(Row("b", Jan, 1m)));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Units_AmountsWithMoreDecimalsLater_AreStillExact()
    {
        MrrRow[] rows = [Row("a", Jan, 100m), Row("a", Feb, 100.5m), Row("b", Jan, 0.001m), Row("b", Feb, 0.0015m), Row("c", Jan, 1_000_000_000_000m), Row("c", Feb, 1m)];

        MrrMonthFigures feb = MrrHistory.FromRows(rows).Movements().Total(Feb);

        Assert.Equal(1_000_000_000_100.001m, feb.OpeningMrr.Amount);
        Assert.Equal(0.5005m, feb.Expansion.Amount);
        Assert.Equal(999_999_999_999m, feb.Contraction.Amount);
        Assert.Equal(101.5015m, feb.ClosingMrr.Amount);
    }

    [Fact]
    public void Merge_SameAccountInBothHistories_IsRejectedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => MrrHistory.Merge(MrrHistory.FromRows([Row("a", Jan, 1m)]), MrrHistory.FromRows([Row("a", Feb, 1m)])));
        Assert.Contains("Account 'a' is in both histories", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ReportsOverDifferentPeriods_IsRejected()
    {
        MrrHistory history = MrrHistory.FromRows([Row("a", Jan, 1m), Row("a", Apr, 1m)]);
        Assert.Throws<ArgumentException>(() => history.Movements(Jan, Mar).Merge(history.Movements(Jan, Apr)));
    }
}
