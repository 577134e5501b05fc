using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public sealed class BehaviorCommandsTests : CliRunner
{
    private const string Events = """
        account_id,user_id,event,occurred_at,value
        financiality,joe,support_case_opened,2026-11-11T09:00:00Z,
        financiality,joe,support_case_opened,2026-11-12T09:00:00Z,
        financiality,,support_case_opened,2026-11-13T09:00:00Z,
        financiality,mary,support_case_opened,2026-11-14T09:00:00Z,2
        financiality,mary,support_case_opened,2026-11-16T09:00:00Z,
        financiality,joe,login,2026-10-01T08:00:00Z,
        contoso,ann,support_case_opened,2026-11-16T09:00:00Z,
        contoso,ann,login,2026-11-16T08:00:00Z,
        contoso,ann,support_case_opened,2026-11-18T09:00:00Z,
        """;

    private const string Rules = """
        rule support_case_spike risk danger cooldown 7d
          when count(support_case_opened, last 7d) >= 5

        rule quiet risk warning
          when absent(login, last 30d)

        rule active_users trigger info per_user
          when performed(login, last 60d)
        """;

    [Fact]
    public void Alerts_AndSegment_OnAnEventFileReadInManyRanges_PrintTheSameBytesAtAnyThreadCount_AndTheSameLateError()
    {
        // About 1.6 MB: six ranges of a quarter megabyte; accounts interleaved, users quoted, ids repeated across ranges.
        var text = new System.Text.StringBuilder("account_id,user_id,event,occurred_at,value,event_id\n");
        string[] names = ["login", "support_case_opened", "page_view"];
        for (int i = 0; i < 30_000; i++)
        {
            int account = (i * 7919) % 500;
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"acct-{account:D4},\"user, {i % 7}\",{names[i % 3]},2026-11-{(i % 17) + 1:D2}T{i % 24:D2}:00:00Z,{(i % 5 == 0 ? string.Empty : (i % 9).ToString(System.Globalization.CultureInfo.InvariantCulture))},{(i % 11 == 0 ? $"id-{i % 1_000}" : string.Empty)}\n");
        }

        string events = Write("events.csv", text.ToString());
        string rules = Write("rules.txt", Rules);
        Assert.True(Csv.CsvRanges.Split(events, Csv.ParallelCsv.RangeBytes).Count >= 5);
        foreach (string[] command in new[] { new[] { "alerts", "--rules", rules }, ["segment", "--where", "count(login, last 7d) >= 3 or performed(support_case_opened, last 30d)"] })
        {
            var one = Run([.. command, "--events", events, "--as-of", "2026-11-17T09:00:00Z", "--threads", "1"]);
            Assert.True(one.Code == 0, one.Error);
            Assert.Equal(one, Run([.. command, "--events", events, "--as-of", "2026-11-17T09:00:00Z", "--threads", "2"]));
            Assert.Equal(one, Run([.. command, "--events", events, "--as-of", "2026-11-17T09:00:00Z", "--threads", "4"]));
        }

        string bad = Write("bad.csv", text.Append("acct-0001,,login,yesterday,,\n").Append("acct-0001,,login,2026-11-01T00:00:00Z,,\n").ToString());
        var first = Run("alerts", "--rules", rules, "--events", bad, "--as-of", "2026-11-17T09:00:00Z", "--threads", "1");
        Assert.Equal((1, string.Empty), (first.Code, first.Output));
        Assert.Contains($"{bad}, line 30002, field 'occurred_at': 'yesterday' is not an ISO-8601 instant", first.Error, StringComparison.Ordinal);
        Assert.Equal(first, Run("alerts", "--rules", rules, "--events", bad, "--as-of", "2026-11-17T09:00:00Z", "--threads", "2"));
    }

    [Fact]
    public void Alerts_ListsEachAlertWithItsEvidence_InTheContractsColumnsAndOrder()
    {
        var (code, output, error) = Run("alerts", "--rules", Write("rules.txt", Rules), "--events", Write("events.csv", Events), "--as-of", "2026-11-17T09:00:00Z");

        Assert.True(code == 0, error);
        Assert.Equal(
            """
            account_id,rule_id,kind,severity,evidence
            contoso,active_users,trigger,info,"user ann: performed(login, last 60d) = 1 (at least 1)"
            financiality,support_case_spike,risk,danger,"count(support_case_opened, last 7d) = 5 (>= 5)"
            financiality,quiet,risk,warning,"absent(login, last 30d) = 0 (none)"
            financiality,active_users,trigger,info,"user joe: performed(login, last 60d) = 1 (at least 1)"

            """.ReplaceLineEndings("\n"),
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Alerts_ReadsJsonRules_AndWritesJson()
    {
        string rules = Write("rules.json", """
            {"rules":[{"id":"spike","kind":"risk","severity":"danger","when":{"compare":{"aggregate":{"count":{"event":"support_case_opened","window":{"last":"7d"}}},"op":">=","value":5}}}]}
            """);

        var (code, output, error) = Run("alerts", "--rules", rules, "--events", Write("events.csv", Events), "--as-of", "2026-11-17T09:00:00Z", "--format", "json");

        Assert.True(code == 0, error);
        Assert.Equal(
            """
            [
              {
                "account_id": "financiality",
                "rule_id": "spike",
                "kind": "risk",
                "severity": "danger",
                "evidence": "count(support_case_opened, last 7d) = 5 (>= 5)"
              }
            ]

            """.ReplaceLineEndings("\n"),
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Segment_ListsTheMatchingAccounts_PointInTime()
    {
        string events = Write("events.csv", Events);

        var (code, output, _) = Run("segment", "--where", "count(support_case_opened, last 7d) >= 2", "--events", events, "--as-of", "2026-11-18T12:00:00Z");
        var (_, earlier, _) = Run("segment", "--where", "count(support_case_opened, last 7d) >= 2", "--events", events, "--as-of", "2026-11-17T12:00:00Z");

        Assert.Equal(0, code);
        Assert.Equal(
            """
            account_id,evidence
            contoso,"count(support_case_opened, last 7d) = 2 (>= 2)"
            financiality,"count(support_case_opened, last 7d) = 4 (>= 2)"

            """.ReplaceLineEndings("\n"),
            output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("contoso", earlier, StringComparison.Ordinal); // its second case comes on Nov 18
    }

    [Theory]
    [InlineData("account_id,user_id,event,occurred_at,value\nacme,,login,2026-11-01,\n", "line 2, field 'occurred_at': '2026-11-01' is not an ISO-8601 instant")]
    [InlineData("account_id,user_id,event,occurred_at,value\nacme,,login,2026-11-01T00:00:00Z,\nacme,,9login,2026-11-01T00:00:00Z,\n", "line 3, field 'event': '9login' is not an event name")]
    [InlineData("account_id,user_id,event,occurred_at,value\nacme,,login,2026-11-01T00:00:00Z,many\n", "line 2, field 'value': 'many' is not a number")]
    [InlineData("account_id,user_id,occurred_at\nacme,,2026-11-01T00:00:00Z\n", "event")]
    public void BadEventFile_ExitsOne_NamingTheLineAndField(string events, string expected)
    {
        var (code, _, error) = Run("segment", "--where", "performed(login, ever)", "--events", Write("events.csv", events), "--as-of", "2026-11-17T09:00:00Z");

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--where: Line 1, column 23: '=' is not an operator", "segment", "--where", "count(login, last 7d) = 5", "--as-of", "2026-11-17T09:00:00Z")]
    [InlineData("--as-of '2026-11-17' is not an instant", "segment", "--where", "performed(login, ever)", "--as-of", "2026-11-17")]
    [InlineData("'alerts' needs --rules", "alerts", "--as-of", "2026-11-17T09:00:00Z")]
    public void BadArguments_ExitTwo(string expected, params string[] args)
    {
        var (code, _, error) = Run([.. args, "--events", Write("events.csv", Events)]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRuleFile_ExitsOne_NamingTheFileRuleLineAndColumn()
    {
        string rules = Write("rules.txt", "rule spike risk danger\n  when count(support_case_opened, last 7d) >= \n");

        var (code, _, error) = Run("alerts", "--rules", rules, "--events", Write("events.csv", Events), "--as-of", "2026-11-17T09:00:00Z");

        Assert.Equal(1, code);
        Assert.Contains("rules.txt: Line 3, column 1: Rule 'spike': Expected a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoFiles_GiveTheSameAlertsAsTheMainJob()
    {
        Assert.Equal(0, Run("demo", "--out", Folder).Code);
        var (code, output, error) = Run(
            "alerts", "--rules", Path.Combine(Folder, "rules.txt"), "--events", Path.Combine(Folder, "events.csv"), "--facts", Path.Combine(Folder, "facts.csv"), "--as-of", "2026-10-31T23:59:59Z");
        var (_, mainJob, _) = Run();

        Assert.True(code == 0, error);
        var counts = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).GroupBy(l => l.Split(',')[1]).ToDictionary(g => g.Key, g => g.Count());
        string table = mainJob[mainJob.IndexOf("Alerts, as of 2026-10-31", StringComparison.Ordinal)..];
        foreach ((string rule, int count) in counts)
        {
            Assert.Matches($@"\n{rule} +\w+ +\w+ +{count:N0}\n", table.ReplaceLineEndings("\n"));
        }

        Assert.True(counts.Count >= 5, string.Join(", ", counts));
    }

    [Fact]
    public void AlertsAndSegment_OnSeveralThreads_PrintTheSameBytesAsOne()
    {
        // 3,000 accounts, each with the sample's events under its own id: several parts of 1,024 accounts.
        string[] rows = Events.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var text = new System.Text.StringBuilder(rows[0]).Append('\n');
        for (int k = 0; k < 1_500; k++)
        {
            foreach (string row in rows.Skip(1))
            {
                text.Append(row.Replace("financiality,", $"financiality-{k:D4},", StringComparison.Ordinal).Replace("contoso,", $"contoso-{k:D4},", StringComparison.Ordinal)).Append('\n');
            }
        }

        string events = Write("many.csv", text.ToString()), rules = Write("rules.txt", Rules);
        string[] alerts = ["alerts", "--rules", rules, "--events", events, "--as-of", "2026-11-17T09:00:00Z"];
        string[] segment = ["segment", "--where", "count(support_case_opened, last 7d) >= 2", "--events", events, "--as-of", "2026-11-17T09:00:00Z"];

        var alertsOne = Run([.. alerts, "--threads", "1"]);
        var alertsThree = Run([.. alerts, "--threads", "3"]);
        var segmentOne = Run([.. segment, "--threads", "1"]);
        var segmentThree = Run([.. segment, "--threads", "3"]);

        Assert.Equal(0, alertsOne.Code);
        Assert.True(alertsOne.Output.Split('\n').Length > 6_000, "every account raises alerts");
        Assert.Equal(alertsOne.Output, alertsThree.Output);
        Assert.Equal(0, segmentOne.Code);
        Assert.Equal(segmentOne.Output, segmentThree.Output);
    }
}
