using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Where CSMs' overrides are kept, with their history, so that an override survives the next run until it expires or is
/// cleared (Gainsight's known failure is losing them). Implemented in memory and by the storage packages.
/// </summary>
public interface IOverrideStore
{
    /// <summary>Sets an account's override; the account's open one, if any, is cleared at the new one's <see cref="OverrideRecord.SetAt"/>.</summary>
    /// <param name="record">The override, not cleared.</param>
    /// <param name="cancellationToken">Cancels the write; nothing changes then.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    /// <exception cref="System.ArgumentException">The record is cleared already.</exception>
    ValueTask SetOverrideAsync(OverrideRecord record, CancellationToken cancellationToken = default);

    /// <summary>Clears an account's open override at an instant.</summary>
    /// <param name="account">The account.</param>
    /// <param name="at">When it is cleared.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when an open override was cleared; <see langword="false"/> when there was none.</returns>
    ValueTask<bool> ClearOverrideAsync(AccountId account, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Every override ever set, open and closed, by account (ordinal), then when set.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overrides.</returns>
    ValueTask<IReadOnlyList<OverrideRecord>> GetOverridesAsync(CancellationToken cancellationToken = default);
}
