using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess.Testing;

/// <summary>
/// A store as schema versions 3 and 4 left it (a row per snapshot, its signals and adjustments as two JSON columns),
/// for the migration tests: the engine's version-4 DDL (a fixture beside the test, as that version created it) and
/// snapshots written in the JSON form those versions documented, every value a parameter.
/// </summary>
public static class Version4Store
{
    /// <summary>The fixture beside a test: <c>Store/SchemaVersion4.sql</c> in the test's output folder.</summary>
    public static string Schema => FixtureSql.Read("SchemaVersion4.sql");

    /// <summary>Creates the version-4 schema on an empty database and writes the snapshots into it.</summary>
    public static void Fill(DbConnection connection, IReadOnlyList<ScoreSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(snapshots);
        using DbTransaction transaction = connection.BeginTransaction();
        FixtureSql.Execute(connection, transaction, Schema);
        foreach (ScoreSnapshot s in snapshots)
        {
            string date = s.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            FixtureSql.Execute(connection, transaction,
                "INSERT INTO cs_snapshots (account_id, as_of, model_name, model_hash, score, band, signals, adjustments) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7);",
                s.Account.Value, date, s.ModelName, s.ModelHash, (object?)s.Score ?? DBNull.Value, (object?)s.Band ?? DBNull.Value, Signals(s), Adjustments(s));
            FixtureSql.Execute(connection, transaction, "INSERT INTO cs_snapshot_dates (as_of) VALUES (@p0) ON CONFLICT DO NOTHING;", date);
        }

        transaction.Commit();
    }

    // [signal, raw, missing_reason, curve_score, weight, contribution] for each signal.
    private static string Signals(ScoreSnapshot snapshot) => Json(writer =>
    {
        foreach (SignalSnapshot g in snapshot.Signals)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(g.Signal.Value);
            if (g.Raw.TryGetValue(out double raw))
            {
                writer.WriteNumberValue(raw);
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteNullValue();
                writer.WriteStringValue(g.Raw.MissingReason);
            }

            if (g.CurveScore is { } curve)
            {
                writer.WriteNumberValue(curve);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteNumberValue(g.Weight);
            writer.WriteNumberValue(g.Contribution);
            writer.WriteEndArray();
        }
    });

    // [kind, reason, delta] for each adjustment.
    private static string Adjustments(ScoreSnapshot snapshot) => Json(writer =>
    {
        foreach (ScoreAdjustment a in snapshot.Adjustments)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(a.Kind.ToString().ToLowerInvariant());
            writer.WriteStringValue(a.Reason);
            writer.WriteNumberValue(a.Delta);
            writer.WriteEndArray();
        }
    });

    private static string Json(Action<Utf8JsonWriter> elements)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            elements(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
