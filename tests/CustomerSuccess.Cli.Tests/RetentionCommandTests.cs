using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class RetentionCommandTests : CliRunner
{
    private const string Header = "month,opening_mrr,new,reactivation,expansion,contraction,churn,closing_mrr,nrr,grr,quick_ratio,logo_churn,customers_opening,customers_new,customers_reactivated,customers_churned,customers_closing";

    // Seed 002's month: 75,000 opening, 10,000 expansion, 2,000 contraction, 2,000 churn; rows out of order.
    private const string Seed002 = "account_id,month,mrr,segment\n" +
        "a,2026-02,50000,Enterprise\nc,2026-01,2000,SMB\nb,2026-01,20000,MidMarket\na,2026-01,40000,Enterprise\n" +
        "d,2026-01,13000,SMB\nb,2026-02,18000,MidMarket\nd,2026-02,13000,SMB\n";

    [Fact]
    public void Retention_FollowsTheColumnContract()
    {
        var (code, output, error) = Run("retention", "--mrr", Write("mrr.csv", Seed002));

        Assert.True(code == 0, error);
        string[] lines = Lines(output);
        Assert.Equal(Header, lines[0]);
        Assert.Equal("2026-02,75000.00,0.00,0.00,10000.00,2000.00,2000.00,81000.00,1.08,0.9466666666666666666666666667,2.5,0.25,4,0,0,1,3", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Retention_By_PutsTheGroupColumnFirst_OneRowPerMonthAndGroup()
    {
        var (code, output, _) = Run("retention", "--mrr", Write("mrr.csv", Seed002), "--by", "segment");

        string[] lines = Lines(output);
        Assert.Equal(0, code);
        Assert.Equal("segment," + Header, lines[0]);
        Assert.Equal(["Enterprise", "MidMarket", "SMB"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("SMB,2026-02,15000.00,0.00,0.00,0.00,0.00,2000.00,13000.00,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_UndefinedRatio_IsAnEmptyField()
    {
        var (code, output, _) = Run("retention", "--mrr", Write("mrr.csv", "account_id,month,mrr\na,2026-01,0\na,2026-02,100\nb,2026-03,5\n"));

        string[] feb = Lines(output)[1].Split(',');
        Assert.Equal(0, code);
        Assert.Equal("2026-02", feb[0]);
        Assert.Equal(["", "", "", ""], feb[8..12]);
    }

    [Fact]
    public void Retention_SeveralCurrencies_AddsFxImpactLast_AndNeedsRates()
    {
        string mrr = Write("mrr.csv", "account_id,month,mrr,currency\neu,2026-01,1000,EUR\neu,2026-02,1000,EUR\nus,2026-01,500,USD\nus,2026-02,600,USD\n");

        var missing = Run("retention", "--mrr", mrr);
        Assert.Equal(1, missing.Code);
        Assert.Contains("No exchange rate from EUR to USD for 2026-01", missing.Error, StringComparison.Ordinal);

        string rates = Write("rates.csv", "month,from,to,rate\n2026-01,EUR,USD,1.10\n2026-02,EUR,USD,1.20\n");
        var (code, output, _) = Run("retention", "--mrr", mrr, "--rates", rates);
        string[] lines = Lines(output);
        Assert.Equal(0, code);
        Assert.Equal(Header + ",fx_impact", lines[0]);
        Assert.EndsWith(",100.00", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-02,1600.00,0.00,0.00,100.00,0.00,0.00,1800.00,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_Json_HasTheSameFieldsWithNullForUndefined()
    {
        var (code, output, _) = Run("retention", "--mrr", Write("mrr.csv", Seed002), "--format", "json");

        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement feb = json.RootElement[0];
        Assert.Equal(0, code);
        Assert.Equal(Header.Split(','), feb.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.08m, feb.GetProperty("nrr").GetDecimal());
        Assert.Equal(75000m, feb.GetProperty("opening_mrr").GetDecimal());
    }

    [Theory]
    [InlineData("account_id,month,mrr\na,2026-01,-5\n", "mrr.csv, line 2, field 'mrr': MRR cannot be negative")]
    [InlineData("account_id,month,mrr\na,Jan 2026,5\n", "mrr.csv, line 2, field 'month': 'Jan 2026' is not a month")]
    [InlineData("account_id,month,mrr\na,2026-01,5 USD\n", "mrr.csv, line 2, field 'mrr': '5 USD' is not a number")]
    [InlineData("account_id,month,mrr,currency\na,2026-01,5,usd\n", "mrr.csv, line 2, field 'currency': 'usd' is not an ISO 4217")]
    [InlineData("account_id,month,mrr,currency\na,2026-01,5,USD\na,2026-02,5,EUR\n", "mrr.csv, line 3, field 'currency': Account 'a' is billed in USD")]
    [InlineData("account_id,mrr\na,5\n", "mrr.csv, line 1, field 'month': the header has no such column")]
    [InlineData("account_id,month,mrr\na,2026-01,5\n", "rows for fewer than two months")]
    public void Retention_BadInput_ExitsOneNamingLineAndField(string csv, string message)
    {
        var (code, output, error) = Run("retention", "--mrr", Write("mrr.csv", csv));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_ByAMissingColumn_NamesIt()
    {
        var (code, _, error) = Run("retention", "--mrr", Write("mrr.csv", Seed002), "--by", "region");

        Assert.Equal(1, code);
        Assert.Contains("field 'region': the header has no such column", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CohortRetention_FollowsTheColumnContract_InTotalAndByGroup()
    {
        string mrr = Write("mrr.csv", Seed002);

        var total = Run("cohort-retention", "--mrr", mrr, "--from", "2026-01", "--to", "2026-02");
        Assert.Equal(0, total.Code);
        Assert.Equal(["from,to,cohort_size,opening_mrr,closing_mrr,nrr,grr,logo_churn", "2026-01,2026-02,4,75000.00,81000.00,1.08,0.9466666666666666666666666667,0.25"], Lines(total.Output));

        var bySegment = Run("cohort-retention", "--mrr", mrr, "--from", "2026-01", "--to", "2026-02", "--by", "segment");
        string[] lines = Lines(bySegment.Output);
        Assert.Equal("segment,from,to,cohort_size,opening_mrr,closing_mrr,nrr,grr,logo_churn", lines[0]);
        Assert.Equal("SMB,2026-01,2026-02,2,15000.00,13000.00,0.8666666666666666666666666667,0.8666666666666666666666666667,0.5", lines[3]);
    }

    [Theory]
    [InlineData("'cohort-retention' needs --from", "--to", "2026-02")]
    [InlineData("--to 2026-01 must be after --from 2026-02", "--from", "2026-02", "--to", "2026-01")]
    [InlineData("--from '2026/01' is not a month", "--from", "2026/01", "--to", "2026-02")]
    public void CohortRetention_BadArguments_ExitTwo(string message, params string[] args)
    {
        var (code, _, error) = Run(["cohort-retention", "--mrr", Write("mrr.csv", Seed002), .. args]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MainJob_AddsTrailingTwelveMonthRetentionBySegmentAndTheMonthsMovements()
    {
        var (code, output, _) = Run();

        Assert.Equal(0, code);
        Assert.Contains("Retention, trailing twelve months (2025-10 to 2026-10", output, StringComparison.Ordinal);
        Assert.Contains("MRR movements, 2026-10 (USD)", output, StringComparison.Ordinal);
        Assert.Contains("+ FX impact", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_AndCohortRetention_OnAFileReadInManyRanges_PrintTheSameBytesAtAnyThreadCount()
    {
        // About 1.3 MB: five ranges of a quarter megabyte, rows of several currencies and segments, accounts out of order.
        var text = new System.Text.StringBuilder("account_id,month,mrr,currency,segment\n");
        for (int i = 0; i < 40_000; i++)
        {
            int account = (i * 7919) % 2_000;
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"acct-{account:D5},2025-{(i % 12) + 1:D2},{(i % 997) + 0.01m},{(account % 3 == 0 ? "EUR" : "USD")},{(account % 2 == 0 ? "\"Mid, Market\"" : "SMB")}\n");
        }

        string mrr = Write("mrr.csv", text.ToString());
        string rates = Write("rates.csv", "month,from,to,rate\n" + string.Concat(Enumerable.Range(1, 12).Select(m => $"2025-{m:D2},EUR,USD,1.{m:D2}\n")));
        Assert.True(Csv.CsvRanges.Split(mrr, Csv.ParallelCsv.RangeBytes).Count >= 5);

        foreach (string[] command in new[] { new[] { "retention", "--by", "segment" }, ["cohort-retention", "--from", "2025-01", "--to", "2025-12", "--by", "segment"] })
        {
            var one = Run([.. command, "--mrr", mrr, "--rates", rates, "--threads", "1"]);
            var two = Run([.. command, "--mrr", mrr, "--rates", rates, "--threads", "2"]);
            var four = Run([.. command, "--mrr", mrr, "--rates", rates, "--threads", "4"]);

            Assert.True(one.Code == 0, one.Error);
            Assert.Equal(one, two);
            Assert.Equal(one, four);
        }
    }

    private static string[] Lines(string output) => output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
