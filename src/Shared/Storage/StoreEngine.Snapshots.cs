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
    private const string SnapshotColumns = "s.account_id, s.as_of, s.model_name, s.model_hash, s.score, s.band";

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return Write((connection, transaction) => InsertSnapshots(connection, transaction, snapshots, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, "s.account_id = @account AND s.as_of BETWEEN @from AND @to", "s.as_of, s.model_name", account, first, last), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, "s.as_of BETWEEN @from AND @to", "s.as_of, s.account_id, s.model_name", null, first, last), cancellationToken);

    // Prepared once per batch, parameters rebound per row: the statement is compiled once, not once a row. A snapshot
    // already recorded (same account, date and model) is skipped, its signals and adjustments with it.
    private static int InsertSnapshots(DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken)
    {
        using DbCommand snapshot = Command(connection, transaction,
            "INSERT INTO cs_score_snapshots (account_id, as_of, model_name, model_hash, score, band) VALUES (@account, @as_of, @model, @hash, @score, @band) ON CONFLICT DO NOTHING;");
        DbParameter account = Parameter(snapshot, "@account", DbType.String);
        DbParameter asOf = Parameter(snapshot, "@as_of", DbType.String);
        DbParameter model = Parameter(snapshot, "@model", DbType.String);
        DbParameter hash = Parameter(snapshot, "@hash", DbType.String);
        DbParameter score = Parameter(snapshot, "@score", DbType.Double);
        DbParameter band = Parameter(snapshot, "@band", DbType.String);
        snapshot.Prepare();

        using DbCommand signal = Command(connection, transaction,
            "INSERT INTO cs_snapshot_signals (account_id, as_of, model_name, position, signal_id, raw, missing_reason, curve_score, weight, contribution) VALUES (@account, @as_of, @model, @position, @signal, @raw, @missing, @curve, @weight, @contribution);");
        DbParameter sAccount = Parameter(signal, "@account", DbType.String);
        DbParameter sAsOf = Parameter(signal, "@as_of", DbType.String);
        DbParameter sModel = Parameter(signal, "@model", DbType.String);
        DbParameter sPosition = Parameter(signal, "@position", DbType.Int64);
        DbParameter sId = Parameter(signal, "@signal", DbType.String);
        DbParameter sRaw = Parameter(signal, "@raw", DbType.Double);
        DbParameter sMissing = Parameter(signal, "@missing", DbType.String);
        DbParameter sCurve = Parameter(signal, "@curve", DbType.Double);
        DbParameter sWeight = Parameter(signal, "@weight", DbType.Double);
        DbParameter sContribution = Parameter(signal, "@contribution", DbType.Double);
        signal.Prepare();

        using DbCommand adjustment = Command(connection, transaction,
            "INSERT INTO cs_snapshot_adjustments (account_id, as_of, model_name, position, kind, reason, delta) VALUES (@account, @as_of, @model, @position, @kind, @reason, @delta);");
        DbParameter aAccount = Parameter(adjustment, "@account", DbType.String);
        DbParameter aAsOf = Parameter(adjustment, "@as_of", DbType.String);
        DbParameter aModel = Parameter(adjustment, "@model", DbType.String);
        DbParameter aPosition = Parameter(adjustment, "@position", DbType.Int64);
        DbParameter aKind = Parameter(adjustment, "@kind", DbType.String);
        DbParameter aReason = Parameter(adjustment, "@reason", DbType.String);
        DbParameter aDelta = Parameter(adjustment, "@delta", DbType.Double);
        adjustment.Prepare();

        int added = 0;
        string? lastDate = null;
        LocalDate lastAsOf = default;
        foreach (ScoreSnapshot s in snapshots)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(snapshots));
            if ((added & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            string date = lastDate is not null && s.AsOf == lastAsOf ? lastDate : StoreText.Date(s.AsOf);
            (lastDate, lastAsOf) = (date, s.AsOf);
            (account.Value, asOf.Value, model.Value, hash.Value, score.Value, band.Value) = (s.Account.Value, date, s.ModelName, s.ModelHash, Db(s.Score), Db(s.Band));
            if (snapshot.ExecuteNonQuery() == 0)
            {
                continue; // recorded already
            }

            added++;
            (sAccount.Value, sAsOf.Value, sModel.Value) = (s.Account.Value, date, s.ModelName);
            for (int i = 0; i < s.Signals.Count; i++)
            {
                SignalSnapshot part = s.Signals[i];
                (sPosition.Value, sId.Value, sWeight.Value, sContribution.Value) = ((long)i, part.Signal.Value, part.Weight, part.Contribution);
                bool present = part.Raw.TryGetValue(out double raw);
                sRaw.Value = present ? raw : DBNull.Value;
                sMissing.Value = present ? DBNull.Value : part.Raw.MissingReason!;
                sCurve.Value = Db(part.CurveScore);
                signal.ExecuteNonQuery();
            }

            (aAccount.Value, aAsOf.Value, aModel.Value) = (s.Account.Value, date, s.ModelName);
            for (int i = 0; i < s.Adjustments.Count; i++)
            {
                ScoreAdjustment part = s.Adjustments[i];
                (aPosition.Value, aKind.Value, aReason.Value, aDelta.Value) = ((long)i, StoreText.Name(part.Kind), part.Reason, part.Delta);
                adjustment.ExecuteNonQuery();
            }
        }

        return added;
    }

    // The snapshots a filter selects, with their signals and adjustments, read in the same order by one join each.
    private static List<ScoreSnapshot> Snapshots(DbConnection connection, string where, string order, AccountId? account, LocalDate first, LocalDate last)
    {
        var signals = new Dictionary<(string, string, string), List<SignalSnapshot>>();
        using (DbCommand command = Command(connection, null,
            $"SELECT g.account_id, g.as_of, g.model_name, g.signal_id, g.raw, g.missing_reason, g.curve_score, g.weight, g.contribution FROM cs_snapshot_signals g JOIN cs_score_snapshots s USING (account_id, as_of, model_name) WHERE {where} ORDER BY g.account_id, g.as_of, g.model_name, g.position;"))
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
            $"SELECT a.account_id, a.as_of, a.model_name, a.kind, a.reason, a.delta FROM cs_snapshot_adjustments a JOIN cs_score_snapshots s USING (account_id, as_of, model_name) WHERE {where} ORDER BY a.account_id, a.as_of, a.model_name, a.position;"))
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
        using (DbCommand command = Command(connection, null, $"SELECT {SnapshotColumns} FROM cs_score_snapshots s WHERE {where} ORDER BY {order};"))
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
