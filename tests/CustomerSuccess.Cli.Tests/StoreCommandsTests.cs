using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The store commands (issue 18) on real SQLite files: the daily loop on the demo data, the command-line contracts, the
/// error path (exit 1 or 2, nothing on stdout, the store named), and a run killed halfway.
/// </summary>
public sealed class StoreCommandsTests : CliRunner
{
    private const string RunHeader = "as_of,accounts_scored,green,yellow,red,undefined,new_alerts,suppressed_by_cooldown";

    [Fact]
    public void Run_TwoDaysWithAnOverrideBetween_AppliesAndRecordsIt_SuppressesByCooldown_AndRerunsChangeNothing()
    {
        string store = Store();

        var day1 = Run("run", "--store", store, "--as-of", "2026-10-30");
        var set = Run("override", "set", "--store", store, "--account", "acct-00001", "--score", "20", "--reason", "exec sponsor left", "--expires", "2099-01-01", "--by", "dana");
        var day2 = Run("run", "--store", store, "--as-of", "2026-10-31");

        Assert.True(day1.Code == 0 && set.Code == 0 && day2.Code == 0, day1.Error + set.Error + day2.Error);
        string[] first = Row(day1.Output), second = Row(day2.Output);
        Assert.Equal(["2026-10-30", "1600"], first[..2]);
        Assert.Equal("0", first[7]); // nothing to be suppressed by on the first day
        Assert.True(int.Parse(second[7], System.Globalization.CultureInfo.InvariantCulture) > 0, day2.Output); // the first day's alerts hold the second's back

        var history = Run("history", "--store", store, "--account", "acct-00001");
        Assert.True(history.Code == 0, history.Error);
        string[] lines = Lines(history.Output);
        Assert.Equal("as_of,score,band,trend,change,top_cause", lines[0]);
        Assert.StartsWith("2026-10-30,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-10-31,20,red,declining,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",adjustments", lines[2], StringComparison.Ordinal);

        var list = Run("override", "list", "--store", store);
        Assert.Matches(@"^acct-00001,20,exec sponsor left,dana,\d{4}-\d\d-\d\dT[\d:.]+Z,2099-01-01T00:00:00Z,$", Lines(list.Output)[1]);

        // Rerunning either date changes nothing and says so.
        long snapshots = Count(store, "cs_snapshots"), alerts = Count(store, "cs_alerts");
        var again = Run("run", "--store", store, "--as-of", "2026-10-30");
        Assert.Equal(0, again.Code);
        Assert.Equal(day1.Output, again.Output);
        Assert.Contains("2026-10-30 is recorded already", again.Error, StringComparison.Ordinal);
        Assert.Equal(day2.Output, Run("run", "--store", store, "--as-of", "2026-10-31").Output);
        Assert.Equal((snapshots, alerts), (Count(store, "cs_snapshots"), Count(store, "cs_alerts")));
        Assert.Equal(3200, snapshots);
    }

    [Fact]
    public void Run_FromFiles_ScoresTheAccounts_AndRaisesTheRulesAlerts_InTheContractsColumns()
    {
        string model = Write("model.json", """{ "signals": [ { "id": "usage", "group": "product", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 10 } } ] }""");
        string accounts = Write("accounts.csv", "account_id,usage\nacme,9\nglobex,5\ninitech,\n");
        string events = Write("events.csv", "account_id,user_id,event,occurred_at,value\nacme,,support_case_opened,2026-11-16T09:00:00Z,\n");
        string rules = Write("rules.txt", "rule case risk danger cooldown 7d\n  when count(support_case_opened, last 7d) >= 1\n");

        var result = Run("run", "--store", Store(), "--as-of", "2026-11-17", "--model", model, "--accounts", accounts, "--rules", rules, "--events", events);

        Assert.True(result.Code == 0, result.Error);
        Assert.Equal($"{RunHeader}\n2026-11-17,3,1,1,0,1,1,0\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Alerts_WithAStore_TakesCooldownsFromIt_AndRecordsWhatItRaises()
    {
        string store = Store();
        string events = Write("events.csv", "account_id,user_id,event,occurred_at,value\nacme,,support_case_opened,2026-11-16T09:00:00Z,\n");
        string rules = Write("rules.txt", "rule case risk danger cooldown 7d message \"{account}: a support case\"\n  when count(support_case_opened, last 7d) >= 1\n");

        var first = Run("alerts", "--store", store, "--rules", rules, "--events", events, "--as-of", "2026-11-17T09:00:00Z");
        var second = Run("alerts", "--store", store, "--rules", rules, "--events", events, "--as-of", "2026-11-18T09:00:00Z");
        var list = Run("alerts", "list", "--store", store, "--open");

        Assert.True(first.Code == 0 && second.Code == 0 && list.Code == 0, first.Error + second.Error + list.Error);
        Assert.Equal(2, Lines(first.Output).Length);
        Assert.Single(Lines(second.Output)); // the header only: within the cooldown
        Assert.Equal(
            "raised_at,account_id,rule_id,key,kind,severity,message,evidence,acknowledged_at,acknowledged_by\n"
            + "2026-11-17T09:00:00Z,acme,case,,risk,danger,acme: a support case,\"count(support_case_opened, last 7d) = 1 (>= 1)\",,\n",
            list.Output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("history")]
    [InlineData("override list")]
    [InlineData("alerts list")]
    [InlineData("report")]
    public void StoreCommand_OnAStoreOfANewerSchema_ExitsOne_NamingTheStore_WithNothingOnStdout(string command)
    {
        string store = Store();
        Assert.Equal(0, Run("override", "list", "--store", store).Code);
        Execute(store, "UPDATE cs_schema SET version = 42;");

        var result = Run([.. command.Split(' '), "--store", store, .. command == "history" ? new[] { "--account", "a" } : []]);

        Assert.Equal(1, result.Code);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(store, result.Error, StringComparison.Ordinal);
        Assert.Contains("schema version 42", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OnAFileThatIsNotADatabase_ExitsOne_NamingIt()
    {
        string store = Write("notes.db", "these are my notes, not a database\n");

        var result = Run("run", "--store", store);

        Assert.Equal(1, result.Code);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(store, result.Error, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database\n", File.ReadAllText(store));
    }

    [Fact]
    public void Run_OnAPostgreSqlServerThatIsNotThere_ExitsOne_NamingItWithoutThePassword()
    {
        var result = Run("run", "--store", "Host=127.0.0.1;Port=1;Username=cs;Password=hunter2;Database=cs;Timeout=3");

        Assert.Equal(1, result.Code);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("postgresql://cs@127.0.0.1:1/cs", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithAMalformedConnectionString_IsAUsageError_ThatNeverShowsItsValues()
    {
        var result = Run("run", "--store", "Host=db;Pasword=hunter2");

        Assert.Equal(2, result.Code);
        Assert.Equal(string.Empty, result.Output);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--score", "101")]
    [InlineData("--score", "NaN")]
    [InlineData("--expires", "2001-01-01")]
    [InlineData("--expires", "tomorrow")]
    public void OverrideSet_WithABadValue_IsAUsageError_AndSetsNothing(string option, string value)
    {
        string store = Store();
        string[] args = ["override", "set", "--store", store, "--account", "acme", "--reason", "r", "--by", "dana",
            "--score", option == "--score" ? value : "50", "--expires", option == "--expires" ? value : "2099-01-01"];

        var result = Run(args);

        Assert.Equal(2, result.Code);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(store) && Count(store, "cs_overrides") > 0);
    }

    [Fact]
    public void AlertsAck_AcknowledgesAnOpenAlertOnce_AndRefusesOneNotRecorded_NamingIt()
    {
        string store = Store();
        Assert.Equal(0, Run("run", "--store", store).Code);
        string[] open = Lines(Run("alerts", "list", "--store", store, "--open").Output);
        string[] first = open[1].Split(',');

        var ack = Run("alerts", "ack", "--store", store, "--account", first[1], "--rule", first[2], "--raised-at", first[0], "--by", "Mary Harrison");

        Assert.True(ack.Code == 0, ack.Error);
        string[] row = Lines(ack.Output);
        Assert.Equal(open[0], row[0]);
        Assert.StartsWith(open[1].TrimEnd(','), row[1], StringComparison.Ordinal);
        Assert.EndsWith(",Mary Harrison", row[1], StringComparison.Ordinal);
        Assert.Equal(open.Length - 1, Lines(Run("alerts", "list", "--store", store, "--open").Output).Length);

        var again = Run("alerts", "ack", "--store", store, "--account", first[1], "--rule", first[2], "--raised-at", first[0], "--by", "Mary Harrison");
        Assert.Equal((1, string.Empty), (again.Code, again.Output));
        Assert.Contains($"{store}: the alert is acknowledged already for rule '{first[2]}', account '{first[1]}', raised at {first[0]}", again.Error, StringComparison.Ordinal);

        var missing = Run("alerts", "ack", "--store", store, "--account", "nobody", "--rule", first[2], "--raised-at", first[0], "--by", "Mary Harrison");
        Assert.Equal((1, string.Empty), (missing.Code, missing.Output));
        Assert.Contains($"{store}: no alert is recorded for rule '{first[2]}', account 'nobody'", missing.Error, StringComparison.Ordinal);

        var malformed = Run("alerts", "ack", "--store", store, "--account", first[1], "--rule", first[2], "--raised-at", "yesterday");
        Assert.Equal((2, string.Empty), (malformed.Code, malformed.Output));
        Assert.Contains("--raised-at 'yesterday' is not an instant", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideClear_WithoutAnOpenOverride_ExitsOne_AndClearsOnce()
    {
        string store = Store();
        Assert.Equal(0, Run("override", "set", "--store", store, "--account", "acme", "--score", "50", "--reason", "r", "--expires", "2099-01-01").Code);

        Assert.Equal(0, Run("override", "clear", "--store", store, "--account", "acme").Code);
        var again = Run("override", "clear", "--store", store, "--account", "acme");

        Assert.Equal(1, again.Code);
        Assert.Contains("no open override", again.Error, StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d\d-\d\dT[\d:.]+Z$", Lines(Run("override", "list", "--store", store).Output)[1]);
    }

    [Fact]
    public void Backtest_FromTheStore_OfTheDemosMonthEndRuns_PrintsWhatTheSnapshotFileGives()
    {
        // The demo's 24 month ends recorded as runs (each month's raw values as the accounts file of a run), then the
        // backtest of the stored history with the model the runs recorded: byte for byte the backtest of the file.
        string demo = Path.Combine(Folder, "demo");
        Assert.Equal(0, Run("demo", "--out", demo).Code);
        string model = Path.Combine(demo, "model.json"), outcomes = Path.Combine(demo, "outcomes.csv"), snapshots = Path.Combine(demo, "snapshots.csv");
        string store = Store();
        string[] lines = Lines(File.ReadAllText(snapshots));
        string header = "account_id," + lines[0][(lines[0].IndexOf(",as_of,", StringComparison.Ordinal) + ",as_of,".Length)..];
        foreach (IGrouping<string, string[]> month in lines.Skip(1).Select(l => l.Split(',', 3)).GroupBy(cells => cells[1]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string accounts = Write($"accounts-{month.Key}.csv", header + "\n" + string.Join("\n", month.Select(cells => cells[0] + "," + cells[2])) + "\n");
            var recorded = Run("run", "--store", store, "--as-of", month.Key, "--model", model, "--accounts", accounts);
            Assert.True(recorded.Code == 0, recorded.Error);
        }

        var fromFile = Run("backtest", "--model", model, "--history", snapshots, "--outcomes", outcomes, "--horizon", "30d,90d,180d");
        var fromStore = Run("backtest", "--store", store, "--outcomes", outcomes, "--horizon", "30d,90d,180d");

        Assert.True(fromStore.Code == 0, fromStore.Error);
        Assert.Equal(string.Empty, fromStore.Error);
        Assert.Equal(fromFile.Output, fromStore.Output);
        string[] tables = fromStore.Output.ReplaceLineEndings("\n").TrimEnd('\n').Split("\n\n");
        Assert.Equal(3, tables.Length);
        Assert.True(long.Parse(Lines(tables[0])[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) > 10_000, tables[0]); // the 30-day row labels most of the 24 months' snapshots
        var explicitModel = Run("backtest", "--store", store, "--model", model, "--outcomes", outcomes, "--horizon", "30d,90d,180d");
        Assert.Equal(fromFile.Output, explicitModel.Output);
    }

    [Fact]
    public void Backtest_FromAStore_WithoutWhatItNeeds_ExitsWithTheProblemNamed_AndNothingOnStdout()
    {
        string store = Store();
        string outcomes = Write("outcomes.csv", "account_id,churned_on,observed_until\nacme,,2026-11-30\n");
        var empty = Run("backtest", "--store", store, "--outcomes", outcomes, "--horizon", "30d");
        Assert.Equal((1, string.Empty), (empty.Code, empty.Output));
        Assert.Contains("no snapshots are stored", empty.Error, StringComparison.Ordinal);

        string model = Write("model.json", """{ "signals": [ { "id": "usage", "group": "product", "curve": { "kind": "Linear", "zeroAt": 0, "fullAt": 10 } } ] }""");
        Assert.Equal(0, Run("run", "--store", store, "--as-of", "2026-11-17", "--model", model, "--accounts", Write("accounts.csv", "account_id,usage\nacme,9\nglobex,5\n")).Code);
        var unlabelled = Run("backtest", "--store", store, "--outcomes", outcomes, "--horizon", "30d");
        Assert.Equal((1, string.Empty), (unlabelled.Code, unlabelled.Output));
        Assert.Contains("account 'globex' has stored snapshots but no row in", unlabelled.Error, StringComparison.Ordinal);

        string early = Write("early.csv", "account_id,churned_on,observed_until\nacme,,2026-11-01\nglobex,,2026-11-01\n");
        var late = Run("backtest", "--store", store, "--outcomes", early, "--horizon", "30d");
        Assert.Equal((1, string.Empty), (late.Code, late.Output));
        Assert.Contains("on 2026-11-17 is after its observed_until 2026-11-01", late.Error, StringComparison.Ordinal);
        Assert.Contains("--to 2026-11-01", late.Error, StringComparison.Ordinal);

        Execute(store, "DELETE FROM cs_models;"); // as a run before schema version 3 left it
        var noModel = Run("backtest", "--store", store, "--outcomes", outcomes, "--horizon", "30d");
        Assert.Equal((1, string.Empty), (noModel.Code, noModel.Output));
        Assert.Contains("is not recorded", noModel.Error, StringComparison.Ordinal);
        Assert.Contains("--model", noModel.Error, StringComparison.Ordinal);

        var both = Run("backtest", "--store", store, "--history", outcomes, "--outcomes", outcomes, "--horizon", "30d");
        Assert.Equal((2, string.Empty), (both.Code, both.Output));
    }

    [Fact]
    public void Run_KilledAtAnyMoment_LeavesTheStoreWithTheWholeRunOrNone()
    {
        // The tool in a child process, killed (SIGKILL) at moments spread over a run: each time the file is whole and
        // holds the run entirely (its 1,600 snapshots) or not at all, and a later run of the date completes it.
        string store = Store();
        string tool = Path.Combine(AppContext.BaseDirectory, "customersuccess.dll");
        foreach (int delay in new[] { 300, 700, 1200, 1800, 2600 })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { tool, "run", "--store", store, "--as-of", "2026-10-31" })
            {
                start.ArgumentList.Add(arg);
            }

            using (Process child = Process.Start(start)!)
            {
                Thread.Sleep(delay);
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            if (!File.Exists(store))
            {
                continue; // killed before it created the file
            }

            Assert.Equal("ok", Scalar(store, "PRAGMA integrity_check;"));
            if (Tables(store) == 0)
            {
                continue; // killed before the schema was committed: an empty database
            }

            long runs = Count(store, "cs_runs"), snapshots = Count(store, "cs_snapshots");
            Assert.True((runs, snapshots) is (0, 0) or (1, 1600), $"killed after {delay} ms: {runs} runs, {snapshots} snapshots");
        }

        var finish = Run("run", "--store", store, "--as-of", "2026-10-31");
        Assert.True(finish.Code == 0, finish.Error);
        Assert.Equal((1L, 1600L), (Count(store, "cs_runs"), Count(store, "cs_snapshots")));
    }

    private string Store() => Path.Combine(Folder, $"store-{Guid.NewGuid():N}.db");

    private static string[] Lines(string output) => output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static string[] Row(string output)
    {
        string[] lines = Lines(output);
        Assert.Equal(RunHeader, lines[0]);
        return Assert.Single(lines[1..]).Split(',');
    }

    private static long Count(string store, string table) => (long)Scalar(store, $"SELECT count(*) FROM {table};")!;

    private static long Tables(string store) => (long)Scalar(store, "SELECT count(*) FROM sqlite_master WHERE type = 'table';")!;

    private static void Execute(string store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
