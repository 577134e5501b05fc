using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using System.Data;
using System.Data.Common;
using NodaTime;

namespace CustomerSuccess;

// The alert log: a row per alert, keyed by identity and instant; an alert without a key is stored with the key ''.
internal sealed partial class StoreEngine
{
    private const string AlertColumns = "rule_id, account_id, alert_key, raised_at, kind, severity, message, evidence, acknowledged_at, acknowledged_by";
    private const string AlertOrder = "raised_at, rule_id, account_id, alert_key";

    /// <inheritdoc/>
    public ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return Write((connection, transaction) => InsertAlerts(_dialect, connection, transaction, alerts), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<AlertRecord>>(connection =>
        {
            using DbCommand command = Command(connection, null,
                $"SELECT {AlertColumns} FROM cs_alerts WHERE @open = 0 OR acknowledged_at IS NULL ORDER BY {AlertOrder};");
            Parameter(command, "@open", DbType.Int32, openOnly ? 1 : 0);
            return ReadAlerts(command);
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<AlertRecord>>(connection =>
        {
            using DbCommand command = Command(connection, null,
                $"""
                SELECT {AlertColumns} FROM cs_alerts a
                WHERE raised_at <= @as_of AND raised_at = (
                    SELECT max(b.raised_at) FROM cs_alerts b
                    WHERE b.rule_id = a.rule_id AND b.account_id = a.account_id AND b.alert_key = a.alert_key AND b.raised_at <= @as_of)
                ORDER BY {AlertOrder};
                """);
            Parameter(command, "@as_of", DbType.String, StoreText.Instant(asOf));
            return ReadAlerts(command);
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return Write((connection, transaction) =>
        {
            using DbCommand command = Command(connection, transaction,
                "UPDATE cs_alerts SET acknowledged_at = @at, acknowledged_by = @by WHERE rule_id = @rule AND account_id = @account AND alert_key = @key AND raised_at = @raised AND acknowledged_at IS NULL;");
            Parameter(command, "@at", DbType.String, StoreText.Instant(at));
            Parameter(command, "@by", DbType.String, by);
            Parameter(command, "@rule", DbType.String, identity.RuleId);
            Parameter(command, "@account", DbType.String, identity.Account.Value);
            Parameter(command, "@key", DbType.String, identity.Key ?? string.Empty);
            Parameter(command, "@raised", DbType.String, StoreText.Instant(raisedAt));
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    private static int InsertAlerts(StoreDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<Alert> alerts)
    {
        foreach (Alert alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts)); // before anything is written
        }

        using var rows = new RowBatch(connection, transaction, "cs_alerts",
            ["rule_id", "account_id", "alert_key", "raised_at", "kind", "severity", "message", "evidence"],
            [DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String], dialect.BatchParameters);
        object[] row = new object[8];
        foreach (Alert alert in alerts)
        {
            (row[0], row[1], row[2], row[3]) = (alert.RuleId, alert.Account.Value, alert.Key ?? string.Empty, StoreText.Instant(alert.RaisedAt));
            (row[4], row[5], row[6], row[7]) = (StoreText.Name(alert.Kind), StoreText.Name(alert.Severity), alert.Message, alert.EvidenceText());
            rows.Add(row);
        }

        rows.Flush();
        return rows.Inserted;
    }

    private static List<AlertRecord> ReadAlerts(DbCommand command)
    {
        using DbDataReader reader = command.ExecuteReader();
        var alerts = new List<AlertRecord>();
        while (reader.Read())
        {
            string key = reader.GetString(2);
            var identity = new AlertIdentity(reader.GetString(0), new AccountId(reader.GetString(1)), key.Length == 0 ? null : key);
            alerts.Add(new AlertRecord(identity, StoreText.Parse<RuleKind>(reader.GetString(4)), StoreText.Parse<AlertSeverity>(reader.GetString(5)),
                StoreText.Instant(reader.GetString(3)), reader.GetString(6), reader.GetString(7),
                StoreText.NullableInstant(reader.GetValue(8)), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return alerts;
    }
}
