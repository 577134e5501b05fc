using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Demo;
using CustomerSuccess.Revenue;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class CmrrCommandTests : CliRunner
{
    private const string Header = "line_id,account_id,order_type,signed,start,end,quantity,unit_price,billing_interval,currency,renews,cancellation_notice,churn_reason,avoidable";

    [Fact]
    public void Cmrr_PrintsABridgeThatReconciles()
    {
        string contracts = Write("contracts.csv", Header + "\n" +
            "P,acct-1,new,2025-12-15,2026-01-01,2026-12-31,10,1200,year,USD,,,,\n" +
            "R,acct-1,renewal,2027-02-10,2027-01-01,2027-12-31,8,110,month,USD,P,,fewer seats needed,yes\n" +
            "Q,acct-2,new,2027-02-01,2027-02-01,2028-01-31,1,500,month,USD,,2027-02-20,\"budget, again\",no\n");

        var (code, output, error) = Run("cmrr", "--contracts", contracts, "--from", "2027-01-31", "--to", "2027-02-28");

        Assert.True(code == 0, error);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal("section,item,amount,count", lines[0]);
        Assert.Contains("bridge,opening_cmrr,1000.00,1", lines);
        Assert.Contains("bridge,new,500.00,1", lines);
        Assert.Contains("bridge,downgrade_quantity,200.00,", lines);
        Assert.Contains("bridge,upgrade_price,80.00,", lines);
        Assert.Contains("bridge,cancellations,500.00,1", lines);
        Assert.Contains("bridge,closing_cmrr,880.00,1", lines);
        Assert.Contains("cancellations_by_reason,\"budget, again\",500.00,1", lines);
        Assert.Contains("downgrades_by_avoidability,avoidable,200.00,1", lines);
    }

    [Theory]
    [InlineData("P,acct-1,new,2026-01-01,2026-02-01,2026-01-01,1,10,month,USD,,,,", "contracts.csv, line 2, field 'end'")]
    [InlineData("P,acct-1,upsell,2026-01-01,2026-01-01,2026-12-31,1,10,month,USD,,,,", "line 2, field 'order_type': 'upsell' is not an order type")]
    [InlineData("P,acct-1,new,2026-13-01,2026-01-01,2026-12-31,1,10,month,USD,,,,", "line 2, field 'signed': '2026-13-01' is not a date")]
    [InlineData("P,acct-1,renewal,2026-01-01,2026-01-01,2026-12-31,1,10,month,USD,ghost,,,", "line 2, field 'renews': Contract line 'P', field 'renews': no line has the id 'ghost'")]
    [InlineData("P,acct-1,new,2026-01-01,2026-01-01,2026-12-31,1,10,weekly,USD,,,,", "line 2, field 'billing_interval'")]
    [InlineData("P,acct-1,new,2026-01-01,2026-01-01,2026-12-31,1,10,month,USD,,,,maybe", "line 2, field 'avoidable'")]
    public void Cmrr_BadContract_ExitsOneNamingLineAndField(string row, string message)
    {
        var (code, _, error) = Run("cmrr", "--contracts", Write("contracts.csv", Header + "\n" + row + "\n"), "--from", "2026-01-01", "--to", "2026-02-01");

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmrr_DemoContractsReadBack_GiveTheBuiltInBridge()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);
        Portfolio demo = WingtipDemo.Generate();
        CmrrBridge expected = CmrrLedger.Create(demo.Contracts, new MrrOptions { ExchangeRates = demo.Rates })
            .Bridge(new LocalDate(2025, 10, 31), new LocalDate(2026, 10, 31));

        var (code, output, error) = Run("cmrr", "--contracts", Path.Combine(Folder, "contracts.csv"), "--rates", Path.Combine(Folder, "rates.csv"), "--from", "2025-10-31", "--to", "2026-10-31");

        Assert.True(code == 0, error);
        Assert.Contains($"bridge,closing_cmrr,{expected.ClosingCmrr.Amount.ToString(CultureInfo.InvariantCulture)},{expected.LinesClosing}", output, StringComparison.Ordinal);
        Assert.Contains($"bridge,cancellations,{expected.Cancellations.Amount.ToString(CultureInfo.InvariantCulture)},{expected.CancelledLines}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoContracts_AddUpToEachAccountsMrrAtEveryMonthEnd()
    {
        Portfolio demo = WingtipDemo.Generate();
        var mrr = demo.Snapshots.ToDictionary(s => (s.Account, s.Month), s => s.Mrr.Amount);
        int checkedMonths = 0;
        foreach (var account in demo.Contracts.Where(c => c.OrderType != ContractOrderType.Archive).GroupBy(c => c.Account))
        {
            var ledger = CmrrLedger.Create(account, new MrrOptions { ReportingCurrency = account.First().Currency });
            for (YearMonth m = demo.FirstMonth; m <= demo.LastMonth; m = m.PlusMonths(1))
            {
                decimal committed = ledger.CmrrAt(m.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1)).Amount;
                decimal expected = mrr.GetValueOrDefault((account.Key, m));
                if (account.Key == WingtipDemo.Financiality && m == new YearMonth(2026, 6))
                {
                    // Seed 002: signed June 30, so committed before it pays.
                    Assert.Equal(2_416.67m, committed);
                    Assert.Equal(0m, expected);
                    continue;
                }

                Assert.True(expected == committed, $"{account.Key} {m}: MRR {expected}, CMRR {committed}");
                checkedMonths++;
            }
        }

        Assert.True(checkedMonths > 30_000);
    }

    [Fact]
    public void DemoContracts_HoldEveryKindOfBridgeMovement()
    {
        Portfolio demo = WingtipDemo.Generate();
        CmrrBridge b = CmrrLedger.Create(demo.Contracts, new MrrOptions { ExchangeRates = demo.Rates }).Bridge(new LocalDate(2024, 11, 30), new LocalDate(2026, 10, 31));

        Assert.All(new[] { b.New, b.AddOn, b.UpgradeQuantity, b.UpgradePrice, b.DowngradeQuantity, b.DowngradePrice, b.Cancellations, b.FirstTimeArchives }, m => Assert.True(m.Amount > 0m));
        Assert.True(demo.Contracts.Any(c => c.OrderType == ContractOrderType.Renewal && c.SignedOn > c.Start), "a late renewal");
        Assert.True(demo.Contracts.Any(c => c.OrderType == ContractOrderType.Renewal && c.SignedOn < c.Start), "an early renewal");
        Assert.Contains(b.LossesByAvoidability, l => l.Key == "Unavoidable" && l.CancelledLines > 0);
    }

    [Fact]
    public void MainJob_AddsTheTrailingTwelveMonthCmrrBridge()
    {
        var (code, output, _) = Run();

        Assert.Equal(0, code);
        Assert.Contains("Committed MRR bridge, last twelve months (2025-10-31 to 2026-10-31, USD)", output, StringComparison.Ordinal);
        Assert.Contains("+ First-time archives", output, StringComparison.Ordinal);
    }
}
