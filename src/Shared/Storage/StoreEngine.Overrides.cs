using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using System.Data;
using System.Data.Common;
using NodaTime;

namespace CustomerSuccess;

// Overrides: every one ever set, a row each; clearing sets cleared_at, nothing is deleted.
internal sealed partial class StoreEngine
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
            using DbCommand insert = Command(connection, transaction,
                "INSERT INTO cs_overrides (account_id, score, reason, set_by, set_at, expires_at) VALUES (@account, @score, @reason, @by, @set_at, @expires);");
            Parameter(insert, "@account", DbType.String, record.Account.Value);
            Parameter(insert, "@score", DbType.Double, record.Score);
            Parameter(insert, "@reason", DbType.String, record.Reason);
            Parameter(insert, "@by", DbType.String, record.SetBy);
            Parameter(insert, "@set_at", DbType.String, StoreText.Instant(record.SetAt));
            Parameter(insert, "@expires", DbType.String, StoreText.Instant(record.Expires));
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
            using DbCommand command = Command(connection, null,
                "SELECT account_id, score, reason, set_by, set_at, expires_at, cleared_at FROM cs_overrides ORDER BY account_id, set_at, id;");
            using DbDataReader reader = command.ExecuteReader();
            var all = new List<OverrideRecord>();
            while (reader.Read())
            {
                all.Add(new OverrideRecord(new AccountId(reader.GetString(0)), reader.GetDouble(1), reader.GetString(2), reader.GetString(3),
                    StoreText.Instant(reader.GetString(4)), StoreText.Instant(reader.GetString(5)), StoreText.NullableInstant(reader.GetValue(6))));
            }

            return all;
        }, cancellationToken);

    // The account's override neither cleared nor expired at `at` is cleared then (at most one is open).
    private static bool ClearOpen(DbConnection connection, DbTransaction transaction, AccountId account, Instant at)
    {
        using DbCommand command = Command(connection, transaction,
            "UPDATE cs_overrides SET cleared_at = @at WHERE account_id = @account AND cleared_at IS NULL AND set_at <= @at AND expires_at > @at;");
        Parameter(command, "@account", DbType.String, account.Value);
        Parameter(command, "@at", DbType.String, StoreText.Instant(at));
        return command.ExecuteNonQuery() > 0;
    }
}
