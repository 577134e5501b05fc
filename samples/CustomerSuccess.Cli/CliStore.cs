using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>
/// The store a command was given, whichever engine: the capability packages' store interfaces and the storage packages'
/// runs (which the two packages offer alike, each on its own type: they do not reference each other).
/// </summary>
internal sealed class CliStore(
    string name,
    IScoreSnapshotStore snapshots,
    IOverrideStore overrides,
    IAlertLog alerts,
    Func<RunRecord, IReadOnlyList<ScoreSnapshot>, IReadOnlyList<Alert>, IReadOnlyList<HealthModel>, CancellationToken, ValueTask<bool>> recordRun,
    Func<LocalDate, CancellationToken, ValueTask<RunRecord?>> getRun)
{
    /// <summary>Gets how messages name the store: its path, or where a connection string points (never its password).</summary>
    public string Name { get; } = name;

    public ValueTask<bool> RecordRunAsync(RunRecord run, IReadOnlyList<ScoreSnapshot> snapshotsOfRun, IReadOnlyList<Alert> alertsOfRun, IReadOnlyList<HealthModel> models) =>
        recordRun(run, snapshotsOfRun, alertsOfRun, models, default);

    public ValueTask<RunRecord?> GetRunAsync(LocalDate asOf) => getRun(asOf, default);

    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last) => snapshots.GetHistoryAsync(account, first, last);

    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last) => snapshots.GetSnapshotsAsync(first, last);

    public ValueTask<HealthModel?> GetModelAsync(ScoreSnapshot snapshot) => snapshots.GetModelAsync(snapshot);

    public ValueTask SetOverrideAsync(OverrideRecord record) => overrides.SetOverrideAsync(record);

    public ValueTask<bool> ClearOverrideAsync(AccountId account, Instant at) => overrides.ClearOverrideAsync(account, at);

    public ValueTask<IReadOnlyList<OverrideRecord>> GetOverridesAsync() => overrides.GetOverridesAsync();

    public ValueTask<int> RecordAlertsAsync(IReadOnlyList<Alert> raised) => alerts.RecordAlertsAsync(raised);

    public ValueTask<IReadOnlyList<AlertRecord>> GetAlertsAsync(bool openOnly) => alerts.GetAlertsAsync(openOnly);

    public ValueTask<IReadOnlyList<AlertRecord>> GetLatestAsync(Instant asOf) => alerts.GetLatestAsync(asOf);

    public ValueTask<bool> AcknowledgeAsync(AlertIdentity identity, Instant raisedAt, string by, Instant at) => alerts.AcknowledgeAsync(identity, raisedAt, by, at);
}
