using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Where raised alerts are kept, so that a rule's cooldown holds across runs and restarts (an alert is raised once, and
/// not again until its cooldown ends). Implemented in memory (<see cref="InMemoryAlertLog"/>) and by the storage packages.
/// </summary>
public interface IAlertLog
{
    /// <summary>Records alerts, all or none; an alert whose identity and instant are recorded already is not written again.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is recorded then.</param>
    /// <returns>How many were new.</returns>
    ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>The alerts recorded, by when raised, then identity (rule, account, key; ordinal).</summary>
    /// <param name="openOnly">Only those not acknowledged.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts.</returns>
    ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly, CancellationToken cancellationToken = default);

    /// <summary>The latest alert of every identity raised at or before an instant: what cooldowns are measured from.</summary>
    /// <param name="asOf">The instant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One alert per identity, in the order of <see cref="GetAlertsAsync"/>.</returns>
    ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges an open alert.</summary>
    /// <param name="identity">The alert's identity.</param>
    /// <param name="raisedAt">When it was raised.</param>
    /// <param name="by">Who acknowledges it.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when an open alert was acknowledged; <see langword="false"/> when there was none.</returns>
    ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at, CancellationToken cancellationToken = default);
}
