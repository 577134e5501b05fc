using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerSuccess.Storage.Sqlite;

/// <summary>
/// The stores on one SQLite file: score snapshots, overrides, the alert log and runs (docs/storage.md). A run is one
/// transaction and is recorded once per as-of date; every statement takes its values as parameters. Thread-safe: each call
/// opens a pooled connection of its own; two processes on one file take turns (the busy timeout), never corrupt it.
/// </summary>
public sealed partial class SqliteStore : IScoreSnapshotStore, IOverrideStore, IAlertLog
{
    private readonly string _connectionString;

    /// <summary>Opens (or creates) a store on a file, with a busy timeout of 30 seconds.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="InvalidOperationException">The file was written by a newer version of this package, or is not a store.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or created.</exception>
    public SqliteStore(string path)
        : this(new SqliteStoreOptions { Path = path })
    {
    }

    /// <summary>Opens (or creates) a store as the options say.</summary>
    /// <param name="options">The file and the busy timeout.</param>
    /// <exception cref="CustomerSuccessValidationException">An option is invalid.</exception>
    /// <exception cref="InvalidOperationException">The file was written by a newer version of this package, or is not a store.</exception>
    /// <exception cref="SqliteException">The file cannot be opened or created.</exception>
    public SqliteStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (new SqliteStoreOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new CustomerSuccessValidationException(invalid.Failures);
        }

        Path = options.Path!;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)options.BusyTimeout.TotalSeconds, // Microsoft.Data.Sqlite retries a busy file until then
        }.ToString();
        using SqliteConnection connection = Open();
        SqliteSchema.Ensure(connection, Path);
    }

    /// <summary>Gets the file's path.</summary>
    public string Path { get; }

    /// <summary>Gets the schema version this package writes.</summary>
    public static int SchemaVersion => SqliteSchema.Current;

    /// <summary>
    /// Records a run with its snapshots and alerts in one transaction, unless a run with the same as-of date is recorded
    /// already: then nothing is written (a stored snapshot is the answer as of its date and is never recomputed).
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="snapshots">Its score snapshots.</param>
    /// <param name="alerts">The alerts it raised.</param>
    /// <param name="cancellationToken">Cancels the run's write; nothing is recorded then.</param>
    /// <returns><see langword="true"/> when recorded; <see langword="false"/> when the as-of date was recorded already.</returns>
    public ValueTask<bool> RecordRunAsync(RunRecord run, IReadOnlyList<ScoreSnapshot> snapshots, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(alerts);
        return Write((connection, transaction) =>
        {
            if (FindRun(connection, transaction, run.AsOf) is not null)
            {
                return false;
            }

            InsertRun(connection, transaction, run);
            InsertSnapshots(connection, transaction, snapshots, cancellationToken);
            InsertAlerts(connection, transaction, alerts);
            return true;
        }, cancellationToken);
    }

    /// <summary>The run recorded for an as-of date.</summary>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The run; <see langword="null"/> when none is recorded for that date.</returns>
    public ValueTask<RunRecord?> GetRunAsync(LocalDate asOf, CancellationToken cancellationToken = default) =>
        Read(connection => FindRun(connection, null, asOf), cancellationToken);

    /// <summary>Every run recorded, by as-of date.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The runs.</returns>
    public ValueTask<IReadOnlyList<RunRecord>> GetRunsAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<RunRecord>>(connection => Runs(connection, null, null), cancellationToken);

    /// <summary>Copies the store to another file while it is in use (SQLite's online backup).</summary>
    /// <param name="path">The backup's path; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    /// <returns>A task that completes when the copy is whole.</returns>
    public ValueTask BackupToAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        using SqliteConnection source = Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        destination.Open();
        source.BackupDatabase(destination);
        return ValueTask.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // One transaction, begun IMMEDIATE (the write lock taken first, so two writers wait for each other instead of
    // deadlocking on an upgrade); committed only when the whole body ran.
    private ValueTask<T> Write<T>(Func<SqliteConnection, SqliteTransaction, T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using SqliteConnection connection = Open();
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        T result = body(connection, transaction);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return ValueTask.FromResult(result);
    }

    private ValueTask<T> Read<T>(Func<SqliteConnection, T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using SqliteConnection connection = Open();
        return ValueTask.FromResult(body(connection));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    private static object Db(double? value) => value is { } v ? v : DBNull.Value;

    private static RunRecord? FindRun(SqliteConnection connection, SqliteTransaction? transaction, LocalDate asOf)
    {
        List<RunRecord> runs = Runs(connection, transaction, asOf);
        return runs.Count == 0 ? null : runs[0];
    }

    private static List<RunRecord> Runs(SqliteConnection connection, SqliteTransaction? transaction, LocalDate? asOf)
    {
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        using (SqliteCommand command = Command(connection, transaction, "SELECT as_of, name, count FROM cs_run_counts WHERE $as_of IS NULL OR as_of = $as_of;"))
        {
            command.Parameters.AddWithValue("$as_of", asOf is { } d ? StoreText.Date(d) : DBNull.Value);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string date = reader.GetString(0);
                if (!counts.TryGetValue(date, out Dictionary<string, long>? named))
                {
                    counts[date] = named = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                named[reader.GetString(1)] = reader.GetInt64(2);
            }
        }

        var runs = new List<RunRecord>();
        using (SqliteCommand command = Command(connection, transaction, "SELECT as_of, id, started_at, finished_at FROM cs_runs WHERE $as_of IS NULL OR as_of = $as_of ORDER BY as_of;"))
        {
            command.Parameters.AddWithValue("$as_of", asOf is { } d ? StoreText.Date(d) : DBNull.Value);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string date = reader.GetString(0);
                runs.Add(new RunRecord(Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture), StoreText.Date(date),
                    StoreText.Instant(reader.GetString(2)), StoreText.Instant(reader.GetString(3)),
                    counts.TryGetValue(date, out Dictionary<string, long>? named) ? named : []));
            }
        }

        return runs;
    }

    private static void InsertRun(SqliteConnection connection, SqliteTransaction transaction, RunRecord run)
    {
        using (SqliteCommand command = Command(connection, transaction, "INSERT INTO cs_runs (as_of, id, started_at, finished_at) VALUES ($as_of, $id, $started_at, $finished_at);"))
        {
            command.Parameters.AddWithValue("$as_of", StoreText.Date(run.AsOf));
            command.Parameters.AddWithValue("$id", run.Id.ToString("D", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$started_at", StoreText.Instant(run.StartedAt));
            command.Parameters.AddWithValue("$finished_at", StoreText.Instant(run.FinishedAt));
            command.ExecuteNonQuery();
        }

        using SqliteCommand count = Command(connection, transaction, "INSERT INTO cs_run_counts (as_of, name, count) VALUES ($as_of, $name, $count);");
        SqliteParameter asOf = count.Parameters.AddWithValue("$as_of", StoreText.Date(run.AsOf));
        SqliteParameter name = count.Parameters.Add("$name", SqliteType.Text);
        SqliteParameter value = count.Parameters.Add("$count", SqliteType.Integer);
        foreach ((string key, long n) in run.Counts)
        {
            (name.Value, value.Value) = (key, n);
            count.ExecuteNonQuery();
        }
    }
}
