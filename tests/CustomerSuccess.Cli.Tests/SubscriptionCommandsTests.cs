using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.Testing;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class SubscriptionCommandsTests : CliRunner
{
    private const string Header = "account_id,subscription_id,effective_at,event,currency,amount,interval,interval_count,quantity,discount_percent,discount_amount,discount_until\n";

    private static string Example => Path.Combine(Repository.Root, "docs", "examples", "subscriptions.csv");

    private string Rates()
    {
        string rates = "month,from,to,rate\n" + string.Concat(Enumerable.Range(1, 12).Select(m => $"2025-{m:D2},EUR,USD,1.1\n"));
        return Write("rates.csv", rates);
    }

    [Fact]
    public void Mrr_WorkedExampleOfTheDocs_PrintsWhatTheDocsShow()
    {
        var (code, output, error) = Run("mrr", "--subscriptions", Example);

        Assert.True(code == 0, error);
        Assert.StartsWith("account_id,month,mrr,currency\ncontoso,2025-02,147.00,EUR\n", output, StringComparison.Ordinal);
        Assert.Contains("northwind,2025-06,800.00,USD\nnorthwind,2025-07,1000.00,USD\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("northwind,2025-11", output, StringComparison.Ordinal);
        string page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "revenue.md"));
        Assert.Contains(output.TrimEnd('\n'), page, StringComparison.Ordinal);
    }

    [Fact]
    public void Mrr_Json_CarriesTheSameRows()
    {
        var (code, output, _) = Run("mrr", "--subscriptions", Example, "--format", "json");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(Run("mrr", "--subscriptions", Example).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, json.RootElement.GetArrayLength());
        System.Text.Json.JsonElement first = json.RootElement[0];
        Assert.Equal(("contoso", "2025-02", 147.00m, "EUR"), (first.GetProperty("account_id").GetString(), first.GetProperty("month").GetString(), first.GetProperty("mrr").GetDecimal(), first.GetProperty("currency").GetString()));
    }

    [Fact]
    public void Mrr_FromAndTo_SetTheMonths_AndEarlierEventsSetTheStateTheyOpenWith()
    {
        var (code, output, _) = Run("mrr", "--subscriptions", Example, "--from", "2025-08", "--to", "2026-02");

        Assert.Equal(0, code);
        Assert.Equal(
            "account_id,month,mrr,currency\ncontoso,2025-08,134.67,EUR\ncontoso,2025-09,134.67,EUR\n"
            + "northwind,2025-08,1000.00,USD\nnorthwind,2025-09,1200.00,USD\nnorthwind,2025-10,1200.00,USD\nnorthwind,2025-12,1200.00,USD\n"
            + "northwind,2026-01,1200.00,USD\nnorthwind,2026-02,1200.00,USD\n", output);
    }

    [Fact]
    public void Mrr_DiscountsIgnored_AndAnotherZone_AreOptions()
    {
        string events = Write("events.csv", Header
            + "a,s,2025-01-10,start,USD,100,month,,,50,,\n"
            + "a,s,2025-02-28T23:30:00Z,cancel,,,,,,,,\n");

        Assert.Equal("account_id,month,mrr,currency\na,2025-01,50.00,USD\n", Run("mrr", "--subscriptions", events).Output);
        Assert.Equal("account_id,month,mrr,currency\na,2025-01,100.00,USD\n", Run("mrr", "--subscriptions", events, "--discounts", "ignore").Output);
        // In Berlin the cancel is on March 1, so February is paid; the date of the start is midnight in Berlin.
        Assert.Equal("account_id,month,mrr,currency\na,2025-01,50.00,USD\na,2025-02,50.00,USD\n", Run("mrr", "--subscriptions", events, "--zone", "Europe/Berlin").Output);
    }

    [Fact]
    public void Movements_WorkedExampleOfTheDocs_NameTheCauseOfEachMovement()
    {
        var (code, output, error) = Run("movements", "--subscriptions", Example);

        Assert.True(code == 0, error);
        Assert.Equal(
            "account_id,month,movement,cause,amount,currency\n"
            + "contoso,2025-02,new,subscription_added,147.00,EUR\ncontoso,2025-04,expansion,subscription_added,36.67,EUR\n"
            + "contoso,2025-06,contraction,quantity,49.00,EUR\ncontoso,2025-10,churn,subscription_removed,134.67,EUR\n"
            + "northwind,2025-07,expansion,discount,200.00,USD\nnorthwind,2025-09,expansion,quantity,200.00,USD\n"
            + "northwind,2025-11,churn,paused,1200.00,USD\nnorthwind,2025-12,reactivation,resumed,1200.00,USD\n", output);
        Assert.Contains(output.TrimEnd('\n'), File.ReadAllText(Path.Combine(Repository.Root, "docs", "revenue.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_SplitAChangeIntoPriceQuantityAndDiscount_AndAddUpToRetentionsFigures()
    {
        string events = Write("events.csv", Header
            + "a,a1,2025-01-05,start,USD,100,month,,10,,,\n"
            + "a,a1,2025-03-10,change,USD,90,month,,12,10,,\n"       // price -100, seats +180, 10% -108: +72 expansion
            + "a,a2,2025-03-12,start,USD,40,month,,,,,\n"            // +40 in the same expansion
            + "b,b1,2025-01-20,start,USD,300,year,,,,,\n"
            + "b,b1,2025-02-03,cancel,,,,,,,,\n"
            + "b,b1,2025-04-01,start,USD,360,year,,,,,\n"           // reactivation
            + "c,c1,2025-02-01,trial,USD,50,month,,,,,\n"
            + "c,c1,2025-02-15,start,USD,50,month,,,,,\n"           // new in February
            + "c,c1,2025-04-10,pause,,,,,,,,\n");

        var (code, output, error) = Run("movements", "--subscriptions", events);

        Assert.True(code == 0, error);
        Assert.Equal(
            "account_id,month,movement,cause,amount,currency\n"
            + "a,2025-03,expansion,discount,-108.00,USD\na,2025-03,expansion,price,-100.00,USD\na,2025-03,expansion,quantity,180.00,USD\n"
            + "a,2025-03,expansion,subscription_added,40.00,USD\n"
            + "b,2025-02,churn,subscription_removed,25.00,USD\nb,2025-04,reactivation,subscription_added,30.00,USD\n"
            + "c,2025-02,new,subscription_added,50.00,USD\nc,2025-04,churn,paused,50.00,USD\n", output);

        // Per month and movement, the causes add up to what retention reports.
        string[] retention = Run("retention", "--subscriptions", events).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] header = retention[0].Split(',');
        var causes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => (f[1], f[2])).ToDictionary(g => g.Key, g => g.Sum(f => decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (string[] row in retention.Skip(1).Select(l => l.Split(',')))
        {
            foreach (string movement in new[] { "new", "reactivation", "expansion", "contraction", "churn" })
            {
                decimal reported = decimal.Parse(row[Array.IndexOf(header, movement)], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(reported, causes.GetValueOrDefault((row[0], movement)));
            }
        }
    }

    [Fact]
    public void RetentionAndCohortRetention_FromSubscriptions_AreTheSameAsFromTheMrrOutput()
    {
        string rates = Rates();
        string mrr = Write("mrr.csv", Run("mrr", "--subscriptions", Example).Output);

        var fromEvents = Run("retention", "--subscriptions", Example, "--rates", rates);
        var fromMrr = Run("retention", "--mrr", mrr, "--rates", rates);
        Assert.True(fromEvents.Code == 0, fromEvents.Error);
        Assert.Equal(fromMrr.Output, fromEvents.Output);

        var cohortEvents = Run("cohort-retention", "--subscriptions", Example, "--rates", rates, "--from", "2025-03", "--to", "2025-12");
        var cohortMrr = Run("cohort-retention", "--mrr", mrr, "--rates", rates, "--from", "2025-03", "--to", "2025-12");
        Assert.True(cohortEvents.Code == 0, cohortEvents.Error);
        Assert.Equal(cohortMrr.Output, cohortEvents.Output);
    }

    [Fact]
    public void Demo_WritesTheSubscriptionLog_ThatGivesItsMrrFile_AndTheMainJobsRetention()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);
        string events = Path.Combine(Folder, "subscriptions.csv"), mrr = Path.Combine(Folder, "mrr.csv"), rates = Path.Combine(Folder, "rates.csv");

        var derived = Run("mrr", "--subscriptions", events);
        Assert.True(derived.Code == 0, derived.Error);
        Assert.Equal(File.ReadAllLines(mrr).Skip(1).Order(StringComparer.Ordinal), derived.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Order(StringComparer.Ordinal));
        Assert.Equal(Run("retention", "--mrr", mrr, "--rates", rates).Output, Run("retention", "--subscriptions", events, "--rates", rates).Output);
        Assert.Equal(Run("cohort-retention", "--mrr", mrr, "--rates", rates, "--from", "2025-10", "--to", "2026-10").Output,
            Run("cohort-retention", "--subscriptions", events, "--rates", rates, "--from", "2025-10", "--to", "2026-10").Output);
    }

    [Fact]
    public void Retention_FromSubscriptionsWithoutRates_NamesTheLineOfTheAccountBilledInAnotherCurrency()
    {
        var (code, output, error) = Run("retention", "--subscriptions", Example);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"customersuccess: error: {Example}, line 7, field 'currency': account 'contoso' is billed in EUR", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,s,2025-01-01,start,USD,-1,month,,,,,\n", 2, "amount", "cannot be negative")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,-2,,,\n", 2, "quantity", "cannot be negative")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,101,,\n", 2, "discount_percent", "not a percent from 0 to 100")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,-5,\n", 2, "discount_amount", "cannot be negative")]
    [InlineData("a,s,2025-01-01,start,USD,1,fortnight,,,,,\n", 2, "interval", "'fortnight' is not an interval")]
    [InlineData("a,s,2025-01-01,renew,USD,1,month,,,,,\n", 2, "event", "'renew' is not an event")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,0,,,,\n", 2, "interval_count", "not a whole number of intervals")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,,someday\n", 2, "discount_until", "not an instant or a date")]
    [InlineData("a,s,2025-13-01,start,USD,1,month,,,,,\n", 2, "effective_at", "not an instant or a date")]
    [InlineData("a,s,2025-01-01,start,XYZ,1,month,,,,,\n", 2, "currency", "not an ISO 4217 currency")]
    [InlineData("a,s,2025-02-01,start,USD,1,month,,,,,\na,s,2025-01-01,change,USD,2,month,,,,,\n", 3, "event", "a change before the subscription's start")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,,\na,s,2025-02-01,pause,,,,,,,,\na,s,2025-01-15,resume,,,,,,,,\n", 4, "event", "a resume without a pause")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,,\na,s,2025-01-01T00:00:00Z,change,USD,2,month,,,,,\n", 3, "effective_at", "at the same instant")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,,\nb,s,2025-02-01,cancel,,,,,,,,\n", 3, "account_id", "cannot move to another account")]
    [InlineData("a,s,2025-01-01,start,USD,1,month,,,,,\na,s,2025-02-01,change,EUR,1,month,,,,,\n", 3, "currency", "cannot move to another currency")]
    public void Mrr_BadEvents_ExitOneNamingTheLineAndField_WithNothingOnStdout(string rows, int line, string field, string message)
    {
        string events = Write("events.csv", Header + rows);

        foreach (string command in new[] { "mrr", "movements", "retention" })
        {
            var (code, output, error) = Run(command, "--subscriptions", events);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.StartsWith($"customersuccess: error: {events}, line {line}, field '{field}': ", error, StringComparison.Ordinal);
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnEmptyLog_GivesNoRows_AndRetentionSaysThereIsNothingToReport()
    {
        string events = Write("events.csv", Header);

        Assert.Equal("account_id,month,mrr,currency\n", Run("mrr", "--subscriptions", events).Output);
        Assert.Equal("account_id,month,movement,cause,amount,currency\n", Run("movements", "--subscriptions", events).Output);
        var (code, output, error) = Run("retention", "--subscriptions", events);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains($"{events}: the subscriptions bill fewer than two months", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mrr_AnAmountBeyondADecimal_ExitsOneNamingTheSubscriptionAccountAndMonth()
    {
        string events = Write("events.csv", Header + "a,s,2025-01-01,start,USD,79228162514264337593543950335,month,,2,,,\n");

        foreach (string command in new[] { "mrr", "movements", "retention" })
        {
            var (code, output, error) = Run(command, "--subscriptions", events);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains($"{events}: The MRR of subscription 's' of account 'a' in 2025-01 is beyond what a decimal holds", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--discounts", "sometimes", "--discounts must be 'deduct' or 'ignore'")]
    [InlineData("--zone", "Mars/Olympus", "is not a time zone")]
    [InlineData("--from", "2025-13", "--from '2025-13' is not a month")]
    public void Mrr_BadOption_IsAUsageError(string option, string value, string message)
    {
        var (code, output, error) = Run("mrr", "--subscriptions", Example, option, value);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mrr_ToBeforeFrom_AndRetentionByAColumn_AreUsageErrors()
    {
        Assert.Equal(2, Run("mrr", "--subscriptions", Example, "--from", "2025-06", "--to", "2025-05").Code);
        var (code, _, error) = Run("retention", "--subscriptions", Example, "--by", "segment");
        Assert.Equal(2, code);
        Assert.Contains("a subscription log has no groups", error, StringComparison.Ordinal);
    }
}
