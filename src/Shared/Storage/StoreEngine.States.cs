using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;

namespace CustomerSuccess;

// Live account state (IAccountStateStore): a row per kind and account, its version raised by each write that names the
// version before it; a write over another version changes no row and is refused.
internal sealed partial class StoreEngine
{
    public ValueTask<AccountStateDocument?> ReadStateAsync(string kind, AccountId account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return Read(connection => FindState(connection, null, kind, account), cancellationToken);
    }

    public ValueTask<long> WriteStateAsync(string kind, AccountId account, ReadOnlyMemory<byte> document, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        byte[] bytes = document.ToArray();
        try
        {
            return Write((connection, transaction) =>
            {
                using DbCommand command = Command(connection, transaction, expectedVersion is null
                    ? "INSERT INTO cs_account_states (kind, account_id, version, document) VALUES (@kind, @account, 1, @document);"
                    : "UPDATE cs_account_states SET version = version + 1, document = @document WHERE kind = @kind AND account_id = @account AND version = @expected;");
                StateKey(command, kind, account);
                Parameter(command, "@document", DbType.Binary, bytes);
                if (expectedVersion is { } expected)
                {
                    Parameter(command, "@expected", DbType.Int64, expected);
                }

                return command.ExecuteNonQuery() == 1 ? (expectedVersion ?? 0) + 1 : throw Conflict(connection, transaction, kind, account, expectedVersion);
            }, cancellationToken);
        }
        catch (DbException e) when (expectedVersion is null && _dialect.IsDuplicateKey(e))
        {
            // Another writer stored the first version meanwhile; this write's transaction rolled back.
            using DbConnection connection = _dialect.Open();
            throw Conflict(connection, null, kind, account, null);
        }
    }

    public ValueTask ClearStateAsync(string kind, AccountId account, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ValueTask<bool> cleared = Write((connection, transaction) =>
        {
            if (expectedVersion is null)
            {
                return FindState(connection, transaction, kind, account) is null ? true : throw Conflict(connection, transaction, kind, account, null);
            }

            using DbCommand command = Command(connection, transaction, "DELETE FROM cs_account_states WHERE kind = @kind AND account_id = @account AND version = @expected;");
            StateKey(command, kind, account);
            Parameter(command, "@expected", DbType.Int64, expectedVersion.Value);
            return command.ExecuteNonQuery() == 1 ? true : throw Conflict(connection, transaction, kind, account, expectedVersion);
        }, cancellationToken);
        return cleared.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(cleared.AsTask());
    }

    private static AccountStateDocument? FindState(DbConnection connection, DbTransaction? transaction, string kind, AccountId account)
    {
        using DbCommand command = Command(connection, transaction, "SELECT version, document FROM cs_account_states WHERE kind = @kind AND account_id = @account;");
        StateKey(command, kind, account);
        using DbDataReader reader = command.ExecuteReader();
        return reader.Read() ? new AccountStateDocument((byte[])reader.GetValue(1), reader.GetInt64(0)) : null;
    }

    private static AccountStateConflictException Conflict(DbConnection connection, DbTransaction? transaction, string kind, AccountId account, long? expected) =>
        new(kind, account, expected, FindState(connection, transaction, kind, account)?.Version);

    private static void StateKey(DbCommand command, string kind, AccountId account)
    {
        Parameter(command, "@kind", DbType.String, kind);
        Parameter(command, "@account", DbType.String, account.Value ?? throw new ArgumentException("The account is default(AccountId).", nameof(account)));
    }
}
