using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using System.Data;
using System.Data.Common;
using NodaTime;

namespace CustomerSuccess;

// Score snapshots: one row each, keyed by date, account and model, the snapshot itself in its record (SnapshotRecord).
internal sealed partial class StoreEngine
{
    // What a read selects: the record is what is read back; the date and model name only name a record that does not read.
    private const string ReadColumns = "s.record, s.as_of, s.model_name, s.account_id";

    // The table is in date order (a run appends; a table in account order would rewrite a page per account each run), so
    // one account's history is a seek per recorded date, the dates from cs_snapshot_dates. CROSS JOIN keeps the dates the
    // outer loop in SQLite (left to itself it moves the date range onto cs_snapshots and scans every account's rows in it);
    // PostgreSQL plans it as any join.
    private const string HistoryQuery =
        $"SELECT {ReadColumns} FROM cs_snapshot_dates d CROSS JOIN cs_snapshots s WHERE s.as_of = d.as_of AND s.account_id = @account AND d.as_of BETWEEN @from AND @to ORDER BY d.as_of, s.model_name;";

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return Write((connection, transaction) => InsertSnapshots(_dialect, connection, transaction, snapshots, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, HistoryQuery, account, first, last), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, $"SELECT {ReadColumns} FROM cs_snapshots s WHERE s.as_of BETWEEN @from AND @to ORDER BY s.as_of, s.account_id, s.model_name;", null, first, last), cancellationToken);

    // Many rows to a statement (RowBatch), a row per snapshot: its key, the columns SQL asks most, and its record.
    // A snapshot already recorded (same account, date and model) is skipped: the keys recorded for the batch's dates are
    // read first, and every insert also skips a key that exists (a concurrent writer's).
    private static int InsertSnapshots(StoreDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken)
    {
        foreach (ScoreSnapshot s in snapshots)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(snapshots)); // before anything is written
        }

        HashSet<(string Account, string Date, string Model)> recorded = RecordedKeys(connection, transaction, snapshots);
        using var rows = new RowBatch(connection, transaction, "cs_snapshots",
            ["account_id", "as_of", "model_name", "model_hash", "score", "band", "record"],
            [DbType.String, DbType.String, DbType.String, DbType.String, DbType.Double, DbType.String, DbType.Binary], dialect.BatchParameters);
        var record = new SnapshotRecord();
        object[] row = new object[7];
        var recordedDates = new SortedSet<string>(StringComparer.Ordinal);
        string? lastDate = null;
        LocalDate lastAsOf = default;
        int seen = 0;
        foreach (ScoreSnapshot s in snapshots)
        {
            if ((++seen & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            string date = lastDate is not null && s.AsOf == lastAsOf ? lastDate : StoreText.Date(s.AsOf);
            (lastDate, lastAsOf) = (date, s.AsOf);
            if (!recorded.Add((s.Account.Value, date, s.ModelName)))
            {
                continue; // recorded already, or twice in this batch
            }

            recordedDates.Add(date);
            (row[0], row[1], row[2], row[3], row[4], row[5]) = (s.Account.Value, date, s.ModelName, s.ModelHash, Db(s.Score), Db(s.Band));
            row[6] = record.Write(s);
            rows.Add(row);
        }

        rows.Flush();
        using DbCommand dates = Command(connection, transaction, "INSERT INTO cs_snapshot_dates (as_of) VALUES (@as_of) ON CONFLICT DO NOTHING;");
        DbParameter asOf = Parameter(dates, "@as_of", DbType.String);
        foreach (string date in recordedDates)
        {
            asOf.Value = date;
            dates.ExecuteNonQuery();
        }

        return rows.Inserted;
    }

    // The (account, date, model) keys already recorded on the dates the snapshots are of.
    private static HashSet<(string Account, string Date, string Model)> RecordedKeys(DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots)
    {
        var keys = new HashSet<(string, string, string)>();
        var dates = new HashSet<LocalDate>();
        foreach (ScoreSnapshot s in snapshots)
        {
            dates.Add(s.AsOf);
        }

        using DbCommand command = Command(connection, transaction, "SELECT account_id, model_name FROM cs_snapshots WHERE as_of = @as_of;");
        DbParameter asOf = Parameter(command, "@as_of", DbType.String);
        foreach (LocalDate day in dates)
        {
            string date = StoreText.Date(day);
            asOf.Value = date;
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((reader.GetString(0), date, reader.GetString(1)));
            }
        }

        return keys;
    }

    // The snapshots a filter selects, each read from its record alone (one value a row: a history is 730 of them).
    private List<ScoreSnapshot> Snapshots(DbConnection connection, string query, AccountId? account, LocalDate first, LocalDate last)
    {
        var snapshots = new List<ScoreSnapshot>();
        var record = new SnapshotRecord();
        using DbCommand command = Command(connection, null, query);
        Bind(command, account, first, last);
        using DbDataReader reader = command.ExecuteReader();
        AccountId owner = account ?? default;
        while (reader.Read())
        {
            if (account is null)
            {
                string id = reader.GetString(3);
                owner = !owner.IsDefault && owner.Value == id ? owner : new AccountId(id);
            }

            try
            {
                snapshots.Add(record.Read(owner, reader.GetFieldValue<byte[]>(0)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"The store '{_dialect.Location}' holds a snapshot of account '{owner}' on {reader.GetString(1)} (model '{reader.GetString(2)}') that does not read back: {e.Message}", e);
            }
        }

        return snapshots;
    }

    private static void Bind(DbCommand command, AccountId? account, LocalDate first, LocalDate last)
    {
        if (account is { } a)
        {
            Parameter(command, "@account", DbType.String, a.Value);
        }

        Parameter(command, "@from", DbType.String, StoreText.Date(first));
        Parameter(command, "@to", DbType.String, StoreText.Date(last));
    }
}
