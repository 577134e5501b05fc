using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerSuccess.Storage.Sqlite;

// The alert log: a row per alert, keyed by identity and instant; an alert without a key is stored with the key ''.
public sealed partial class SqliteStore
{
    private const string AlertColumns = "rule_id, account_id, alert_key, raised_at, kind, severity, message, evidence, acknowledged_at, acknowledged_by";
    private const string AlertOrder = "raised_at, rule_id, account_id, alert_key";

    /// <inheritdoc/>
    public ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return Write((connection, transaction) => InsertAlerts(connection, transaction, alerts), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<AlertRecord>>(connection =>
        {
            using SqliteCommand command = Command(connection, null,
                $"SELECT {AlertColumns} FROM cs_alerts WHERE $open = 0 OR acknowledged_at IS NULL ORDER BY {AlertOrder};");
            command.Parameters.AddWithValue("$open", openOnly ? 1 : 0);
            return ReadAlerts(command);
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<AlertRecord>>(connection =>
        {
            using SqliteCommand command = Command(connection, null,
                $"""
                SELECT {AlertColumns} FROM cs_alerts a
                WHERE raised_at <= $as_of AND raised_at = (
                    SELECT max(b.raised_at) FROM cs_alerts b
                    WHERE b.rule_id = a.rule_id AND b.account_id = a.account_id AND b.alert_key = a.alert_key AND b.raised_at <= $as_of)
                ORDER BY {AlertOrder};
                """);
            command.Parameters.AddWithValue("$as_of", StoreText.Instant(asOf));
            return ReadAlerts(command);
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return Write((connection, transaction) =>
        {
            using SqliteCommand command = Command(connection, transaction,
                "UPDATE cs_alerts SET acknowledged_at = $at, acknowledged_by = $by WHERE rule_id = $rule AND account_id = $account AND alert_key = $key AND raised_at = $raised AND acknowledged_at IS NULL;");
            command.Parameters.AddWithValue("$at", StoreText.Instant(at));
            command.Parameters.AddWithValue("$by", by);
            command.Parameters.AddWithValue("$rule", identity.RuleId);
            command.Parameters.AddWithValue("$account", identity.Account.Value);
            command.Parameters.AddWithValue("$key", identity.Key ?? string.Empty);
            command.Parameters.AddWithValue("$raised", StoreText.Instant(raisedAt));
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    private static int InsertAlerts(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Alert> alerts)
    {
        using SqliteCommand command = Command(connection, transaction,
            "INSERT INTO cs_alerts (rule_id, account_id, alert_key, raised_at, kind, severity, message, evidence) VALUES ($rule, $account, $key, $raised, $kind, $severity, $message, $evidence) ON CONFLICT DO NOTHING;");
        SqliteParameter rule = command.Parameters.Add("$rule", SqliteType.Text);
        SqliteParameter account = command.Parameters.Add("$account", SqliteType.Text);
        SqliteParameter key = command.Parameters.Add("$key", SqliteType.Text);
        SqliteParameter raised = command.Parameters.Add("$raised", SqliteType.Text);
        SqliteParameter kind = command.Parameters.Add("$kind", SqliteType.Text);
        SqliteParameter severity = command.Parameters.Add("$severity", SqliteType.Text);
        SqliteParameter message = command.Parameters.Add("$message", SqliteType.Text);
        SqliteParameter evidence = command.Parameters.Add("$evidence", SqliteType.Text);
        command.Prepare();
        int added = 0;
        foreach (Alert alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            (rule.Value, account.Value, key.Value, raised.Value) = (alert.RuleId, alert.Account.Value, alert.Key ?? string.Empty, StoreText.Instant(alert.RaisedAt));
            (kind.Value, severity.Value, message.Value, evidence.Value) = (StoreText.Name(alert.Kind), StoreText.Name(alert.Severity), alert.Message, alert.EvidenceText());
            added += command.ExecuteNonQuery();
        }

        return added;
    }

    private static List<AlertRecord> ReadAlerts(SqliteCommand command)
    {
        using SqliteDataReader reader = command.ExecuteReader();
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
