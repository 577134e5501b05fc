using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess;

// Migrations that SQL alone cannot do the same on every engine.
internal sealed partial class StoreEngine
{
    // Version 3 keeps a snapshot in one row (cs_snapshots, its signals and adjustments as JSON) where version 2 kept a
    // row per signal and per adjustment. The rows are moved a date at a time (memory bounded by one run), encoded by the
    // code that writes new snapshots, so that numbers keep every bit (an engine's own JSON functions may round them),
    // then the version-2 tables are dropped; all in the schema's transaction, so a migration stopped halfway leaves version 2.
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
