using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The repro cases of the hardening issue, each as the class of defect it stands for.</summary>
public sealed class HardeningTests : CliRunner
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus");

    private const string Max = "79228162514264337593543950335";

    private static string C(string file) => Path.Combine(Corpus, file);

    private static void AssertBadInput((int Code, string Output, string Error) run, params string[] expected)
    {
        Assert.True(run.Code == 1, $"exit {run.Code}: {run.Error}");
        Assert.Equal(string.Empty, run.Output);
        foreach (string part in expected)
        {
            Assert.True(run.Error.Contains(part, StringComparison.Ordinal), $"'{part}' is not in: {run.Error}");
        }
    }

    [Fact]
    public void TheDocumentedExampleFiles_AreAcceptedAsTheyAre()
    {
        string examples = Path.Combine(AppContext.BaseDirectory, "docs", "examples");

        var plan = Run("plan", "--plan", Path.Combine(examples, "plan.json"), "--measurements", Path.Combine(examples, "measurements.csv"), "--as-of", "2026-12-08");
        var score = Run("score", "--model", Path.Combine(examples, "model.json"), "--accounts", C("health.csv"), "--as-of", "2026-10-31T00:00:00Z");

        Assert.True(plan.Code == 0, plan.Error);
        Assert.Equal(["metric,unit,baseline,current,target,target_date,progress,projected,status", "Days to train a new analyst,days,20,9,7,2026-12-31,0.8461538462,5.2902185597,on_track", "Weekly active analysts,users,40,46,50,2026-10-31,0.6,46,missed"], plan.Output.TrimEnd().Split('\n'));
        Assert.True(score.Code == 0, score.Error);
        Assert.StartsWith("account_id,score,band\nacct-1,88.25,green\n", score.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void InternalError_IsOneLine_AndTheStackTraceOnlyUnderDebug()
    {
        var bug = new InvalidOperationException("the kernel lost a lane (Parameter 'lane')");

        string plain = CliApp.InternalError(bug, debug: false);
        string debug = CliApp.InternalError(bug, debug: true);

        Assert.Equal("customersuccess: internal error: the kernel lost a lane; rerun with --debug for details", plain);
        Assert.StartsWith(plain + Environment.NewLine, debug, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", debug, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_IsAcceptedAnywhere_AndChangesNothingOnSuccess()
    {
        var (code, output, error) = Run("retention", "--debug", "--mrr", C("mrr.csv"), "--rates", C("rates.csv"));

        Assert.True(code == 0, error);
        Assert.Equal(Run("retention", "--mrr", C("mrr.csv"), "--rates", C("rates.csv")).Output, output);
    }

    [Fact]
    public void Stdout_ThatCannotTakeTheReport_IsExitOne_WithAMessage()
    {
        using var error = new StringWriter();
        int code = CliApp.Run(["retention", "--mrr", C("mrr.csv"), "--rates", C("rates.csv")], new FullWriter(), error);

        Assert.Equal(1, code);
        Assert.Equal("customersuccess: error: cannot write the output: No space left on device\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AFailure_WritesNothingToStdout_EvenAfterPartOfTheReportWasRendered()
    {
        // The portfolio table renders its summary before the sections that fail; none of it may reach stdout.
        string mrr = Write("mrr.csv", File.ReadAllText(C("mrr.csv")).Replace("acct-2,2026-03,0,USD", $"acct-2,2026-03,{Max},USD", StringComparison.Ordinal)
            + $"acct-3,2026-01,{Max},USD,Grace Liu\n");

        AssertBadInput(Run("portfolio", "--accounts", C("accounts.csv"), "--mrr", mrr, "--rates", C("rates.csv"), "--month", "2026-02"), "mrr.csv");
    }

    [Theory]
    [InlineData("retention")]
    [InlineData("cohort-retention")]
    public void MaximalMrr_ThatOverflowsASum_NamesTheAccountAndMonth(string command)
    {
        string mrr = Write("mrr.csv", $"account_id,month,mrr\na1,2025-01,{Max}\na2,2025-01,1\na1,2025-02,{Max}\na2,2025-02,1\n");
        string[] args = command == "retention" ? ["retention", "--mrr", mrr] : ["cohort-retention", "--mrr", mrr, "--from", "2025-01", "--to", "2025-02"];

        AssertBadInput(Run(args), "mrr.csv: ", "account 'a2' in 2025-0", "the largest amount a decimal holds");
    }

    [Fact]
    public void MrrRowsOfOneMonth_ThatAddUpPastADecimal_NameTheAccountAndMonth()
    {
        string mrr = Write("mrr.csv", $"account_id,month,mrr\na1,2025-01,{Max}\na1,2025-01,1\na1,2025-02,1\n");

        AssertBadInput(Run("retention", "--mrr", mrr), "mrr.csv: ", "account 'a1' in 2025-01 add up to more than");
    }

    [Theory]
    [InlineData("1.00000000000000000000000000001")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("79228162514264337593543950336")]
    public void Amounts_ThatADecimalCannotHoldExactly_AreRefusedNotRounded(string amount)
    {
        string mrr = Write("mrr.csv", $"account_id,month,mrr\na1,2025-01,1\na1,2025-02,{amount}\n");

        AssertBadInput(Run("retention", "--mrr", mrr), "mrr.csv, line 3, field 'mrr'");
    }

    [Fact]
    public void ARateThatOverflowsAConversion_NamesTheAccountAndMonth()
    {
        string rates = Write("rates.csv", $"month,from,to,rate\n2026-01,EUR,USD,{Max}\n2026-02,EUR,USD,1.09\n2026-03,EUR,USD,1.07\n");

        AssertBadInput(Run("retention", "--mrr", C("mrr.csv"), "--rates", rates), "mrr.csv: ", "account 'acct-1' in 2026-0");
    }

    [Theory]
    [InlineData(",3510.99,quarter,USD", ",79228162514264337593543950335,quarter,USD", "line 4, field 'unit_price'")]
    [InlineData(",10,3510.99,quarter", ",79228162514264337593543950335,3510.99,quarter", "line 4, field 'unit_price'")]
    public void CmrrAmounts_ThatOverflow_NameTheContractLine(string from, string to, string expected)
    {
        string contracts = Write("contracts.csv", File.ReadAllText(C("contracts.csv")).Replace(from, to, StringComparison.Ordinal));

        AssertBadInput(Run("cmrr", "--contracts", contracts, "--rates", C("rates.csv"), "--from", "2025-12-31", "--to", "2026-03-31"), "contracts.csv, " + expected);
    }

    [Fact]
    public void CmrrRate_ThatOverflowsTheBridge_NamesTheContractLine()
    {
        string rates = Write("rates.csv", $"month,from,to,rate\n2025-12,EUR,USD,{Max}\n2026-03,EUR,USD,1.07\n");

        AssertBadInput(Run("cmrr", "--contracts", C("contracts.csv"), "--rates", rates, "--from", "2025-12-31", "--to", "2026-03-31"), "contracts.csv, line 2", "acct-1-01");
    }

    [Theory]
    [InlineData("\"target\": 7,", "\"target\": 1e30,", "plan.json, line 10, column 5: $.metrics[0]")]
    [InlineData("\"baseline\": 40,", "\"baseline\": -1e30,", "plan.json, line 21, column 5: $.metrics[1]")]
    public void PlanValues_BeyondWhatCanBeMeasured_AreRefusedNamingTheMetric(string from, string to, string path)
    {
        // Found after parsing, so placed by its path: the line of the metric.
        string plan = Write("plan.json", File.ReadAllText(C("plan.json")).Replace(from, to, StringComparison.Ordinal));

        AssertBadInput(Run("plan", "--plan", plan, "--measurements", C("measurements.csv"), "--as-of", "2026-12-08"), "plan.json", path, "from -1e15 to 1e15");
    }

    [Fact]
    public void APlanAtTheCalendarsLastDay_IsChartedAndMeasured()
    {
        string plan = Write("plan.json", File.ReadAllText(C("plan.json")).Replace("\"2026-06-30\"", "\"9999-12-31\"", StringComparison.Ordinal));
        string charts = Path.Combine(Folder, "charts");

        var (code, output, error) = Run("plan", "--plan", plan, "--measurements", C("measurements.csv"), "--as-of", "2026-12-08", "--charts", charts);

        Assert.True(code == 0, error);
        Assert.StartsWith("metric,unit,baseline,current,target", output, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(charts, "*.svg").Length);
    }

    [Fact]
    public void AMeasurementOf1e30_IsRefusedNamingTheLine()
    {
        string measurements = Write("m.csv", "metric,date,value\nDays to train a new analyst,2026-09-30,1e30\n");

        AssertBadInput(Run("plan", "--plan", C("plan.json"), "--measurements", measurements, "--as-of", "2026-12-08"), "m.csv, line 2, field 'value'");
    }

    [Fact]
    public void InvalidUtf8_IsRefusedNamingTheLine_RatherThanMergingTwoAccounts()
    {
        string mrr = Path.Combine(Folder, "mrr.csv");
        File.WriteAllBytes(mrr, [.. "account_id,month,mrr\na"u8, 0xE9, .. ",2025-01,1\na"u8, 0xE8, .. ",2025-02,1\n"u8]);

        AssertBadInput(Run("retention", "--mrr", mrr), "mrr.csv, line 2: ", "not valid UTF-8");
    }

    [Fact]
    public void InvalidUtf8InAJsonFile_IsRefusedNamingTheLine()
    {
        string model = Path.Combine(Folder, "model.json");
        File.WriteAllBytes(model, [.. "{\n  \"signals\": [ { \"id\": \"n"u8, 0xFF, .. "ps\" } ]\n}\n"u8]);

        AssertBadInput(Run("score", "--model", model, "--accounts", C("health.csv")), "model.json, line 2: ", "not valid UTF-8");
    }

    [Fact]
    public void LinesOfOnlyWhitespace_AreBlankLines()
    {
        string mrr = Write("mrr.csv", "account_id,month,mrr\na1,2025-01,1\n   \n\t\na1,2025-02,2\n");

        var (code, output, error) = Run("retention", "--mrr", mrr);

        Assert.True(code == 0, error);
        Assert.Contains("2025-02,1.00,0.00,0.00,1.00,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AFarMonth_IsRefusedNamingItsLine_AndMaxMonthsRaisesTheBound()
    {
        var csv = new StringBuilder("account_id,month,mrr,csm\n");
        for (int i = 0; i < 2_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i},2025-0{1 + (i % 9)},10,csm{i % 7}\n");
        }

        csv.Append("a1,9999-12,10,csm1\n");
        string mrr = Write("mrr.csv", csv.ToString());

        AssertBadInput(Run("retention", "--mrr", mrr, "--by", "csm"), "mrr.csv, line 2002, field 'month': 9999-12 is", "more than 1200", "--max-months");
        AssertBadInput(Run("retention", "--mrr", mrr, "--by", "csm", "--max-months", "1300"), "line 2002");
        Assert.Equal(2, Run("retention", "--mrr", mrr, "--max-months", "1").Code);
    }

    [Fact]
    public void ManyGroupsOverManyMonths_AreRefused_SoTheReportFollowsTheFilesSize()
    {
        // 2,000 rows, each its own CSM, over 1,200 months: 2.4 million group-months from a 60 KB file.
        var csv = new StringBuilder("account_id,month,mrr,csm\n");
        for (int i = 0; i < 2_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i},{1900 + (i % 100)}-01,10,csm{i}\n");
        }

        csv.Append("a1,1999-12,10,csm1\n");
        string mrr = Write("mrr.csv", csv.ToString());

        AssertBadInput(Run("retention", "--mrr", mrr, "--by", "csm"), "mrr.csv, field 'csm': 2,000 groups over 1,199 months make 2,398,000 rows of figures");
        Assert.Equal(0, Run("retention", "--mrr", mrr).Code);
    }

    [Theory]
    [InlineData("score", "--model=")]
    [InlineData("alerts", "--rules=")]
    [InlineData("plan", "--plan=")]
    [InlineData("demo", "--out=")]
    [InlineData("retention", "--mrr", "")]
    [InlineData("retention", "--mrr", "  ")]
    public void EmptyOptionValues_AreUsageErrors(params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("needs a value; it was given an empty one", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1899-12-31T23:59:59Z")]
    [InlineData("2201-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    public void AnAsOfOutsideTheEnginesRange_IsAUsageErrorNamingTheRange(string asOf)
    {
        var (code, output, error) = Run("alerts", "--rules", C("rules.txt"), "--events", C("events.csv"), "--as-of", asOf);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("outside the supported range 1900-01-01T00:00:00Z to 2200-12-31T23:59:59Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAsOfRange_IsTheBehaviorEnginesOwn()
    {
        string[] at(string asOf) => ["segment", "--where", "absent(login, last 30d)", "--events", C("events.csv"), "--as-of", asOf];

        Assert.Equal(0, Run(at("1900-01-01T00:00:00Z")).Code);
        Assert.Equal(0, Run(at("2200-12-31T23:59:59Z")).Code);
    }

    [Fact]
    public void Portfolio_TableAndCsv_AgreeOnAnAccountWhoseCurrencyChanges()
    {
        string mrr = Write("mrr.csv", File.ReadAllText(C("mrr.csv")).Replace("acct-1,2026-03,13021.60,EUR", "acct-1,2026-03,13021.60,USD", StringComparison.Ordinal));

        foreach (string format in new[] { "table", "csv" })
        {
            AssertBadInput(Run("portfolio", "--accounts", C("accounts.csv"), "--mrr", mrr, "--rates", C("rates.csv"), "--format", format), "mrr.csv, line 4, field 'currency': account 'acct-1' is billed in USD here and in EUR on line 2");
        }
    }

    [Fact]
    public void Portfolio_OfAMonthWhoseYearBeforeHasNoRate_SaysNotAvailable_AndSucceeds()
    {
        var (code, output, error) = Run("portfolio", "--month", "2025-10");

        Assert.True(code == 0, error);
        Assert.Contains("Committed MRR bridge, last twelve months (2024-10-31 to 2025-10-31, USD): not available (No exchange rate from EUR to USD for 2024-10.", output, StringComparison.Ordinal);
        Assert.Contains("MRR movements, 2025-10 (USD)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Portfolio_ArrRowsAddUpToTheirTotal_AndTheTotalIsTwelveTimesTheClosingMrr()
    {
        var (code, output, _) = Run("portfolio");
        var (_, csv, _) = Run("portfolio", "--format", "csv");

        Assert.Equal(0, code);
        string[][] rows = csv.TrimEnd().Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        decimal total = decimal.Parse(rows.Single(r => r[0] == "total")[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, rows.Where(r => r[0] == "segment").Sum(r => decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(total, rows.Where(r => r[0] == "region").Sum(r => decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)));
        string closing = output.Split('\n').First(l => l.StartsWith("Closing MRR", StringComparison.Ordinal))[12..].Trim().Split(' ')[0];
        Assert.Equal(total, 12 * decimal.Parse(closing, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("retention")]
    [InlineData("cohort-retention")]
    public void AMissingRate_NamesTheAccountAndLine_AsWellAsThePairAndMonth(string command)
    {
        string[] args = command == "retention" ? ["retention", "--mrr", C("mrr.csv")] : ["cohort-retention", "--mrr", C("mrr.csv"), "--from", "2026-01", "--to", "2026-03"];

        AssertBadInput(Run(args), "mrr.csv, line ", "field 'currency': account 'acct-1' is billed in EUR: No exchange rate from EUR to USD for 2026-0");
    }

    [Fact]
    public void AMissingRateInTheLedger_NamesTheContractLineAndAccount()
    {
        AssertBadInput(Run("cmrr", "--contracts", C("contracts.csv"), "--from", "2025-12-31", "--to", "2026-03-31"), "contracts.csv, line 2, field 'currency': line 'acct-1-01' of account 'acct-1' is in EUR: No exchange rate from EUR to USD for 2026-03");
    }

    [Fact]
    public void Alerts_WithoutFacts_SayWhichRulesReadFacts()
    {
        var (code, output, error) = Run("alerts", "--rules", C("rules.txt"), "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z");

        Assert.Equal(0, code);
        Assert.NotEmpty(output);
        Assert.Contains("warning: no --facts file was given, so rule 'overdue_with_open_p1' (fact(days_past_due), fact(oldest_open_p1_p2_case_days)), rule 'licences_active'", error, StringComparison.Ordinal);
        Assert.Empty(Run("alerts", "--rules", C("rules.txt"), "--events", C("events.csv"), "--facts", C("facts.csv"), "--as-of", "2026-10-31T23:59:59Z").Error);
    }

    [Fact]
    public void AFractionThresholdBeyondWhatAPercentageCanSay_IsRefused()
    {
        const string where = "ratio(fact(active_users), fact(licences)) > 79228162514264337593543950335";
        string json = Write("rules.json", """{ "rules": [ { "id": "q", "kind": "risk", "severity": "warning", "when": { "compare": { "aggregate": { "ratio": { "of": { "fact": { "name": "a" } }, "per": { "fact": { "name": "b" } } } }, "op": ">", "value": 79228162514264337593543950335 } } } ] }""");

        var segment = Run("segment", "--where", where, "--events", C("events.csv"), "--facts", C("facts.csv"), "--as-of", "2026-10-31T23:59:59Z");
        var alerts = Run("alerts", "--rules", Write("rules.txt", "rule r risk warning\n  when " + where + "\n"), "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z");

        Assert.Equal(2, segment.Code);
        Assert.Contains("Line 1, column 45: ratio(fact(active_users), fact(licences)) is a fraction", segment.Error, StringComparison.Ordinal);
        AssertBadInput(alerts, "Line 2, column 52: Rule 'r': ratio(fact(active_users), fact(licences)) is a fraction");
        AssertBadInput(Run("alerts", "--rules", json, "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z"), "rules.json, line 1, column 87: rule 'q': $.rules[0].when.compare: ");
    }

    [Fact]
    public void ADuplicateLineId_IsReportedOnTheDuplicatesLine_NamingTheFirst()
    {
        string contracts = Write("contracts.csv", File.ReadAllText(C("contracts.csv")) + "acct-2-02,acct-2,add-on,2026-02-01,2026-02-01,2026-11-30,1,1,month,USD,,,,\n");

        AssertBadInput(Run("cmrr", "--contracts", contracts, "--rates", C("rates.csv"), "--from", "2025-12-31", "--to", "2026-03-31"), "contracts.csv, line 8, field 'line_id': line id 'acct-2-02' is already used on line 5");
    }

    [Fact]
    public void MrrRowsOfOneAccountAndMonthInDifferentGroups_NameBothLines()
    {
        string mrr = Write("mrr.csv", "account_id,month,mrr,csm\na1,2025-01,1,x\na1,2025-02,1,x\na1,2025-02,1,y\n");

        AssertBadInput(Run("retention", "--mrr", mrr, "--by", "csm"), "mrr.csv, line 4, field 'csm': account 'a1' in 2025-02 is in group 'y' here and 'x' on line 3");
    }

    [Theory]
    [InlineData("rule a risk warning\n  when count(x, last 7d) >= 5 $\n", "Line 2, column 31: Rule 'a': Unexpected character '$'.")]
    [InlineData("rule a risk warning\n  when count(x, last 7d) >= 5\nrule b risk warning message \"oops\n  when count(x, last 7d) >= 5\n", "Line 3, column 29: Rule 'b': A quoted text is not closed on its line.")]
    public void RuleTextLexerErrors_NameTheRule(string rules, string expected)
    {
        AssertBadInput(Run("alerts", "--rules", Write("rules.txt", rules), "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z"), expected);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "id": "q", "kind": "risk", "severity": "warning", "cooldwon": "7d", "when": "absent(login, last 30d)" } ] }""", "rules.json, line 1, column 78: rule 'q': $.rules[0].cooldwon: unknown field 'cooldwon'")]
    [InlineData("""{ "rules": [ { "id": "q", "kind": "risk", "severity": "warning", "when": { "absent": { "event": "login", "window": { "lats": "30d" } } } } ] }""", "rule 'q'")]
    [InlineData("{ \"rules\": [ { \"id\": \"q\", \"id\": \"r\" } ] }", "rules.json, line 1, column 27: $.rules[0].id: the key 'id' appears twice")]
    [InlineData("{ \"rules\": [ { \"id\": \"q\"  ", "rules.json, line 1, column 27")]
    public void MalformedRuleJson_NamesTheRuleOrThePlace(string json, string expected)
    {
        AssertBadInput(Run("alerts", "--rules", Write("rules.json", json), "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z"), expected);
    }

    [Theory]
    [InlineData("\"weight\": 2,", "\"wieght\": 2,", "model.json, line 3, column 71, at $.signals[0].wieght: ", "unknown field 'wieght'")]
    [InlineData("\"weight\": 2,", "\"weight\": 2, \"weight\": 3,", "model.json, line 3, column ", "$.signals[0].weight: the key 'weight' appears twice")]
    [InlineData("\"substituteScore\": 50, ", "", "signal 'support.cases_7d': missing is Substitute, so substituteScore must say", "")]
    [InlineData("\"kind\": \"Boolean\"", "\"kind\": \"Bool\"", "model.json, line 6, column 82, at $.signals[3].curve.kind: ", "the value is not a valid CurveKind.")]
    public void ModelJson_UnknownFieldsRepeatedKeysAndAMissingSubstitute_AreRefused(string from, string to, string expected, string alsoExpected)
    {
        string model = Write("model.json", File.ReadAllText(C("model.json")).Replace(from, to, StringComparison.Ordinal));

        AssertBadInput(Run("score", "--model", model, "--accounts", C("health.csv")), expected, alsoExpected);
    }

    [Fact]
    public void JsonEnums_AreNamesNotNumbers()
    {
        string model = Write("model.json", File.ReadAllText(C("model.json")).Replace("\"missing\": \"Substitute\"", "\"missing\": 7", StringComparison.Ordinal));
        string plan = Write("plan.json", File.ReadAllText(C("plan.json")).Replace("\"status\": \"Active\"", "\"status\": -1", StringComparison.Ordinal));

        AssertBadInput(Run("score", "--model", model, "--accounts", C("health.csv")), "at $.signals[1].missing: ", "not a valid MissingSignalPolicy");
        AssertBadInput(Run("plan", "--plan", plan, "--measurements", C("measurements.csv"), "--as-of", "2026-12-08"), "at $.status: the value is not a valid PlanStatus");
    }

    [Fact]
    public void GroupSumsThatFit_ButATotalThatOverflows_NameTheAccountThatTippedIt()
    {
        string mrr = Write("mrr.csv", $"account_id,month,mrr,csm\na1,2026-01,{Max},x\na2,2026-01,{Max},y\na1,2026-02,1,x\n");

        AssertBadInput(Run("retention", "--mrr", mrr, "--by", "csm"), "mrr.csv: ", "account 'a2' in 2026-02");
    }

    [Fact]
    public void PlanJson_AnUnknownField_IsRefusedWithItsLineColumnAndPath()
    {
        string plan = Write("plan.json", File.ReadAllText(C("plan.json")).Replace("\"status\": \"Active\"", "\"stauts\": \"Active\"", StringComparison.Ordinal));

        AssertBadInput(Run("plan", "--plan", plan, "--measurements", C("measurements.csv"), "--as-of", "2026-12-08"), "plan.json, line 45, column ", "at $.stauts: unknown field 'stauts'");
    }

    [Fact]
    public void AModelWithHugeWeights_ScoresAsTheSameModelWithSmallOnes()
    {
        string huge = Write("model.json", File.ReadAllText(C("model.json"))
            .Replace("\"weight\": 2,", "\"weight\": 1e308,", StringComparison.Ordinal)
            .Replace("\"groupWeights\": { \"adoption\": 2 }", "\"groupWeights\": { \"adoption\": 1e308, \"support\": 5e307, \"relationship\": 5e307, \"financial\": 5e307 }", StringComparison.Ordinal));
        string plain = Write("plain.json", File.ReadAllText(C("model.json")).Replace("\"weight\": 2,", "\"weight\": 1,", StringComparison.Ordinal));

        var (code, output, error) = Run("score", "--model", huge, "--accounts", C("health.csv"), "--as-of", "2026-10-31T00:00:00Z");

        Assert.True(code == 0, error);
        Assert.Equal(Run("score", "--model", plain, "--accounts", C("health.csv"), "--as-of", "2026-10-31T00:00:00Z").Output, output);
        Assert.Contains("acct-1,88.25,green", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinearCurveFromMinusToPlusMaxDouble_IsRefusedNamingTheSignal()
    {
        string model = Write("model.json", File.ReadAllText(C("model.json")).Replace("\"zeroAt\": 0.2, \"fullAt\": 0.8", "\"zeroAt\": -1.7e308, \"fullAt\": 1.7e308", StringComparison.Ordinal));

        AssertBadInput(Run("score", "--model", model, "--accounts", C("health.csv")), "signal 'adoption.active_licences', curve: ", "too far apart");
    }

    [Fact]
    public void Segment_AsOfAPastInstant_ListsOnlyAccountsThatExistedThen()
    {
        var (code, output, error) = Run("segment", "--where", "absent(purchase, last 120d)", "--events", C("events.csv"), "--as-of", "2026-09-15T00:00:00Z");

        Assert.True(code == 0, error);
        Assert.Equal(["account_id,evidence", "acct-2,\"absent(purchase, last 120d) = 0 (none)\""], output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void ExactMoneyThresholds_HoldForSumsOfCents()
    {
        var (code, output, error) = Run("segment", "--where", "sum(purchase, last 30d) >= 19.96", "--events", C("events.csv"), "--as-of", "2026-10-31T23:59:59Z", "--format", "json");

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("sum(purchase, last 30d) = 19.96 (>= 19.96)", json.RootElement[0].GetProperty("evidence").GetString());
    }

    [Fact]
    public void EventValues_ThatCannotBeHeldExactly_AreRefusedNamingTheLine()
    {
        string events = Write("events.csv", "account_id,user_id,event,occurred_at,value\na1,,purchase,2026-10-01T00:00:00Z,1e308\n");
        string tiny = Write("tiny.csv", "account_id,user_id,event,occurred_at,value\na1,,purchase,2026-10-01T00:00:00Z,0.00001\n");

        AssertBadInput(Run("segment", "--where", "performed(purchase, ever)", "--events", events, "--as-of", "2026-10-31T23:59:59Z"), "events.csv, line 2, field 'value'");
        AssertBadInput(Run("segment", "--where", "performed(purchase, ever)", "--events", tiny, "--as-of", "2026-10-31T23:59:59Z"), "tiny.csv, line 2, field 'value'", "more than 4 decimal places");
    }

    [Fact]
    public void Seed_OutOfRange_SaysWhatRangeItWants()
    {
        var (code, _, error) = Run("demo", "--out", Folder, "--seed", "-1");

        Assert.Equal(2, code);
        Assert.Contains("--seed must be a whole number from 0 to 18446744073709551615, not '-1'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeBadValue_IsQuotedAtMost80Characters()
    {
        string mrr = Write("mrr.csv", $"account_id,month,mrr\na1,2025-01,{new string('9', 5_000)}x\n");

        var run = Run("retention", "--mrr", mrr);

        AssertBadInput(run, "mrr.csv, line 2, field 'mrr'");
        Assert.True(run.Error.Length < 400, run.Error);
    }

    [Fact]
    public void Messages_LoseDotNetsParameterSuffixAndGenericTypeNames()
    {
        Assert.Equal("bad thing", CliText.Message(new ArgumentException("bad thing", "weight")));
        Assert.Equal("could not be converted to Instant.", CliText.Message(new FormatException("could not be converted to System.Nullable`1[Instant].")));
    }

    // A stdout that refuses every write, as > /dev/full does.
    private sealed class FullWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(StringBuilder? value) => throw new IOException("No space left on device");

        public override void Flush() => throw new IOException("No space left on device");
    }
}
