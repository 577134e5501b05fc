using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
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
    public async Task Open_AStoreOfVersion1_MigratesItForward_KeepingItsRunsAndSnapshots()
    {
        string path = NewPath();
        ScoreSnapshot[] snapshots = [Snapshot("acct-a", Day1, 1)];
        FillVersion2(path, snapshots);
        Execute(path, "INSERT INTO cs_runs VALUES ('2026-11-16', 'f0b0c0d0-0000-0000-0000-000000000001', '2026-11-16T09:00:00.000000000Z', '2026-11-16T09:00:03.000000000Z');"
            + "DROP TABLE cs_plans; DROP TABLE cs_plan_measurements; UPDATE cs_schema SET version = 1;"); // as version 1 left it

        var migrated = new SqliteStore(path);

        Assert.Equal((long)SqliteStore.SchemaVersion, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal([Day1], (await migrated.GetRunsAsync()).Select(r => r.AsOf));
        Assert.Equal(snapshots, await migrated.GetSnapshotsAsync(Day1, Day1));
        Assert.Equal(1, (await migrated.SavePlanAsync(Plan("Close faster"), T0)).Version);
    }

    [Fact]
    public async Task Open_AStoreOfVersion2_MovesEachSnapshotIntoOneRow_EveryValueExactly()
    {
        string path = NewPath();
        ScoreSnapshot[] snapshots = [.. new[] { Day2, Day1 }.SelectMany(day => Enumerable.Range(0, 15).Select(i => Snapshot($"acct-{i:D2}", day, (day.Day * 100) + i)))];
        FillVersion2(path, snapshots);

        var migrated = new SqliteStore(path);

        Assert.Equal((long)SqliteStore.SchemaVersion, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal(snapshots.OrderBy(s => s.AsOf).ThenBy(s => s.Account.Value, StringComparer.Ordinal), await migrated.GetSnapshotsAsync(Day1, Day2));
        Assert.Equal(0L, Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('cs_score_snapshots', 'cs_snapshot_signals', 'cs_snapshot_adjustments');"));
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task Open_AStoreOfVersion4_MovesEachSnapshotsJsonIntoItsRecord_EveryValueExactly()
    {
        string path = NewPath();
        ScoreSnapshot[] snapshots = [.. new[] { Day2, Day1 }.SelectMany(day => Enumerable.Range(0, 15).Select(i => Snapshot($"acct-{i:D2}", day, (day.Day * 100) + i)))];
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Version4Store.Fill(connection, snapshots);
        }

        var migrated = new SqliteStore(path);

        Assert.Equal((long)SqliteStore.SchemaVersion, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal(snapshots.OrderBy(s => s.AsOf).ThenBy(s => s.Account.Value, StringComparer.Ordinal), await migrated.GetSnapshotsAsync(Day1, Day2));
        Assert.Equal(snapshots.Where(s => s.Account.Value == "acct-03").OrderBy(s => s.AsOf), await migrated.GetHistoryAsync(new AccountId("acct-03"), Day1, Day2));
        Assert.Equal(0L, Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'cs_snapshots_v4';"));
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check;"));
    }

    [Fact]
    public void Open_AStoreOfVersion4_WhoseJsonDoesNotRead_IsRefusedNamingTheSnapshot_AndLeftAtVersion4()
    {
        string path = NewPath();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Version4Store.Fill(connection, [Snapshot("acct-a", Day1, 1), Snapshot("acct-b", Day1, 2)]);
        }

        Execute(path, "UPDATE cs_snapshots SET signals = '[[\"signal.0\", \"twelve\"]]' WHERE account_id = 'acct-b';");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStore(path));

        Assert.Contains("account 'acct-b' on 2026-11-16 (model 'default')", error.Message, StringComparison.Ordinal);
        Assert.Equal(4L, Scalar(path, "SELECT version FROM cs_schema;"));
        Assert.Equal(2L, Scalar(path, "SELECT count(*) FROM cs_snapshots WHERE signals IS NOT NULL;"));
    }

    [Fact]
    public async Task Snapshots_AreOneRowEach_TheirScoreAndBandQueryableInSql_TheRecordTheSnapshotExactly()
    {
        string path = NewPath();
        var store = new SqliteStore(path);
        var snapshot = new ScoreSnapshot(new AccountId("acct-a"), Day1, "default", "9f2c", 61.5, "yellow",
            [new(new SignalId("signal.0"), SignalValue.Of(12), 1.0 / 3 * 100, 0.6, 20), new(new SignalId("signal.1"), SignalValue.Missing("no NPS in 180 days"), null, 0.4, 0)],
            [new ScoreAdjustment(AdjustmentKind.Gate, "open P1", -1.5)]);
        await store.RecordSnapshotsAsync([snapshot]);

        // What docs/storage.md shows: a day's bands, straight from SQL.
        Assert.Equal("yellow 1", Scalar(path, "SELECT band || ' ' || count(*) FROM cs_snapshots WHERE as_of = '2026-11-16' GROUP BY band;"));
        Assert.Equal(61.5, Scalar(path, "SELECT score FROM cs_snapshots WHERE account_id = 'acct-a';"));
        Assert.Equal(5193L, Scalar(path, "SELECT period FROM cs_snapshots WHERE account_id = 'acct-a';")); // 20,773 days after 1970-01-01, divided by 4
        Assert.Equal(1L, Scalar(path, "SELECT count(*) FROM cs_snapshots;"));
        Assert.Equal([snapshot], await new SqliteStore(path).GetHistoryAsync(snapshot.Account, Day1, Day1));
    }

    [Fact]
    public async Task GetHistory_OfARecordThatDoesNotRead_IsRefusedNamingTheAccountDateAndModel()
    {
        string path = NewPath();
        var store = new SqliteStore(path);
        await store.RecordSnapshotsAsync([Snapshot("acct-a", Day1, 1), Snapshot("acct-a", Day2, 2)]);
        Execute(path, "UPDATE cs_snapshots SET record = substr(record, 1, 20) WHERE as_of = '2026-11-17';");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.GetHistoryAsync(new AccountId("acct-a"), Day1, Day2));

        Assert.Contains("account 'acct-a' on 2026-11-17 (model 'default') that does not read back", error.Message, StringComparison.Ordinal);

        // SQLite keeps whatever a hand-made UPDATE gives a column: a text where the bytes should be is named the same way.
        Execute(path, "UPDATE cs_snapshots SET record = 'a text' WHERE as_of = '2026-11-16';");
        error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.GetSnapshotsAsync(Day1, Day2));
        Assert.Contains("account 'acct-a' on 2026-11-16 (model 'default') that does not read back: the record is not bytes.", error.Message, StringComparison.Ordinal);
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
            await store.RecordRunAsync(Run(i % 2 == 0 ? Day1 : Day2), [.. Enumerable.Range(0, 300).Select(a => Snapshot($"acct-{a:D3}", i % 2 == 0 ? Day1 : Day2, a))], [], []))));

        Assert.Equal(2, recorded.Count(r => r));
        Assert.Equal("ok", Scalar(path, "PRAGMA integrity_check;"));
        Assert.Equal(600L, Scalar(path, "SELECT count(*) FROM cs_snapshots;"));
    }

    [Fact]
    public async Task BackupTo_CopiesTheStoreWhileOpen()
    {
        var store = new SqliteStore(NewPath());
        await store.RecordRunAsync(Run(Day1), [Snapshot("acct-a", Day1, 1)], [Alert("r1", "acct-a", null, T0)], []);
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
        new(store, store, store, store, store, (run, snapshots, alerts, models) => store.RecordRunAsync(run, snapshots, alerts, models), asOf => store.GetRunAsync(asOf));

    private static void FillVersion2(string path, ScoreSnapshot[] snapshots)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Version2Store.Fill(connection, snapshots);
    }

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
