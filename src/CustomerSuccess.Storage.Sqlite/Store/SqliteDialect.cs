using System;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerSuccess.Storage.Sqlite;

/// <summary>The SQLite side of the stores: its connections (pooled, with the busy timeout), its DDL, WAL, its errors.</summary>
internal sealed class SqliteDialect(string path, TimeSpan busyTimeout) : StoreDialect
{
    // SQLite's code for a constraint violation (a run of the date recorded by another writer first).
    private const int ConstraintViolation = 19;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)busyTimeout.TotalSeconds, // Microsoft.Data.Sqlite retries a busy file until then
    }.ToString();

    // Versions[v - 1] takes a store from version v - 1 to v. The snapshot tables are WITHOUT ROWID: clustered by their
    // key. Version 3 keys snapshots date first, so a run appends instead of rewriting a page per account (measured in
    // docs/benchmarks.md), and a history is a seek per date through cs_snapshot_dates; version 5 keeps an account's rows of
    // four days together (a history is a seek per four days) and reads each from one column.
    private static readonly string[] Versions =
    [
        """
        CREATE TABLE cs_runs (
            as_of       TEXT NOT NULL PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            started_at  TEXT NOT NULL,
            finished_at TEXT NOT NULL);
        CREATE TABLE cs_run_counts (
            as_of TEXT NOT NULL REFERENCES cs_runs (as_of),
            name  TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (as_of, name));
        CREATE TABLE cs_score_snapshots (
            account_id TEXT NOT NULL,
            as_of      TEXT NOT NULL,
            model_name TEXT NOT NULL,
            model_hash TEXT NOT NULL,
            score      REAL,
            band       TEXT,
            PRIMARY KEY (account_id, as_of, model_name)) WITHOUT ROWID;
        CREATE INDEX cs_score_snapshots_by_date ON cs_score_snapshots (as_of, account_id);
        CREATE TABLE cs_snapshot_signals (
            account_id     TEXT NOT NULL,
            as_of          TEXT NOT NULL,
            model_name     TEXT NOT NULL,
            position       INTEGER NOT NULL,
            signal_id      TEXT NOT NULL,
            raw            REAL,
            missing_reason TEXT,
            curve_score    REAL,
            weight         REAL NOT NULL,
            contribution   REAL NOT NULL,
            PRIMARY KEY (account_id, as_of, model_name, position)) WITHOUT ROWID;
        CREATE TABLE cs_snapshot_adjustments (
            account_id TEXT NOT NULL,
            as_of      TEXT NOT NULL,
            model_name TEXT NOT NULL,
            position   INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            reason     TEXT NOT NULL,
            delta      REAL NOT NULL,
            PRIMARY KEY (account_id, as_of, model_name, position)) WITHOUT ROWID;
        CREATE TABLE cs_overrides (
            id         INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            score      REAL NOT NULL,
            reason     TEXT NOT NULL,
            set_by     TEXT NOT NULL,
            set_at     TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            cleared_at TEXT);
        CREATE INDEX cs_overrides_by_account ON cs_overrides (account_id, set_at);
        CREATE TABLE cs_alerts (
            rule_id         TEXT NOT NULL,
            account_id      TEXT NOT NULL,
            alert_key       TEXT NOT NULL,
            raised_at       TEXT NOT NULL,
            kind            TEXT NOT NULL,
            severity        TEXT NOT NULL,
            message         TEXT NOT NULL,
            evidence        TEXT NOT NULL,
            acknowledged_at TEXT,
            acknowledged_by TEXT,
            PRIMARY KEY (rule_id, account_id, alert_key, raised_at));
        """,
        // Version 2: success plans as versioned documents, and their metrics' measurements.
        """
        CREATE TABLE cs_plans (
            plan_id    TEXT NOT NULL,
            version    INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            saved_at   TEXT NOT NULL,
            document   TEXT NOT NULL,
            PRIMARY KEY (plan_id, version));
        CREATE TABLE cs_plan_measurements (
            plan_id     TEXT NOT NULL,
            metric      TEXT NOT NULL,
            measured_on TEXT NOT NULL,
            value       REAL NOT NULL,
            PRIMARY KEY (plan_id, metric, measured_on));
        """,
        // Version 3: a snapshot in one row, its signals and adjustments as JSON arrays (docs/storage.md; the version-2
        // rows are moved by StoreEngine.PackSnapshots), in date order with the dates beside (a history is a seek per
        // date), and the models snapshots were scored with.
        """
        CREATE TABLE cs_snapshots (
            account_id  TEXT NOT NULL,
            as_of       TEXT NOT NULL,
            model_name  TEXT NOT NULL,
            model_hash  TEXT NOT NULL,
            score       REAL,
            band        TEXT,
            signals     TEXT NOT NULL,
            adjustments TEXT NOT NULL,
            PRIMARY KEY (as_of, account_id, model_name)) WITHOUT ROWID;
        CREATE TABLE cs_snapshot_dates (
            as_of TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE cs_models (
            model_hash TEXT NOT NULL PRIMARY KEY,
            document   TEXT NOT NULL);
        """,
        // Version 4: live account state (an account grain's, IAccountStateStore), one versioned document per kind and account.
        """
        CREATE TABLE cs_account_states (
            kind       TEXT NOT NULL,
            account_id TEXT NOT NULL,
            version    INTEGER NOT NULL,
            document   BLOB NOT NULL,
            PRIMARY KEY (kind, account_id)) WITHOUT ROWID;
        """,
        // Version 5: a snapshot's record (binary, SnapshotRecord) in place of its two JSON columns, keyed by its period of
        // four days and then its account (StoreEngine.PeriodOf), with the periods beside in place of the dates; the rows
        // are moved by StoreEngine.MoveJsonSnapshots, which drops the version-4 table.
        """
        ALTER TABLE cs_snapshots RENAME TO cs_snapshots_v4;
        DROP TABLE cs_snapshot_dates;
        CREATE TABLE cs_snapshots (
            period     INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            as_of      TEXT NOT NULL,
            model_name TEXT NOT NULL,
            model_hash TEXT NOT NULL,
            score      REAL,
            band       TEXT,
            record     BLOB NOT NULL,
            PRIMARY KEY (period, account_id, as_of, model_name)) WITHOUT ROWID;
        CREATE TABLE cs_snapshot_periods (
            period INTEGER NOT NULL PRIMARY KEY);
        """,
    ];

    public override string Engine => "SQLite";

    public override string Package => "CustomerSuccess.Storage.Sqlite";

    public override string Location => path;

    public override string[] Migrations => Versions;

    public override string TablesQuery =>
        "SELECT count(*), coalesce(sum(CASE WHEN name = 'cs_schema' THEN 1 ELSE 0 END), 0) FROM sqlite_master WHERE type = 'table';";

    // A SQLite transaction begun IMMEDIATE holds the write lock: two processes creating the schema take turns.
    public override string? SchemaLock => null;

    // A few rows a statement: binding finds each parameter by name in a list (measured in docs/benchmarks.md).
    public override int BatchParameters => 60;

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = MemoryMap; // a setting of the connection, not the file: every open sets it
        command.ExecuteNonQuery();
        return connection;
    }

    // Reads through a memory map (up to SQLite's own limit, 2 GB by default) rather than a read call per page: a history
    // is a seek per date, each to another page (5.3 ms read into the process, 2 ms mapped; docs/benchmarks.md).
    private const string MemoryMap = "PRAGMA mmap_size = 2147418112;";

    // WAL lets readers read while a run writes; it is a property of the file, so it is set once, outside a transaction.
    public override void Configure(DbConnection connection)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }

    public override bool IsDuplicateKey(DbException error) => error is SqliteException { SqliteErrorCode: ConstraintViolation };
}
