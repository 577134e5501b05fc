using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess.Testing;

/// <summary>
/// A store as schema version 2 left it (a row per snapshot, per signal and per adjustment), for the migration tests:
/// the engine's version-2 DDL (a fixture beside the test, as that version created it) and snapshots written the way
/// version 2 wrote them, every value a parameter.
/// </summary>
public static class Version2Store
{
    /// <summary>The fixture beside a test: <c>Store/SchemaVersion2.sql</c> in the test's output folder.</summary>
    public static string Schema => FixtureSql.Read("SchemaVersion2.sql");

    /// <summary>Creates the version-2 schema on an empty database and writes the snapshots into it.</summary>
    public static void Fill(DbConnection connection, IReadOnlyList<ScoreSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(snapshots);
        using DbTransaction transaction = connection.BeginTransaction();
        FixtureSql.Execute(connection, transaction, Schema);
        foreach (ScoreSnapshot s in snapshots)
        {
            object[] key = [s.Account.Value, s.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), s.ModelName];
            FixtureSql.Execute(connection, transaction, "INSERT INTO cs_score_snapshots (account_id, as_of, model_name, model_hash, score, band) VALUES (@p0, @p1, @p2, @p3, @p4, @p5);",
                [.. key, s.ModelHash, (object?)s.Score ?? DBNull.Value, (object?)s.Band ?? DBNull.Value]);
            for (int i = 0; i < s.Signals.Count; i++)
            {
                SignalSnapshot g = s.Signals[i];
                bool present = g.Raw.TryGetValue(out double raw);
                FixtureSql.Execute(connection, transaction,
                    "INSERT INTO cs_snapshot_signals (account_id, as_of, model_name, position, signal_id, raw, missing_reason, curve_score, weight, contribution) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9);",
                    [.. key, (long)i, g.Signal.Value, present ? raw : DBNull.Value, present ? DBNull.Value : g.Raw.MissingReason!, (object?)g.CurveScore ?? DBNull.Value, g.Weight, g.Contribution]);
            }

            for (int i = 0; i < s.Adjustments.Count; i++)
            {
                ScoreAdjustment a = s.Adjustments[i];
                FixtureSql.Execute(connection, transaction, "INSERT INTO cs_snapshot_adjustments (account_id, as_of, model_name, position, kind, reason, delta) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6);",
                    [.. key, (long)i, a.Kind.ToString().ToLowerInvariant(), a.Reason, a.Delta]);
            }
        }

        transaction.Commit();
    }
}
