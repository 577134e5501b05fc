using System;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Where a live evaluator (an account grain on Orleans) keeps each account's working state between calls: the events its
/// rules can still read and the running sums of those compacted away, the facts, the cooldowns and its last score, as
/// one document per account and kind that the evaluator encodes. A write names the version it read, so two writers never
/// overwrite each other unseen (optimistic concurrency). Implemented in memory (<see cref="InMemoryAccountStateStore"/>)
/// and by the storage packages, beside the alert log, so a cluster's state lives in the project's own SQLite or
/// PostgreSQL store.
/// </summary>
public interface IAccountStateStore
{
    /// <summary>Reads an account's state.</summary>
    /// <param name="kind">What keeps it (a grain type), so that several evaluators can share a store.</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document and its version; <see langword="null"/> when none is stored.</returns>
    ValueTask<AccountStateDocument?> ReadStateAsync(string kind, AccountId account, CancellationToken cancellationToken = default);

    /// <summary>Writes an account's state over the version read.</summary>
    /// <param name="kind">What keeps it.</param>
    /// <param name="account">The account.</param>
    /// <param name="document">The encoded state.</param>
    /// <param name="expectedVersion">The version read; <see langword="null"/> when none was stored.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="AccountStateConflictException">The stored version is not <paramref name="expectedVersion"/>: another writer wrote first; nothing is written.</exception>
    ValueTask<long> WriteStateAsync(string kind, AccountId account, ReadOnlyMemory<byte> document, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes an account's state.</summary>
    /// <param name="kind">What keeps it.</param>
    /// <param name="account">The account.</param>
    /// <param name="expectedVersion">The version read; <see langword="null"/> when none was stored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is removed.</returns>
    /// <exception cref="AccountStateConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing is removed.</exception>
    ValueTask ClearStateAsync(string kind, AccountId account, long? expectedVersion, CancellationToken cancellationToken = default);
}
