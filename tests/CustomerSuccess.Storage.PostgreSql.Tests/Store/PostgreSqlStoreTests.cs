using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Testing;
using Npgsql;
using Xunit;

namespace CustomerSuccess.Storage.PostgreSql.Tests;

/// <summary>
/// The store contract on a real PostgreSQL server, and what only a server shows: concurrent runs of different dates,
/// versions, a database that is not a store, passwords kept out of messages. Each store gets a database of its own.
/// </summary>
public sealed class PostgreSqlStoreTests : StoreContract, IDisposable
{
    private readonly List<string> _databases = [];

    /// <summary>Gets the server the tests use (CS_POSTGRES); a clear failure when none is named.</summary>
    internal static string Server => Environment.GetEnvironmentVariable("CS_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("CS_POSTGRES names no PostgreSQL server. Start one with: source .ci/postgres start");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (string database in _databases)
        {
            Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
        }
    }

    protected override StoreUnderTest OpenNew() => Under(new PostgreSqlStore(NewDatabase()));

    protected override StoreUnderTest Reopen(StoreUnderTest store)
    {
        NpgsqlConnection.ClearAllPools(); // nothing cached in a connection survives: the server alone answers
        return Under(new PostgreSqlStore(((Tagged)store.Snapshots).ConnectionString));
    }

    [Fact]
    public async Task RecordRun_OfDifferentDatesAtOnce_BothLand_AndOfOneDate_OneRecords()
    {
        string database = NewDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlStore(database)).ToArray();

        bool[] recorded = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
            await store.RecordRunAsync(Run(i % 2 == 0 ? Day1 : Day2), [.. Enumerable.Range(0, 300).Select(a => Snapshot($"acct-{a:D3}", i % 2 == 0 ? Day1 : Day2, a))], [], []))));

        Assert.Equal(2, recorded.Count(r => r));
        Assert.Equal([Day1, Day2], (await stores[0].GetRunsAsync()).Select(r => r.AsOf));
        Assert.Equal(600, (await stores[0].GetSnapshotsAsync(Day1, Day2)).Count);
    }

    [Fact]
    public void CommandLine_TheDailyLoopOnTheDemo_HoldsOnPostgreSql_AsOnSqlite()
    {
        // issue 18's "done when" on a server: two days, an override between them, history, the list, reruns.
        string database = NewDatabase() + ";Password=hunter2";
        var day1 = Tool("run", "--store", database, "--as-of", "2026-10-30");
        var set = Tool("override", "set", "--store", database, "--account", "acct-00001", "--score", "20", "--reason", "exec sponsor left", "--expires", "2099-01-01", "--by", "dana");
        var day2 = Tool("run", "--store", database, "--as-of", "2026-10-31");
        var history = Tool("history", "--store", database, "--account", "acct-00001");
        var again = Tool("run", "--store", database, "--as-of", "2026-10-31");
        var list = Tool("override", "list", "--store", database);

        Assert.True(day1.Code == 0 && set.Code == 0 && day2.Code == 0 && history.Code == 0 && again.Code == 0 && list.Code == 0,
            day1.Error + set.Error + day2.Error + history.Error + again.Error + list.Error);
        Assert.Equal("as_of,accounts_scored,green,yellow,red,undefined,new_alerts,suppressed_by_cooldown\n2026-10-30,1600,1354,232,14,0,971,0\n", day1.Output);
        Assert.Equal("as_of,accounts_scored,green,yellow,red,undefined,new_alerts,suppressed_by_cooldown\n2026-10-31,1600,1351,234,15,0,24,953\n", day2.Output);
        Assert.Equal(day2.Output, again.Output);
        Assert.Contains("recorded already", again.Error, StringComparison.Ordinal);
        Assert.StartsWith("as_of,score,band,trend,change,top_cause\n2026-10-30,84.7468858633,green,,,\n2026-10-31,20,red,declining,-64.7468858633,adjustments\n", history.Output, StringComparison.Ordinal);
        Assert.Contains("acct-00001,20,exec sponsor left,dana,", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", day1.Error + set.Error + day2.Error + again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_BacktestOfTheStoredMonthEnds_IsTheBacktestOfTheFile()
    {
        // The demo's 24 month ends recorded as runs on the server, then backtested from it: byte for byte the file's backtest.
        string database = NewDatabase();
        string demo = System.IO.Directory.CreateTempSubdirectory("cs-pg-backtest-").FullName;
        try
        {
            Assert.Equal(0, Tool("demo", "--out", demo).Code);
            string model = System.IO.Path.Combine(demo, "model.json"), outcomes = System.IO.Path.Combine(demo, "outcomes.csv"), snapshots = System.IO.Path.Combine(demo, "snapshots.csv");
            string[] lines = System.IO.File.ReadAllText(snapshots).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            string header = "account_id," + lines[0][(lines[0].IndexOf(",as_of,", StringComparison.Ordinal) + ",as_of,".Length)..];
            foreach (IGrouping<string, string[]> month in lines.Skip(1).Select(l => l.Split(',', 3)).GroupBy(cells => cells[1]))
            {
                string accounts = System.IO.Path.Combine(demo, $"accounts-{month.Key}.csv");
                System.IO.File.WriteAllText(accounts, header + "\n" + string.Join("\n", month.Select(cells => cells[0] + "," + cells[2])) + "\n");
                var recorded = Tool("run", "--store", database, "--as-of", month.Key, "--model", model, "--accounts", accounts);
                Assert.True(recorded.Code == 0, recorded.Error);
            }

            var fromFile = Tool("backtest", "--model", model, "--history", snapshots, "--outcomes", outcomes, "--horizon", "30d,90d,180d");
            var fromStore = Tool("backtest", "--store", database, "--outcomes", outcomes, "--horizon", "30d,90d,180d");

            Assert.True(fromStore.Code == 0, fromStore.Error);
            Assert.Equal(fromFile.Output, fromStore.Output);
            Assert.Equal(3, fromStore.Output.TrimEnd('\n').Split("\n\n").Length);
        }
        finally
        {
            System.IO.Directory.Delete(demo, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Tool(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "customersuccess.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.ReplaceLineEndings("\n"), error.Result);
    }

    [Fact]
    public void Open_AStoreOfANewerSchema_IsRefused_WithoutThePassword()
    {
        string database = NewDatabase();
        _ = new PostgreSqlStore(database);
        Execute(database, "UPDATE cs_schema SET version = 99;");

        var error = Assert.Throws<InvalidOperationException>(() => new PostgreSqlStore(database + ";Password=hunter2"));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql://", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AStoreOfVersion1_MigratesItForward_KeepingItsRunsAndSnapshots()
    {
        string database = NewDatabase();
        ScoreSnapshot[] snapshots = [Snapshot("acct-a", Day1, 1)];
        FillVersion2(database, snapshots);
        Execute(database, "INSERT INTO cs_runs VALUES ('2026-11-16', 'f0b0c0d0-0000-0000-0000-000000000001', '2026-11-16T09:00:00.000000000Z', '2026-11-16T09:00:03.000000000Z');"
            + "DROP TABLE cs_plans; DROP TABLE cs_plan_measurements; UPDATE cs_schema SET version = 1;"); // as version 1 left it

        var migrated = new PostgreSqlStore(database);

        Assert.Equal([Day1], (await migrated.GetRunsAsync()).Select(r => r.AsOf));
        Assert.Equal(snapshots, await migrated.GetSnapshotsAsync(Day1, Day1));
        Assert.Equal(1, (await migrated.SavePlanAsync(Plan("Close faster"), T0)).Version);
    }

    [Fact]
    public async Task Open_AStoreOfVersion2_MovesEachSnapshotIntoOneRow_EveryValueExactly()
    {
        string database = NewDatabase();
        ScoreSnapshot[] snapshots = [.. new[] { Day2, Day1 }.SelectMany(day => Enumerable.Range(0, 15).Select(i => Snapshot($"acct-{i:D2}", day, (day.Day * 100) + i)))];
        FillVersion2(database, snapshots);

        var migrated = new PostgreSqlStore(database);

        Assert.Equal(snapshots.OrderBy(s => s.AsOf).ThenBy(s => s.Account.Value, StringComparer.Ordinal), await migrated.GetSnapshotsAsync(Day1, Day2));
        Assert.Equal(0L, Scalar(database, "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('cs_score_snapshots', 'cs_snapshot_signals', 'cs_snapshot_adjustments');"));
        Assert.Equal(snapshots[0].Band, Scalar(database, $"SELECT band FROM cs_snapshots WHERE account_id = '{snapshots[0].Account}' AND as_of = '2026-11-17';"));
    }

    [Fact]
    public async Task Open_AStoreOfVersion4_MovesEachSnapshotsJsonIntoItsRecord_EveryValueExactly()
    {
        string database = NewDatabase();
        ScoreSnapshot[] snapshots = [.. new[] { Day2, Day1 }.SelectMany(day => Enumerable.Range(0, 15).Select(i => Snapshot($"acct-{i:D2}", day, (day.Day * 100) + i)))];
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            Version4Store.Fill(connection, snapshots);
        }

        var migrated = new PostgreSqlStore(database);

        Assert.Equal((long)PostgreSqlStore.SchemaVersion, Convert.ToInt64(Scalar(database, "SELECT version FROM cs_schema;"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(snapshots.OrderBy(s => s.AsOf).ThenBy(s => s.Account.Value, StringComparer.Ordinal), await migrated.GetSnapshotsAsync(Day1, Day2));
        Assert.Equal(snapshots.Where(s => s.Account.Value == "acct-03").OrderBy(s => s.AsOf), await migrated.GetHistoryAsync(new AccountId("acct-03"), Day1, Day2));
        Assert.Equal(0L, Scalar(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'cs_snapshots_v4';"));
        Assert.Equal("cs_snapshots_pkey", Scalar(database, "SELECT conname::text FROM pg_constraint WHERE conrelid = 'cs_snapshots'::regclass AND contype = 'p';"));
    }

    [Fact]
    public void Open_ADatabaseWithOtherTables_IsRefused()
    {
        string database = NewDatabase();
        Execute(database, "CREATE TABLE invoices (id integer);");

        var error = Assert.Throws<InvalidOperationException>(() => new PostgreSqlStore(database));

        Assert.Contains("not a CustomerSuccess store", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Database=cs")]
    [InlineData("Host=db;Pasword=x")]
    public void Create_WithABadConnectionString_SaysWhy_WithoutItsValues(string connectionString)
    {
        var error = Assert.Throws<CustomerSuccessValidationException>(() => new PostgreSqlStore(connectionString));

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private StoreUnderTest Under(PostgreSqlStore store) =>
        new(new Tagged(store, _last!), store, store, store, store, (run, snapshots, alerts, models) => store.RecordRunAsync(run, snapshots, alerts, models), asOf => store.GetRunAsync(asOf));

    private string? _last;

    private string NewDatabase()
    {
        (string name, string connectionString) = CreateDatabase();
        _databases.Add(name);
        return _last = connectionString;
    }

    /// <summary>A new, empty database on the server: its name and its connection string.</summary>
    internal static (string Name, string ConnectionString) CreateDatabase()
    {
        string name = $"cs_test_{Guid.NewGuid():N}";
        Admin($"CREATE DATABASE \"{name}\";");
        return (name, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
    }

    internal static void Admin(string sql) => Execute(Server, sql);

    private static void FillVersion2(string database, ScoreSnapshot[] snapshots)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        Version2Store.Fill(connection, snapshots);
    }

    private static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // The snapshot store remembers its connection string, so that Reopen can open the same database again.
    private sealed class Tagged(PostgreSqlStore store, string connectionString) : HealthScoring.IScoreSnapshotStore
    {
        public string ConnectionString { get; } = connectionString;

        public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<HealthScoring.ScoreSnapshot> snapshots, System.Threading.CancellationToken cancellationToken = default) => store.RecordSnapshotsAsync(snapshots, cancellationToken);

        public ValueTask<IReadOnlyList<HealthScoring.ScoreSnapshot>> GetHistoryAsync(AccountId account, NodaTime.LocalDate first, NodaTime.LocalDate last, System.Threading.CancellationToken cancellationToken = default) => store.GetHistoryAsync(account, first, last, cancellationToken);

        public ValueTask<IReadOnlyList<HealthScoring.ScoreSnapshot>> GetSnapshotsAsync(NodaTime.LocalDate first, NodaTime.LocalDate last, System.Threading.CancellationToken cancellationToken = default) => store.GetSnapshotsAsync(first, last, cancellationToken);

        public ValueTask<bool> RecordModelAsync(HealthScoring.HealthModel model, System.Threading.CancellationToken cancellationToken = default) => store.RecordModelAsync(model, cancellationToken);

        public ValueTask<HealthScoring.HealthModel?> GetModelAsync(HealthScoring.ScoreSnapshot snapshot, System.Threading.CancellationToken cancellationToken = default) => store.GetModelAsync(snapshot, cancellationToken);
    }
}
