using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using Npgsql;
using NodaTime;

namespace CustomerSuccess.Storage.PostgreSql;

/// <summary>
/// The stores on a PostgreSQL database, for teams: score snapshots, overrides, the alert log and runs (docs/storage.md),
/// in the connection's current schema. A run is one transaction and is recorded once per as-of date (two runs of
/// different dates at once both land; of two of one date, one records and the other reports it recorded); every statement
/// takes its values as parameters. Thread-safe: each call takes a connection from one pool.
/// </summary>
public sealed class PostgreSqlStore : IScoreSnapshotStore, IOverrideStore, IAlertLog, IPlanStore, IAccountStateStore
{
    private readonly StoreEngine _engine;

    /// <summary>Opens a store on a database, creating its tables on first use.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <exception cref="CustomerSuccessValidationException">The connection string is empty, malformed or names no host.</exception>
    /// <exception cref="InvalidOperationException">The database holds a store of a newer version, or other tables and no store.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public PostgreSqlStore(string connectionString)
        : this(new PostgreSqlStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Opens a store as the options say, creating its tables on first use.</summary>
    /// <param name="options">The connection string.</param>
    /// <exception cref="CustomerSuccessValidationException">The connection string is empty, malformed or names no host.</exception>
    /// <exception cref="InvalidOperationException">The database holds a store of a newer version, or other tables and no store.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public PostgreSqlStore(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (new PostgreSqlStoreOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            throw new CustomerSuccessValidationException(invalid.Failures);
        }

        var dialect = new PostgreSqlDialect(options.ConnectionString!);
        Location = dialect.Location;
        _engine = new StoreEngine(dialect);
    }

    /// <summary>Gets where the store is, for messages: <c>postgresql://user@host:port/database</c>, never the password.</summary>
    public string Location { get; }

    /// <summary>Gets the schema version this package writes.</summary>
    public static int SchemaVersion => StoreEngine.SchemaVersion;

    /// <summary>
    /// Records a run with its snapshots, its alerts and the models it scored with in one transaction, unless a run with
    /// the same as-of date is recorded already: then nothing is written (a stored snapshot is the answer as of its date
    /// and is never recomputed).
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="snapshots">Its score snapshots.</param>
    /// <param name="alerts">The alerts it raised.</param>
    /// <param name="models">The models its snapshots were scored with (<see cref="RecordModelAsync"/>); a model recorded already is kept as it is.</param>
    /// <param name="cancellationToken">Cancels the run's write; nothing is recorded then.</param>
    /// <returns><see langword="true"/> when recorded; <see langword="false"/> when the as-of date was recorded already.</returns>
    /// <exception cref="ArgumentException">A model uses a custom curve, which has no data form; nothing is written.</exception>
    public ValueTask<bool> RecordRunAsync(RunRecord run, IReadOnlyList<ScoreSnapshot> snapshots, IReadOnlyList<Alert> alerts, IReadOnlyList<HealthModel> models, CancellationToken cancellationToken = default) =>
        _engine.RecordRunAsync(run, snapshots, alerts, models, cancellationToken);

    /// <summary>The run recorded for an as-of date.</summary>
    /// <param name="asOf">The date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The run; <see langword="null"/> when none is recorded for that date.</returns>
    public ValueTask<RunRecord?> GetRunAsync(LocalDate asOf, CancellationToken cancellationToken = default) => _engine.GetRunAsync(asOf, cancellationToken);

    /// <summary>Every run recorded, by as-of date.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The runs.</returns>
    public ValueTask<IReadOnlyList<RunRecord>> GetRunsAsync(CancellationToken cancellationToken = default) => _engine.GetRunsAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> RecordModelAsync(HealthModel model, CancellationToken cancellationToken = default) => _engine.RecordModelAsync(model, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<HealthModel?> GetModelAsync(ScoreSnapshot snapshot, CancellationToken cancellationToken = default) => _engine.GetModelAsync(snapshot, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default) => _engine.RecordSnapshotsAsync(snapshots, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default) => _engine.GetHistoryAsync(account, first, last, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) => _engine.GetSnapshotsAsync(first, last, cancellationToken);

    /// <inheritdoc/>
    public ValueTask SetOverrideAsync(OverrideRecord record, CancellationToken cancellationToken = default) => _engine.SetOverrideAsync(record, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> ClearOverrideAsync(AccountId account, Instant at, CancellationToken cancellationToken = default) => _engine.ClearOverrideAsync(account, at, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OverrideRecord>> GetOverridesAsync(CancellationToken cancellationToken = default) => _engine.GetOverridesAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default) => _engine.RecordAlertsAsync(alerts, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly, CancellationToken cancellationToken = default) => _engine.GetAlertsAsync(openOnly, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf, CancellationToken cancellationToken = default) => _engine.GetLatestAsync(asOf, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at, CancellationToken cancellationToken = default) =>
        _engine.AcknowledgeAsync(identity, raisedAt, by, at, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<PlanVersion> SavePlanAsync(SuccessPlan plan, Instant savedAt, CancellationToken cancellationToken = default) => _engine.SavePlanAsync(plan, savedAt, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PlanVersion>> GetPlanVersionsAsync(string planId, CancellationToken cancellationToken = default) => _engine.GetPlanVersionsAsync(planId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<int> RecordMeasurementsAsync(string planId, string metric, IReadOnlyList<Measurement> measurements, CancellationToken cancellationToken = default) =>
        _engine.RecordMeasurementsAsync(planId, metric, measurements, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Measurement>> GetMeasurementsAsync(string planId, string metric, CancellationToken cancellationToken = default) => _engine.GetMeasurementsAsync(planId, metric, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<AccountStateDocument?> ReadStateAsync(string kind, AccountId account, CancellationToken cancellationToken = default) => _engine.ReadStateAsync(kind, account, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> WriteStateAsync(string kind, AccountId account, ReadOnlyMemory<byte> document, long? expectedVersion, CancellationToken cancellationToken = default) =>
        _engine.WriteStateAsync(kind, account, document, expectedVersion, cancellationToken);

    /// <inheritdoc/>
    public ValueTask ClearStateAsync(string kind, AccountId account, long? expectedVersion, CancellationToken cancellationToken = default) =>
        _engine.ClearStateAsync(kind, account, expectedVersion, cancellationToken);
}
