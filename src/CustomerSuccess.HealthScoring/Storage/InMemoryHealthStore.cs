using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Score snapshots and overrides in memory: for tests and for a process that keeps nothing between runs. The storage
/// packages keep the same things on SQLite or PostgreSQL and pass the same contract tests. Thread-safe.
/// </summary>
public sealed class InMemoryHealthStore : IScoreSnapshotStore, IOverrideStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<(LocalDate AsOf, string Account, string Model), ScoreSnapshot> _snapshots = new(SnapshotKeyComparer.Instance);
    private readonly List<OverrideRecord> _overrides = [];
    private readonly Dictionary<string, string> _models = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            int added = 0;
            var batch = new HashSet<(LocalDate, string, string)>();
            foreach (ScoreSnapshot snapshot in snapshots)
            {
                ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
                (LocalDate, string, string) key = (snapshot.AsOf, snapshot.Account.Value, snapshot.ModelName);
                if (!_snapshots.ContainsKey(key) && batch.Add(key))
                {
                    added++;
                }
            }

            foreach (ScoreSnapshot snapshot in snapshots)
            {
                _snapshots.TryAdd((snapshot.AsOf, snapshot.Account.Value, snapshot.ModelName), snapshot);
            }

            return ValueTask.FromResult(added);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ScoreSnapshot> history = [.. _snapshots.Values.Where(s => s.Account == account && s.AsOf >= first && s.AsOf <= last)];
            return ValueTask.FromResult(history);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ScoreSnapshot> all = [.. _snapshots.Values.Where(s => s.AsOf >= first && s.AsOf <= last)];
            return ValueTask.FromResult(all);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RecordModelAsync(HealthModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        cancellationToken.ThrowIfCancellationRequested();
        (string hash, string document) = (ScoreSnapshot.HashOf(model), HealthModelJson.Serialize(model));
        lock (_gate)
        {
            return ValueTask.FromResult(_models.TryAdd(hash, document));
        }
    }

    /// <inheritdoc/>
    public ValueTask<HealthModel?> GetModelAsync(ScoreSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        string? document;
        lock (_gate)
        {
            _models.TryGetValue(snapshot.ModelHash, out document);
        }

        // Kept as its JSON, as a store keeps it: what comes back is the recorded model, not the caller's instance.
        return ValueTask.FromResult(document is null ? null : HealthModelJson.Deserialize(document, snapshot.ModelName));
    }

    /// <inheritdoc/>
    public ValueTask SetOverrideAsync(OverrideRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ClearedAt is not null)
        {
            throw new ArgumentException("A new override is not cleared yet.", nameof(record));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ClearOpen(record.Account, record.SetAt);
            _overrides.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<bool> ClearOverrideAsync(AccountId account, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(ClearOpen(account, at));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OverrideRecord>> GetOverridesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<OverrideRecord> all = [.. _overrides.OrderBy(o => o.Account.Value, StringComparer.Ordinal).ThenBy(o => o.SetAt)];
            return ValueTask.FromResult(all);
        }
    }

    // The account's override that is neither cleared nor expired at `at` is cleared then.
    private bool ClearOpen(AccountId account, Instant at)
    {
        int open = _overrides.FindIndex(o => o.Account == account && o.ClearedAt is null && o.SetAt <= at && at < o.Expires);
        if (open < 0)
        {
            return false;
        }

        _overrides[open] = _overrides[open].ClearAt(at);
        return true;
    }

    private sealed class SnapshotKeyComparer : IComparer<(LocalDate AsOf, string Account, string Model)>
    {
        public static readonly SnapshotKeyComparer Instance = new();

        public int Compare((LocalDate AsOf, string Account, string Model) x, (LocalDate AsOf, string Account, string Model) y)
        {
            int c = x.AsOf.CompareTo(y.AsOf);
            c = c != 0 ? c : string.CompareOrdinal(x.Account, y.Account);
            return c != 0 ? c : string.CompareOrdinal(x.Model, y.Model);
        }
    }
}
