using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// The stores' one implementation over ADO.NET (docs/storage.md): runs, snapshots, overrides and alerts, every value a
/// parameter, every write one transaction, the same SQL text on every engine; a <see cref="StoreDialect"/> says what
/// differs. Compiled into each storage package, whose public store forwards to it.
/// </summary>
internal sealed partial class StoreEngine : IScoreSnapshotStore, IOverrideStore, IAlertLog, IPlanStore
{
    private readonly StoreDialect _dialect;

    public StoreEngine(StoreDialect dialect)
    {
        _dialect = dialect;
        using DbConnection connection = dialect.Open();
        EnsureSchema(connection);
    }

    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = 5;

    public ValueTask<bool> RecordRunAsync(RunRecord run, IReadOnlyList<ScoreSnapshot> snapshots, IReadOnlyList<Alert> alerts, IReadOnlyList<HealthModel> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(models);
        var documents = new List<(string Hash, string Document)>(models.Count);
        foreach (HealthModel model in models)
        {
            documents.Add(Entry(model ?? throw new ArgumentNullException(nameof(models)))); // before anything is written
        }

        try
        {
            return Write((connection, transaction) =>
            {
                if (FindRun(connection, transaction, run.AsOf) is not null)
                {
                    return false;
                }

                InsertRun(connection, transaction, run); // a concurrent run of the date waits here, then meets the duplicate key
                InsertModels(connection, transaction, documents);
                InsertSnapshots(_dialect, connection, transaction, snapshots, cancellationToken);
                InsertAlerts(_dialect, connection, transaction, alerts);
                return true;
            }, cancellationToken);
        }
        catch (DbException e) when (_dialect.IsDuplicateKey(e) && FindRunNow(run.AsOf) is not null)
        {
            return ValueTask.FromResult(false); // another writer recorded the date first; this run's transaction rolled back
        }
    }

    public ValueTask<RunRecord?> GetRunAsync(LocalDate asOf, CancellationToken cancellationToken) =>
        Read(connection => FindRun(connection, null, asOf), cancellationToken);

    public ValueTask<IReadOnlyList<RunRecord>> GetRunsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<RunRecord>>(connection => Runs(connection, null, null), cancellationToken);

    private RunRecord? FindRunNow(LocalDate asOf)
    {
        using DbConnection connection = _dialect.Open();
        return FindRun(connection, null, asOf);
    }

    // One transaction, committed only when the whole body ran. SQLite begins it IMMEDIATE (the write lock first, so two
    // writers wait for each other instead of deadlocking on an upgrade); PostgreSQL at read committed, keys deciding.
    private ValueTask<T> Write<T>(Func<DbConnection, DbTransaction, T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using DbConnection connection = _dialect.Open();
        using DbTransaction transaction = connection.BeginTransaction();
        T result = body(connection, transaction);
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return ValueTask.FromResult(result);
    }

    private ValueTask<T> Read<T>(Func<DbConnection, T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using DbConnection connection = _dialect.Open();
        return ValueTask.FromResult(body(connection));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type, object? value = null)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    private static object Db(double? value) => value is { } v ? v : DBNull.Value;

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    // Brings the store to SchemaVersion: creates it, migrates it forward, or refuses it when newer or not a store.
    private void EnsureSchema(DbConnection connection)
    {
        _dialect.Configure(connection);
        using DbTransaction transaction = connection.BeginTransaction();
        if (_dialect.SchemaLock is { } schemaLock)
        {
            using DbCommand lockCommand = Command(connection, transaction, schemaLock);
            lockCommand.ExecuteNonQuery();
        }

        int version = Version(connection, transaction);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The store '{_dialect.Location}' has schema version {version}, written by a newer version of {_dialect.Package} (this one knows up to {SchemaVersion}); it is not downgraded. Use the newer version."));
        }

        if (version == SchemaVersion)
        {
            return;
        }

        if (version == 0)
        {
            Execute(connection, transaction, "CREATE TABLE cs_schema (version INTEGER NOT NULL);");
            Execute(connection, transaction, "INSERT INTO cs_schema (version) VALUES (0);");
        }

        for (int v = version; v < SchemaVersion; v++)
        {
            Execute(connection, transaction, _dialect.Migrations[v]);
        }

        MoveSnapshots(connection, transaction, version);

        using (DbCommand update = Command(connection, transaction, "UPDATE cs_schema SET version = @version;"))
        {
            Parameter(update, "@version", DbType.Int32, SchemaVersion);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private int Version(DbConnection connection, DbTransaction transaction)
    {
        using (DbCommand tables = Command(connection, transaction, _dialect.TablesQuery))
        using (DbDataReader reader = tables.ExecuteReader())
        {
            reader.Read();
            long all = Long(reader.GetValue(0)), schema = Long(reader.GetValue(1));
            if (schema == 0)
            {
                return all == 0 ? 0 : throw new InvalidOperationException(
                    $"'{_dialect.Location}' is a {_dialect.Engine} database but not a CustomerSuccess store (it has tables and no cs_schema); give an empty database or a store.");
            }
        }

        using DbCommand version = Command(connection, transaction, "SELECT version FROM cs_schema;");
        return Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using DbCommand command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static RunRecord? FindRun(DbConnection connection, DbTransaction? transaction, LocalDate asOf)
    {
        List<RunRecord> runs = Runs(connection, transaction, asOf);
        return runs.Count == 0 ? null : runs[0];
    }

    private static List<RunRecord> Runs(DbConnection connection, DbTransaction? transaction, LocalDate? asOf)
    {
        object date = asOf is { } d ? StoreText.Date(d) : DBNull.Value;
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        using (DbCommand command = Command(connection, transaction, "SELECT as_of, name, count FROM cs_run_counts WHERE @as_of IS NULL OR as_of = @as_of;"))
        {
            Parameter(command, "@as_of", DbType.String, date);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string key = reader.GetString(0);
                if (!counts.TryGetValue(key, out Dictionary<string, long>? named))
                {
                    counts[key] = named = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                named[reader.GetString(1)] = Long(reader.GetValue(2));
            }
        }

        var runs = new List<RunRecord>();
        using (DbCommand command = Command(connection, transaction, "SELECT as_of, id, started_at, finished_at FROM cs_runs WHERE @as_of IS NULL OR as_of = @as_of ORDER BY as_of;"))
        {
            Parameter(command, "@as_of", DbType.String, date);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                string key = reader.GetString(0);
                runs.Add(new RunRecord(Guid.Parse(reader.GetString(1), CultureInfo.InvariantCulture), StoreText.Date(key),
                    StoreText.Instant(reader.GetString(2)), StoreText.Instant(reader.GetString(3)),
                    counts.TryGetValue(key, out Dictionary<string, long>? named) ? named : []));
            }
        }

        return runs;
    }

    private static void InsertRun(DbConnection connection, DbTransaction transaction, RunRecord run)
    {
        string asOf = StoreText.Date(run.AsOf);
        using (DbCommand command = Command(connection, transaction, "INSERT INTO cs_runs (as_of, id, started_at, finished_at) VALUES (@as_of, @id, @started_at, @finished_at);"))
        {
            Parameter(command, "@as_of", DbType.String, asOf);
            Parameter(command, "@id", DbType.String, run.Id.ToString("D", CultureInfo.InvariantCulture));
            Parameter(command, "@started_at", DbType.String, StoreText.Instant(run.StartedAt));
            Parameter(command, "@finished_at", DbType.String, StoreText.Instant(run.FinishedAt));
            command.ExecuteNonQuery();
        }

        using DbCommand count = Command(connection, transaction, "INSERT INTO cs_run_counts (as_of, name, count) VALUES (@as_of, @name, @count);");
        Parameter(count, "@as_of", DbType.String, asOf);
        DbParameter name = Parameter(count, "@name", DbType.String);
        DbParameter value = Parameter(count, "@count", DbType.Int64);
        foreach ((string key, long n) in run.Counts)
        {
            (name.Value, value.Value) = (key, n);
            count.ExecuteNonQuery();
        }
    }
}
