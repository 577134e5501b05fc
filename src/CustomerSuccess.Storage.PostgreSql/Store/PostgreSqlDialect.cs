using System.Data.Common;
using Npgsql;

namespace CustomerSuccess.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL side of the stores: one pooled data source (the slim builder: only the types the stores use, so that it
/// is trimming- and AOT-safe), its DDL (text columns in the "C" collation, so that orders are ordinal as on SQLite), an
/// advisory lock while the schema is created, and its unique-violation error.
/// </summary>
internal sealed class PostgreSqlDialect : StoreDialect
{
    // Any constant: two processes creating or migrating the schema at once take turns on it.
    private const long SchemaLockKey = 0x43532D53746F7265; // "CS-Store"

    private static readonly string[] Versions =
    [
        """
        CREATE TABLE cs_runs (
            as_of       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
            id          TEXT COLLATE "C" NOT NULL UNIQUE,
            started_at  TEXT COLLATE "C" NOT NULL,
            finished_at TEXT COLLATE "C" NOT NULL);
        CREATE TABLE cs_run_counts (
            as_of TEXT COLLATE "C" NOT NULL REFERENCES cs_runs (as_of),
            name  TEXT COLLATE "C" NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (as_of, name));
        CREATE TABLE cs_score_snapshots (
            account_id TEXT COLLATE "C" NOT NULL,
            as_of      TEXT COLLATE "C" NOT NULL,
            model_name TEXT COLLATE "C" NOT NULL,
            model_hash TEXT COLLATE "C" NOT NULL,
            score      DOUBLE PRECISION,
            band       TEXT COLLATE "C",
            PRIMARY KEY (account_id, as_of, model_name));
        CREATE INDEX cs_score_snapshots_by_date ON cs_score_snapshots (as_of, account_id);
        CREATE TABLE cs_snapshot_signals (
            account_id     TEXT COLLATE "C" NOT NULL,
            as_of          TEXT COLLATE "C" NOT NULL,
            model_name     TEXT COLLATE "C" NOT NULL,
            position       BIGINT NOT NULL,
            signal_id      TEXT COLLATE "C" NOT NULL,
            raw            DOUBLE PRECISION,
            missing_reason TEXT COLLATE "C",
            curve_score    DOUBLE PRECISION,
            weight         DOUBLE PRECISION NOT NULL,
            contribution   DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (account_id, as_of, model_name, position));
        CREATE TABLE cs_snapshot_adjustments (
            account_id TEXT COLLATE "C" NOT NULL,
            as_of      TEXT COLLATE "C" NOT NULL,
            model_name TEXT COLLATE "C" NOT NULL,
            position   BIGINT NOT NULL,
            kind       TEXT COLLATE "C" NOT NULL,
            reason     TEXT COLLATE "C" NOT NULL,
            delta      DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (account_id, as_of, model_name, position));
        CREATE TABLE cs_overrides (
            id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id TEXT COLLATE "C" NOT NULL,
            score      DOUBLE PRECISION NOT NULL,
            reason     TEXT COLLATE "C" NOT NULL,
            set_by     TEXT COLLATE "C" NOT NULL,
            set_at     TEXT COLLATE "C" NOT NULL,
            expires_at TEXT COLLATE "C" NOT NULL,
            cleared_at TEXT COLLATE "C");
        CREATE INDEX cs_overrides_by_account ON cs_overrides (account_id, set_at);
        CREATE TABLE cs_alerts (
            rule_id         TEXT COLLATE "C" NOT NULL,
            account_id      TEXT COLLATE "C" NOT NULL,
            alert_key       TEXT COLLATE "C" NOT NULL,
            raised_at       TEXT COLLATE "C" NOT NULL,
            kind            TEXT COLLATE "C" NOT NULL,
            severity        TEXT COLLATE "C" NOT NULL,
            message         TEXT COLLATE "C" NOT NULL,
            evidence        TEXT COLLATE "C" NOT NULL,
            acknowledged_at TEXT COLLATE "C",
            acknowledged_by TEXT COLLATE "C",
            PRIMARY KEY (rule_id, account_id, alert_key, raised_at));
        """,
        // Version 2: success plans as versioned documents, and their metrics' measurements.
        """
        CREATE TABLE cs_plans (
            plan_id    TEXT COLLATE "C" NOT NULL,
            version    BIGINT NOT NULL,
            account_id TEXT COLLATE "C" NOT NULL,
            saved_at   TEXT COLLATE "C" NOT NULL,
            document   TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (plan_id, version));
        CREATE TABLE cs_plan_measurements (
            plan_id     TEXT COLLATE "C" NOT NULL,
            metric      TEXT COLLATE "C" NOT NULL,
            measured_on TEXT COLLATE "C" NOT NULL,
            value       DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (plan_id, metric, measured_on));
        """,
        // Version 3: a snapshot in one row, its signals and adjustments as JSON arrays (docs/storage.md; the version-2
        // rows are moved by StoreEngine.PackSnapshots), in date order with the dates beside (a history is a seek per
        // date), and the models snapshots were scored with.
        """
        CREATE TABLE cs_snapshots (
            account_id  TEXT COLLATE "C" NOT NULL,
            as_of       TEXT COLLATE "C" NOT NULL,
            model_name  TEXT COLLATE "C" NOT NULL,
            model_hash  TEXT COLLATE "C" NOT NULL,
            score       DOUBLE PRECISION,
            band        TEXT COLLATE "C",
            signals     TEXT COLLATE "C" NOT NULL,
            adjustments TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (as_of, account_id, model_name));
        CREATE TABLE cs_snapshot_dates (
            as_of TEXT COLLATE "C" NOT NULL PRIMARY KEY);
        CREATE TABLE cs_models (
            model_hash TEXT COLLATE "C" NOT NULL PRIMARY KEY,
            document   TEXT COLLATE "C" NOT NULL);
        """,
        // Version 4: live account state (an account grain's, IAccountStateStore), one versioned document per kind and account.
        """
        CREATE TABLE cs_account_states (
            kind       TEXT COLLATE "C" NOT NULL,
            account_id TEXT COLLATE "C" NOT NULL,
            version    BIGINT NOT NULL,
            document   BYTEA NOT NULL,
            PRIMARY KEY (kind, account_id));
        """,
        // Version 5: a snapshot's record (binary, SnapshotRecord) in place of its two JSON columns, keyed by its period of
        // four days and then its account (StoreEngine.PeriodOf), with the periods beside in place of the dates; the rows
        // are moved by StoreEngine.MoveJsonSnapshots, which drops the version-4 table. (Its key's index keeps its name when
        // the table is renamed, and an index name is unique in a schema: it is renamed too.)
        """
        ALTER TABLE cs_snapshots RENAME TO cs_snapshots_v4;
        ALTER INDEX cs_snapshots_pkey RENAME TO cs_snapshots_v4_pkey;
        DROP TABLE cs_snapshot_dates;
        CREATE TABLE cs_snapshots (
            period     BIGINT NOT NULL,
            account_id TEXT COLLATE "C" NOT NULL,
            as_of      TEXT COLLATE "C" NOT NULL,
            model_name TEXT COLLATE "C" NOT NULL,
            model_hash TEXT COLLATE "C" NOT NULL,
            score      DOUBLE PRECISION,
            band       TEXT COLLATE "C",
            record     BYTEA NOT NULL,
            PRIMARY KEY (period, account_id, as_of, model_name));
        CREATE TABLE cs_snapshot_periods (
            period BIGINT NOT NULL PRIMARY KEY);
        """,
    ];

    private readonly NpgsqlDataSource _source;

    public PostgreSqlDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = Redacted(builder);
        _source = new NpgsqlSlimDataSourceBuilder(connectionString).Build();
    }

    public override string Engine => "PostgreSQL";

    public override string Package => "CustomerSuccess.Storage.PostgreSql";

    public override string Location { get; }

    public override string[] Migrations => Versions;

    public override string TablesQuery =>
        "SELECT count(*), count(*) FILTER (WHERE table_name = 'cs_schema') FROM information_schema.tables WHERE table_schema = current_schema();";

    public override string? SchemaLock => $"SELECT pg_advisory_xact_lock({SchemaLockKey});";

    // Each statement is a round trip: many rows to one (well below the protocol's 65,535 parameters).
    public override int BatchParameters => 2000;

    public override DbConnection Open() => _source.OpenConnection();

    public override bool IsDuplicateKey(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Where a connection string points, for messages: host, port, database and user; never the password.</summary>
    public static string Redacted(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
}
