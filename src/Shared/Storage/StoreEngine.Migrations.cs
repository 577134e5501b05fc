using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess;

// Migrations that SQL alone cannot do the same on every engine. They run after every step's SQL, in the schema's
// transaction (a migration stopped halfway leaves the store as it was), and move the snapshots a date at a time (memory
// bounded by one run) into the current table through the code that writes new ones, so that numbers keep every bit (an
// engine's own JSON functions may round them).
internal sealed partial class StoreEngine
{
    // The snapshots of a store of an earlier version, moved into the current form.
    private void MoveSnapshots(DbConnection connection, DbTransaction transaction, int from)
    {
        if (from < 3)
        {
            PackSnapshots(connection, transaction);
        }

        if (from < 5)
        {
            MoveJsonSnapshots(connection, transaction);
        }
    }

    // Version 2 kept a row per snapshot, per signal and per adjustment (cs_score_snapshots and the tables beside it).
    private void PackSnapshots(DbConnection connection, DbTransaction transaction)
    {
        var dates = new List<string>();
        using (DbCommand command = Command(connection, transaction, "SELECT DISTINCT as_of FROM cs_score_snapshots ORDER BY as_of;"))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                dates.Add(reader.GetString(0));
            }
        }

        foreach (string date in dates)
        {
            InsertSnapshots(_dialect, connection, transaction, Version2Snapshots(connection, transaction, date), default);
        }

        Execute(connection, transaction, "DROP TABLE cs_snapshot_signals; DROP TABLE cs_snapshot_adjustments; DROP TABLE cs_score_snapshots;");
    }

    // Versions 3 and 4 kept a snapshot's signals and adjustments as two JSON columns (SnapshotJson); version 5's step
    // renamed that table cs_snapshots_v4 (empty when the store was older: its rows were moved by PackSnapshots).
    private void MoveJsonSnapshots(DbConnection connection, DbTransaction transaction)
    {
        var dates = new List<string>();
        using (DbCommand command = Command(connection, transaction, "SELECT DISTINCT as_of FROM cs_snapshots_v4 ORDER BY as_of;"))
        using (DbDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                dates.Add(reader.GetString(0));
            }
        }

        var json = new SnapshotJson();
        foreach (string date in dates)
        {
            InsertSnapshots(_dialect, connection, transaction, Version4Snapshots(connection, transaction, json, date), default);
        }

        Execute(connection, transaction, "DROP TABLE cs_snapshots_v4;");
    }

    private List<ScoreSnapshot> Version4Snapshots(DbConnection connection, DbTransaction transaction, SnapshotJson json, string date)
    {
        var snapshots = new List<ScoreSnapshot>();
        using DbCommand command = Command(connection, transaction,
            "SELECT account_id, model_name, model_hash, score, band, signals, adjustments FROM cs_snapshots_v4 WHERE as_of = @as_of ORDER BY account_id, model_name;");
        Parameter(command, "@as_of", DbType.String, date);
        using DbDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string account = reader.GetString(0), model = reader.GetString(1);
            try
            {
                snapshots.Add(new ScoreSnapshot(new AccountId(account), StoreText.Date(date), model, reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    json.ReadSignals(reader.GetString(5)), json.ReadAdjustments(reader.GetString(6))));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"The store '{_dialect.Location}' holds a snapshot of account '{account}' on {date} (model '{model}') that does not read back, so it is not migrated to version 5: {e.Message}", e);
            }
        }

        return snapshots;
    }

    private static List<ScoreSnapshot> Version2Snapshots(DbConnection connection, DbTransaction transaction, string date)
    {
        var signals = new Dictionary<(string, string), List<SignalSnapshot>>();
        using (DbCommand command = Command(connection, transaction,
            "SELECT account_id, model_name, signal_id, raw, missing_reason, curve_score, weight, contribution FROM cs_snapshot_signals WHERE as_of = @as_of ORDER BY account_id, model_name, position;"))
        {
            Parameter(command, "@as_of", DbType.String, date);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                List<SignalSnapshot> list = ListOf(signals, (reader.GetString(0), reader.GetString(1)));
                SignalValue raw = reader.IsDBNull(3) ? SignalValue.Missing(reader.GetString(4)) : SignalValue.Of(reader.GetDouble(3));
                list.Add(new SignalSnapshot(new SignalId(reader.GetString(2)), raw, reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
            }
        }

        var adjustments = new Dictionary<(string, string), List<ScoreAdjustment>>();
        using (DbCommand command = Command(connection, transaction,
            "SELECT account_id, model_name, kind, reason, delta FROM cs_snapshot_adjustments WHERE as_of = @as_of ORDER BY account_id, model_name, position;"))
        {
            Parameter(command, "@as_of", DbType.String, date);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                ListOf(adjustments, (reader.GetString(0), reader.GetString(1)))
                    .Add(new ScoreAdjustment(StoreText.Parse<AdjustmentKind>(reader.GetString(2)), reader.GetString(3), reader.GetDouble(4)));
            }
        }

        var snapshots = new List<ScoreSnapshot>();
        using (DbCommand command = Command(connection, transaction,
            "SELECT account_id, model_name, model_hash, score, band FROM cs_score_snapshots WHERE as_of = @as_of ORDER BY account_id, model_name;"))
        {
            Parameter(command, "@as_of", DbType.String, date);
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                snapshots.Add(new ScoreSnapshot(new AccountId(key.Item1), StoreText.Date(date), key.Item2, reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    signals.GetValueOrDefault(key) ?? [], adjustments.GetValueOrDefault(key) ?? []));
            }
        }

        return snapshots;
    }

    private static List<T> ListOf<T>(Dictionary<(string, string), List<T>> lists, (string, string) key)
    {
        if (!lists.TryGetValue(key, out List<T>? list))
        {
            lists[key] = list = [];
        }

        return list;
    }
}
