using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Behaviors;

/// <summary>Account states in memory: for tests and for a process that keeps nothing between runs. Thread-safe.</summary>
public sealed class InMemoryAccountStateStore : IAccountStateStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Kind, AccountId Account), AccountStateDocument> _states = [];

    /// <inheritdoc/>
    public ValueTask<AccountStateDocument?> ReadStateAsync(string kind, AccountId account, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_states.GetValueOrDefault((kind, account)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<long> WriteStateAsync(string kind, AccountId account, ReadOnlyMemory<byte> document, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        cancellationToken.ThrowIfCancellationRequested();
        byte[] copy = document.ToArray(); // the caller may reuse its buffer
        lock (_gate)
        {
            long version = Check(kind, account, expectedVersion) + 1;
            _states[(kind, account)] = new AccountStateDocument(copy, version);
            return ValueTask.FromResult(version);
        }
    }

    /// <inheritdoc/>
    public ValueTask ClearStateAsync(string kind, AccountId account, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Check(kind, account, expectedVersion);
            _states.Remove((kind, account));
            return ValueTask.CompletedTask;
        }
    }

    private long Check(string kind, AccountId account, long? expected)
    {
        long? found = _states.TryGetValue((kind, account), out AccountStateDocument? stored) ? stored.Version : null;
        return found == expected ? found ?? 0 : throw new AccountStateConflictException(kind, account, expected, found);
    }
}
