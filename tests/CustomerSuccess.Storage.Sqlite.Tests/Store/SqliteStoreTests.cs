using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CustomerSuccess.Storage.Sqlite.Tests;

/// <summary>The store contract on a real SQLite file, and what only a file can show: versions, sharing, backups.</summary>
public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cs-sqlite-").FullName;
    private int _files;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // the pool holds the files open
        Directory.Delete(_folder, recursive: true);
    }

    protected override StoreUnderTest OpenNew() => Under(new SqliteStore(NewPath()));

    protected override StoreUnderTest Reopen(StoreUnderTest store)
    {
        SqliteConnection.ClearAllPools(); // nothing cached in a connection survives: the file alone answers
        return Under(new SqliteStore(((SqliteStore)store.Snapshots).Path));
    }

    [Fact]
    public void Open_AStoreOfANewerSchema_IsRefused_AndLeftAsItIs()
    {
        string path = NewPath();
        _ = new SqliteStore(path);
        Execute(path, "UPDATE cs_schema SET version = 99;");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStore(path));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"knows up to {SqliteStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar(path, "SELECT version FROM cs_schema;"));
    }

    [Fact]
    public async Task Open_AStoreOfVersion1_MigratesItForward_KeepingItsRuns()
    {
        string path = NewPath();
        var store = new SqliteStore(path);
        await store.RecordRunAsync(Run(Day1), [Snapshot("acct-a", Day1, 1)], []);
        Execute(path, "DROP TABLE cs_plans; DROP TABLE cs_plan_measurements; UPDATE cs_schema SET version = 1;"); // as version 1 left it
        SqliteConnection.ClearAllPools();

        var migrated = new SqliteStore(path);

        Assert.Equal((long)SqliteStore.SchemaVersion, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal([Day1], (await migrated.GetRunsAsync()).Select(r => r.AsOf));
        Assert.Equal(1, (await migrated.SavePlanAsync(Plan("Close faster"), T0)).Version);
    }

    [Fact]
    public void Open_ADatabaseThatIsNotAStore_IsRefused()
    {
        string path = NewPath();
        Execute(path, "CREATE TABLE invoices (id INTEGER);");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStore(path));

        Assert.Contains("not a CustomerSuccess store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ANewFile_CreatesTheSchemaAtTheCurrentVersion_InWalMode()
    {
        string path = NewPath();

        _ = new SqliteStore(path);

        Assert.Equal((long)SqliteStore.SchemaVersion, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task RecordRun_FromTwoStoresOnOneFileAtOnce_LandsEachDateOnce()
    {
        string path = NewPath();
        var stores = Enumerable.Range(0, 4).Select(_ => new SqliteStore(path)).ToArray();

        // Two writers for each of two dates, at once: each date lands once, the file stays whole.
        bool[] recorded = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
            await store.RecordRunAsync(Run(i % 2 == 0 ? Day1 : Day2), [.. Enumerable.Range(0, 300).Select(a => Snapshot($"acct-{a:D3}", i % 2 == 0 ? Day1 : Day2, a))], []))));

        Assert.Equal(2, recorded.Count(r => r));
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check;"));
        Assert.Equal(600L, Scalar(path, "SELECT count(*) FROM cs_score_snapshots;"));
    }

    [Fact]
    public async Task BackupTo_CopiesTheStoreWhileOpen()
    {
        var store = new SqliteStore(NewPath());
        await store.RecordRunAsync(Run(Day1), [Snapshot("acct-a", Day1, 1)], [Alert("r1", "acct-a", null, T0)]);
        string backup = NewPath();

        await store.BackupToAsync(backup);

        var copy = new SqliteStore(backup);
        Assert.Equal(await store.GetRunsAsync(), await copy.GetRunsAsync());
        Assert.Equal(await store.GetSnapshotsAsync(Day1, Day1), await copy.GetSnapshotsAsync(Day1, Day1));
    }

    [Fact]
    public void Create_WithInvalidOptions_ListsEveryProblem()
    {
        var error = Assert.Throws<CustomerSuccessValidationException>(() => new SqliteStore(new SqliteStoreOptions { Path = " ", BusyTimeout = TimeSpan.FromSeconds(-1) }));

        Assert.Equal(2, error.Problems.Count);
    }

    private static StoreUnderTest Under(SqliteStore store) =>
        new(store, store, store, store, (run, snapshots, alerts) => store.RecordRunAsync(run, snapshots, alerts), asOf => store.GetRunAsync(asOf));

    private string NewPath() => Path.Combine(_folder, $"store-{++_files}.db");

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
