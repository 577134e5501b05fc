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

    /// <summary>
    /// Records the model snapshots are scored with, under its hash (<see cref="ScoreSnapshot.HashOf"/>), so that the
    /// stored history can be scored again later (a backtest); a model recorded already is left as it is.
    /// </summary>
    /// <param name="model">The model; every curve must be a built-in one (<see cref="HealthModelJson"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when it was new.</returns>
    /// <exception cref="System.ArgumentException">A signal of the model uses a custom curve, which has no data form.</exception>
    ValueTask<bool> RecordModelAsync(HealthModel model, CancellationToken cancellationToken = default);

    /// <summary>The model a snapshot was scored with, as recorded (<see cref="RecordModelAsync"/>), with the snapshot's model name.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model; <see langword="null"/> when no model with the snapshot's hash is recorded.</returns>
    ValueTask<HealthModel?> GetModelAsync(ScoreSnapshot snapshot, CancellationToken cancellationToken = default);
}
