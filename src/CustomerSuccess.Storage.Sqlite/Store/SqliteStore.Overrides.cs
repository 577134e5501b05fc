using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerSuccess.Storage.Sqlite;

// Overrides: every one ever set, a row each; clearing sets cleared_at, nothing is deleted.
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public ValueTask SetOverrideAsync(OverrideRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ClearedAt is not null)
        {
            throw new ArgumentException("A new override is not cleared yet.", nameof(record));
        }

        return new ValueTask(Write((connection, transaction) =>
        {
            ClearOpen(connection, transaction, record.Account, record.SetAt);
            using SqliteCommand insert = Command(connection, transaction,
                "INSERT INTO cs_overrides (account_id, score, reason, set_by, set_at, expires_at) VALUES ($account, $score, $reason, $by, $set_at, $expires);");
            insert.Parameters.AddWithValue("$account", record.Account.Value);
            insert.Parameters.AddWithValue("$score", record.Score);
            insert.Parameters.AddWithValue("$reason", record.Reason);
            insert.Parameters.AddWithValue("$by", record.SetBy);
            insert.Parameters.AddWithValue("$set_at", StoreText.Instant(record.SetAt));
            insert.Parameters.AddWithValue("$expires", StoreText.Instant(record.Expires));
            return insert.ExecuteNonQuery();
        }, cancellationToken).AsTask());
    }

    /// <inheritdoc/>
    public ValueTask<bool> ClearOverrideAsync(AccountId account, Instant at, CancellationToken cancellationToken = default) =>
        Write((connection, transaction) => ClearOpen(connection, transaction, account, at), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OverrideRecord>> GetOverridesAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<OverrideRecord>>(connection =>
        {
            using SqliteCommand command = Command(connection, null,
                "SELECT account_id, score, reason, set_by, set_at, expires_at, cleared_at FROM cs_overrides ORDER BY account_id, set_at, id;");
            using SqliteDataReader reader = command.ExecuteReader();
            var all = new List<OverrideRecord>();
            while (reader.Read())
            {
                all.Add(new OverrideRecord(new AccountId(reader.GetString(0)), reader.GetDouble(1), reader.GetString(2), reader.GetString(3),
                    StoreText.Instant(reader.GetString(4)), StoreText.Instant(reader.GetString(5)), StoreText.NullableInstant(reader.GetValue(6))));
            }

            return all;
        }, cancellationToken);

    // The account's override neither cleared nor expired at `at` is cleared then (at most one is open).
    private static bool ClearOpen(SqliteConnection connection, SqliteTransaction transaction, AccountId account, Instant at)
    {
        using SqliteCommand command = Command(connection, transaction,
            "UPDATE cs_overrides SET cleared_at = $at WHERE account_id = $account AND cleared_at IS NULL AND set_at <= $at AND expires_at > $at;");
        command.Parameters.AddWithValue("$account", account.Value);
        command.Parameters.AddWithValue("$at", StoreText.Instant(at));
        return command.ExecuteNonQuery() > 0;
    }
}
