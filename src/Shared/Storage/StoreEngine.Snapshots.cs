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

// Score snapshots: one row each, with a row per signal and per adjustment, keyed by account, date and model.
internal sealed partial class StoreEngine
{
    private const string SnapshotColumns = "account_id, as_of, model_name, model_hash, score, band";

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return Write((connection, transaction) => InsertSnapshots(_dialect, connection, transaction, snapshots, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, "account_id = @account AND as_of BETWEEN @from AND @to", "as_of, model_name", account, first, last), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, "as_of BETWEEN @from AND @to", "as_of, account_id, model_name", null, first, last), cancellationToken);

    // Many rows to a statement (RowBatch). A snapshot already recorded (same account, date and model) is skipped with its
    // signals and adjustments: the keys recorded for the batch's dates are read first, and every insert also skips a key
    // that exists (a concurrent writer's), so the three tables stay consistent either way.
    private static int InsertSnapshots(StoreDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken)
    {
        foreach (ScoreSnapshot s in snapshots)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(snapshots)); // before anything is written
        }

        HashSet<(string Account, string Date, string Model)> recorded = RecordedKeys(connection, transaction, snapshots);
        using var rows = new RowBatch(connection, transaction, "cs_score_snapshots",
            ["account_id", "as_of", "model_name", "model_hash", "score", "band"],
            [DbType.String, DbType.String, DbType.String, DbType.String, DbType.Double, DbType.String], dialect.BatchParameters);
        using var signals = new RowBatch(connection, transaction, "cs_snapshot_signals",
            ["account_id", "as_of", "model_name", "position", "signal_id", "raw", "missing_reason", "curve_score", "weight", "contribution"],
            [DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.Double, DbType.String, DbType.Double, DbType.Double, DbType.Double], dialect.BatchParameters);
        using var adjustments = new RowBatch(connection, transaction, "cs_snapshot_adjustments",
            ["account_id", "as_of", "model_name", "position", "kind", "reason", "delta"],
            [DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.String, DbType.Double], dialect.BatchParameters);

        object[] row = new object[10];
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

            (row[0], row[1], row[2], row[3], row[4], row[5]) = (s.Account.Value, date, s.ModelName, s.ModelHash, Db(s.Score), Db(s.Band));
            rows.Add(row.AsSpan(0, 6));
            for (int i = 0; i < s.Signals.Count; i++)
            {
                SignalSnapshot part = s.Signals[i];
                bool present = part.Raw.TryGetValue(out double raw);
                (row[3], row[4], row[5], row[6]) = ((long)i, part.Signal.Value, present ? raw : DBNull.Value, present ? DBNull.Value : part.Raw.MissingReason!);
                (row[7], row[8], row[9]) = (Db(part.CurveScore), part.Weight, part.Contribution);
                signals.Add(row.AsSpan(0, 10));
            }

            for (int i = 0; i < s.Adjustments.Count; i++)
            {
                ScoreAdjustment part = s.Adjustments[i];
                (row[3], row[4], row[5], row[6]) = ((long)i, StoreText.Name(part.Kind), part.Reason, part.Delta);
                adjustments.Add(row.AsSpan(0, 7));
            }
        }

        rows.Flush();
        signals.Flush();
        adjustments.Flush();
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

        using DbCommand command = Command(connection, transaction, "SELECT account_id, model_name FROM cs_score_snapshots WHERE as_of = @as_of;");
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

    // The snapshots a filter selects, with their signals and adjustments: the filter names only the key columns every
    // table has, so each table is read along its own key (account_id, as_of, ...), without a join.
    private static List<ScoreSnapshot> Snapshots(DbConnection connection, string where, string order, AccountId? account, LocalDate first, LocalDate last)
    {
        var signals = new Dictionary<(string, string, string), List<SignalSnapshot>>();
        using (DbCommand command = Command(connection, null,
            $"SELECT g.account_id, g.as_of, g.model_name, g.signal_id, g.raw, g.missing_reason, g.curve_score, g.weight, g.contribution FROM cs_snapshot_signals g WHERE {where} ORDER BY g.account_id, g.as_of, g.model_name, g.position;"))
        {
            Bind(command, account, first, last);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (!signals.TryGetValue(key, out List<SignalSnapshot>? list))
                {
                    signals[key] = list = [];
                }

                SignalValue raw = reader.IsDBNull(4) ? SignalValue.Missing(reader.GetString(5)) : SignalValue.Of(reader.GetDouble(4));
                list.Add(new SignalSnapshot(new SignalId(reader.GetString(3)), raw, reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8)));
            }
        }

        var adjustments = new Dictionary<(string, string, string), List<ScoreAdjustment>>();
        using (DbCommand command = Command(connection, null,
            $"SELECT a.account_id, a.as_of, a.model_name, a.kind, a.reason, a.delta FROM cs_snapshot_adjustments a WHERE {where} ORDER BY a.account_id, a.as_of, a.model_name, a.position;"))
        {
            Bind(command, account, first, last);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (!adjustments.TryGetValue(key, out List<ScoreAdjustment>? list))
                {
                    adjustments[key] = list = [];
                }

                list.Add(new ScoreAdjustment(StoreText.Parse<AdjustmentKind>(reader.GetString(3)), reader.GetString(4), reader.GetDouble(5)));
            }
        }

        var snapshots = new List<ScoreSnapshot>();
        using (DbCommand command = Command(connection, null, $"SELECT {SnapshotColumns} FROM cs_score_snapshots WHERE {where} ORDER BY {order};"))
        {
            Bind(command, account, first, last);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                snapshots.Add(new ScoreSnapshot(new AccountId(key.Item1), StoreText.Date(key.Item2), key.Item3, reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    signals.TryGetValue(key, out List<SignalSnapshot>? s) ? s : [],
                    adjustments.TryGetValue(key, out List<ScoreAdjustment>? a) ? a : []));
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
