using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>An alert log in memory: for tests and for a process that keeps nothing between runs. Thread-safe.</summary>
public sealed class InMemoryAlertLog : IAlertLog
{
    private readonly object _gate = new();
    private readonly Dictionary<(AlertIdentity Identity, Instant RaisedAt), AlertRecord> _alerts = [];

    /// <inheritdoc/>
    public ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        AlertRecord[] records = [.. alerts.Select(AlertRecord.Of)]; // all checked before any is kept
        lock (_gate)
        {
            int added = 0;
            foreach (AlertRecord record in records)
            {
                added += _alerts.TryAdd((record.Identity, record.RaisedAt), record) ? 1 : 0;
            }

            return ValueTask.FromResult(added);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AlertRecord> all = [.. Ordered(_alerts.Values.Where(a => !openOnly || a.IsOpen))];
            return ValueTask.FromResult(all);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AlertRecord> latest = [.. Ordered(_alerts.Values.Where(a => a.RaisedAt <= asOf).GroupBy(a => a.Identity).Select(g => g.MaxBy(a => a.RaisedAt)!))];
            return ValueTask.FromResult(latest);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_alerts.TryGetValue((identity, raisedAt), out AlertRecord? record) || !record.IsOpen)
            {
                return ValueTask.FromResult(false);
            }

            _alerts[(identity, raisedAt)] = record.AcknowledgeAt(at, by);
            return ValueTask.FromResult(true);
        }
    }

    /// <summary>The order every alert log lists alerts in: when raised, then rule, account and key (ordinal; no key first).</summary>
    internal static IEnumerable<AlertRecord> Ordered(IEnumerable<AlertRecord> alerts) =>
        alerts.OrderBy(a => a.RaisedAt)
            .ThenBy(a => a.Identity.RuleId, StringComparer.Ordinal)
            .ThenBy(a => a.Identity.Account.Value, StringComparer.Ordinal)
            .ThenBy(a => a.Identity.Key ?? string.Empty, StringComparer.Ordinal);
}
