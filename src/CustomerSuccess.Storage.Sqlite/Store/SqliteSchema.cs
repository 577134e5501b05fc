using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerSuccess.Storage.Sqlite;

/// <summary>
/// The store's schema and its versions: created on first use, migrated forward in one transaction, never downgraded. A
/// file written by a newer version of the package is refused with a message (docs/storage.md, "Schema").
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema this package writes.</summary>
    public const int Current = 1;

    // Migrations[v - 1] takes a store from version v - 1 to v; version 0 is an empty file.
    private static readonly string[] Migrations =
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
            PRIMARY KEY (account_id, as_of, model_name));
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
            PRIMARY KEY (account_id, as_of, model_name, position));
        CREATE TABLE cs_snapshot_adjustments (
            account_id TEXT NOT NULL,
            as_of      TEXT NOT NULL,
            model_name TEXT NOT NULL,
            position   INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            reason     TEXT NOT NULL,
            delta      REAL NOT NULL,
            PRIMARY KEY (account_id, as_of, model_name, position));
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
    ];

    /// <summary>Brings the file to <see cref="Current"/>: creates it, migrates it forward, or refuses it when newer.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer version, or is not a store.</exception>
    public static void Ensure(SqliteConnection connection, string path)
    {
        // WAL lets readers read while a run writes; it is a property of the file, so set it once, outside a transaction.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        int version = Version(connection, transaction);
        if (version > Current)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The store '{path}' has schema version {version}, written by a newer version of CustomerSuccess.Storage.Sqlite (this one knows up to {Current}); it is not downgraded. Use the newer version."));
        }

        if (version == Current)
        {
            return;
        }

        if (version == 0)
        {
            Execute(connection, transaction, "CREATE TABLE cs_schema (version INTEGER NOT NULL); INSERT INTO cs_schema (version) VALUES (0);");
        }

        for (int v = version; v < Current; v++)
        {
            Execute(connection, transaction, Migrations[v]);
        }

        using (SqliteCommand update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE cs_schema SET version = $version;";
            update.Parameters.AddWithValue("$version", Current);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static int Version(SqliteConnection connection, SqliteTransaction transaction)
    {
        using SqliteCommand tables = connection.CreateCommand();
        tables.Transaction = transaction;
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table';";
        long count = (long)tables.ExecuteScalar()!;
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cs_schema';";
        if ((long)tables.ExecuteScalar()! == 0)
        {
            return count == 0 ? 0 : throw new InvalidOperationException("The file is a SQLite database but not a CustomerSuccess store (it has tables and no cs_schema); give a new file or a store's file.");
        }

        tables.CommandText = "SELECT version FROM cs_schema;";
        return Convert.ToInt32(tables.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
