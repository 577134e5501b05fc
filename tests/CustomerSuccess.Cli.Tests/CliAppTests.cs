using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class CliAppTests : CliRunner
{
    [Fact]
    public void Run_NoArguments_PrintsTheDemoPortfolioSummary()
    {
        var (code, output, error) = Run();

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("Wingtip portfolio, 2026-10 (ARR = 12 x MRR, in USD)", output, StringComparison.Ordinal);
        Assert.Contains("Paying accounts", output, StringComparison.Ordinal);
        Assert.Contains("Enterprise", output, StringComparison.Ordinal);
        Assert.Contains("Region", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_ListsTheCommands(string flag)
    {
        var (code, output, _) = Run(flag);

        Assert.Equal(0, code);
        Assert.Contains("portfolio", output, StringComparison.Ordinal);
        Assert.Contains("demo", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", output, StringComparison.Ordinal);
        foreach (string command in new[] { "portfolio", "retention", "cohort-retention", "cmrr", "score", "alerts", "segment", "plan", "demo" })
        {
            Assert.Matches($@"\n  {command}  +\S", output.ReplaceLineEndings("\n"));   // every command listed, its summary apart from its name
        }
    }

    [Fact]
    public void Run_Version_PrintsTheToolsNameAndThePackageVersion()
    {
        var (code, output, error) = Run("--version");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Matches(@"^customersuccess [0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?\r?\n$", output);
    }

    [Theory]
    [InlineData("portfolio", "--help", "--accounts <file>")]
    [InlineData("demo", "--help", "--out <dir>")]
    [InlineData("help", "portfolio", "--format <f>")]
    public void Run_CommandHelp_ListsItsOptions(string command, string flag, string expected)
    {
        var (code, output, _) = Run(command, flag);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    [InlineData("'portfolio' has no option '--colour'", "portfolio", "--colour", "red")]
    [InlineData("--format must be 'table' or 'csv', not 'xml'", "--format", "xml")]
    [InlineData("--month '2026-13' is not a month", "--month", "2026-13")]
    [InlineData("--month 2023-01 is outside the data", "--month", "2023-01")]
    [InlineData("Option '--month' of 'portfolio' needs a value", "--month")]
    [InlineData("--accounts and --mrr go together", "--mrr", "mrr.csv")]
    [InlineData("--currency 'XYZ' is not an ISO 4217", "--currency", "XYZ")]
    [InlineData("'demo' needs --out <dir>", "demo")]
    [InlineData("--seed must be a whole number", "demo", "--out", "x", "--seed", "-1")]
    public void Run_BadArguments_ExitTwoWithAMessage(string message, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DemoFilesReadBack_GiveTheSameSummaryAsTheBuiltInData()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);

        var fromFiles = Run("portfolio", "--accounts", Path.Combine(Folder, "accounts.csv"), "--mrr", Path.Combine(Folder, "mrr.csv"), "--rates", Path.Combine(Folder, "rates.csv"), "--format", "csv");
        var builtIn = Run("--format", "csv");

        Assert.Equal(0, fromFiles.Code);
        Assert.Equal(builtIn.Output, fromFiles.Output);
    }

    [Fact]
    public void Run_CsvFormat_FollowsTheColumnContract_AndGroupsAddUpToTheTotal()
    {
        var (code, output, _) = Run("--format", "csv", "--month", "2026-06");
        string[] lines = output.TrimEnd().Split('\n');

        Assert.Equal(0, code);
        Assert.Equal("dimension,group,accounts,arr,share,average_arr", lines[0]);
        string[] total = lines[^1].Split(',');
        Assert.Equal(["total", "all"], total[..2]);
        Assert.Equal("1.0000", total[4]);
        foreach (string dimension in new[] { "segment", "region" })
        {
            var rows = lines.Skip(1).Select(l => l.Split(',')).Where(r => r[0] == dimension).ToArray();
            Assert.Equal(int.Parse(total[2], System.Globalization.CultureInfo.InvariantCulture), rows.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(decimal.Parse(total[3], System.Globalization.CultureInfo.InvariantCulture), rows.Sum(r => decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Theory]
    [InlineData("acct-1,2026-06,12.5.0,USD", "mrr.csv, line 3, field 'mrr': '12.5.0' is not a number")]
    [InlineData("acct-1,2026-6,100,USD", "mrr.csv, line 3, field 'month': '2026-6' is not a month")]
    [InlineData("acct-9,2026-06,100,USD", "mrr.csv, line 3, field 'account_id': account 'acct-9' is not in the accounts file")]
    [InlineData("acct-1,2026-06,-5,USD", "mrr.csv, line 3, field 'mrr': MRR cannot be negative")]
    [InlineData("acct-1,2026-06,100,DOLLARS", "mrr.csv, line 3, field 'currency': 'DOLLARS' is not an ISO 4217")]
    [InlineData("acct-1,2026-05,100,EUR", "mrr.csv, line 3, field 'currency': account 'acct-1' is billed in EUR here and in USD on line 2")]
    [InlineData("acct-1,2026-06,100", "mrr.csv, line 3: expected 4 fields as in the header, found 3")]
    [InlineData("acct-2,2026-05,100,EUR", "account 'acct-2': No exchange rate from EUR to USD for 2026-05")]
    public void Run_BadInputFile_ExitsOneNamingFileLineAndField(string badRow, string message)
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry,csm\nacct-1,Financiality,MidMarket,NA,Financial Services,Mary Harrison\nacct-2,\"Contoso, Ltd\",SMB,EMEA,Retail,Ana Costa\n");
        string mrr = Write("mrr.csv", $"account_id,month,mrr,currency\nacct-1,2026-05,2416.67,USD\n{badRow}\n");

        var (code, output, error) = Run("portfolio", "--accounts", accounts, "--mrr", mrr);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoRowsForOneAccountAndMonth_AddUpAsTwoSubscriptions()
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry,csm\nacct-1,A,SMB,NA,Retail,Ana Costa\n");
        string mrr = Write("mrr.csv", "account_id,month,mrr\nacct-1,2026-06,1000\nacct-1,2026-06,250.50\n");

        var (code, output, _) = Run("--accounts", accounts, "--mrr", mrr, "--format", "csv");

        Assert.Equal(0, code);
        Assert.Contains("total,all,1,15006.00,1.0000,15006.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingColumn_NamesTheFileAndColumn()
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry\nacct-1,A,SMB,NA,Retail\n");
        string mrr = Write("mrr.csv", "account_id,month,mrr\n");

        var (code, _, error) = Run("--accounts", accounts, "--mrr", mrr);

        Assert.Equal(1, code);
        Assert.Contains("accounts.csv, line 1, field 'csm': the header has no such column", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsOneNamingIt()
    {
        string missing = Path.Combine(Folder, "nope.csv");
        var (code, _, error) = Run("--accounts", missing, "--mrr", missing);

        Assert.Equal(1, code);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OwnFilesWithRates_ConvertsToTheReportingCurrency()
    {
        string accounts = Write("accounts.csv", "account_id,name,segment,region,industry,csm\nacct-1,A,SMB,NA,Retail,Ana Costa\nacct-2,B,SMB,EMEA,Retail,Ana Costa\n");
        string mrr = Write("mrr.csv", "month,account_id,mrr,currency\n2026-06,acct-1,1000,USD\n2026-06,acct-2,1000,EUR\n");
        string rates = Write("rates.csv", "month,from,to,rate\n2026-06,EUR,USD,1.1\n");

        var (code, output, error) = Run("--accounts", accounts, "--mrr", mrr, "--rates", rates, "--format", "csv");

        Assert.True(code == 0, error);
        Assert.Contains("total,all,2,25200.00,1.0000,12600.00", output, StringComparison.Ordinal);
    }
}
