using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Where score snapshots are kept: what each account scored on each date, with its explanation. Implemented in memory
/// (<see cref="InMemoryHealthStore"/>) and by the storage packages (SQLite, PostgreSQL), which write a run's snapshots in
/// the same transaction as its alerts.
/// </summary>
public interface IScoreSnapshotStore
{
    /// <summary>
    /// Records snapshots, all or none. A snapshot whose account, date and model are recorded already is not written again;
    /// snapshots are never replaced (a stored snapshot is the answer as of its date).
    /// </summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is recorded then.</param>
    /// <returns>How many were new.</returns>
    ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>One account's snapshots from <paramref name="first"/> to <paramref name="last"/> (both included), by date, then model name.</summary>
    /// <param name="account">The account.</param>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots; empty when there are none.</returns>
    ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default);

    /// <summary>Every account's snapshots from <paramref name="first"/> to <paramref name="last"/>, by date, account (ordinal) and model name.</summary>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots.</returns>
    ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default);
}
