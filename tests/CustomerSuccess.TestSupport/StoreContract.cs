using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using CustomerSuccess.SuccessPlans;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Testing;

/// <summary>
/// The one contract every store passes (issue 18, docs/storage.md): what is written reads back exactly, writing again
/// duplicates nothing and replaces nothing, a run is recorded once per as-of date and all or nothing, overrides keep
/// their history, the alert log gives cooldowns their latest alert. A store's test class derives from this and says how
/// to open a fresh store and how to open the same store again (a new process would).
/// </summary>
public abstract class StoreContract
{
    protected static readonly LocalDate Day1 = new(2026, 11, 16);
    protected static readonly LocalDate Day2 = new(2026, 11, 17);
    protected static readonly Instant T0 = Instant.FromUtc(2026, 11, 16, 9, 0);

    /// <summary>A store with nothing in it.</summary>
    protected abstract StoreUnderTest OpenNew();

    /// <summary>The same store opened again, as another process or the next run would.</summary>
    protected abstract StoreUnderTest Reopen(StoreUnderTest store);

    [Property(MaxTest = 40)]
    public Property RecordSnapshots_ReadsBackExactly_WhateverTheScoresAndSignals(PositiveInt seed)
    {
        StoreUnderTest store = OpenNew();
        ScoreSnapshot[] written = [.. Enumerable.Range(0, 1 + (seed.Get % 9)).Select(i => Snapshot($"acct-{i:D2}", Day1, seed.Get + i))];

        int added = store.Snapshots.RecordSnapshotsAsync(written).AsTask().Result;
        IReadOnlyList<ScoreSnapshot> read = Reopen(store).Snapshots.GetSnapshotsAsync(Day1, Day1).AsTask().Result;

        return (added == written.Length && read.SequenceEqual(written.OrderBy(s => s.Account.Value, StringComparer.Ordinal)))
            .Label($"added {added} of {written.Length}; read {string.Join(" | ", read)}");
    }

    [Fact]
    public async Task RecordSnapshots_Again_DuplicatesAndReplacesNothing()
    {
        StoreUnderTest store = OpenNew();
        ScoreSnapshot first = Snapshot("acct-a", Day1, 7);
        await store.Snapshots.RecordSnapshotsAsync([first]);

        int again = await store.Snapshots.RecordSnapshotsAsync([Snapshot("acct-a", Day1, 8), first]);

        Assert.Equal(0, again);
        Assert.Equal([first], await store.Snapshots.GetHistoryAsync(new AccountId("acct-a"), Day1, Day1));
    }

    // A history is read row after row, each row's texts taken from the row before when they are the same bytes: rows whose
    // models, bands, signals and reasons change from day to day (some of them not ASCII) read back exactly, as do two models a day.
    [Property(MaxTest = 25)]
    public Property GetHistory_ReadsBackEveryDayExactly_AsTheTextsChangeFromRowToRow(PositiveInt seed)
    {
        StoreUnderTest store = OpenNew();
        int days = 1 + (seed.Get % 30);
        ScoreSnapshot[] written = [.. Enumerable.Range(0, days).SelectMany(d => new[]
        {
            Snapshot("acct-a", Day1.PlusDays(d), seed.Get + d),
            Snapshot("acct-b", Day1.PlusDays(d), seed.Get - d),
            Renamed(Snapshot("acct-a", Day1.PlusDays(d), seed.Get * 7 + d), d % 3 == 0 ? "modèle-β" : "second"),
        })];
        store.Snapshots.RecordSnapshotsAsync(written).AsTask().Wait();

        IReadOnlyList<ScoreSnapshot> read = Reopen(store).Snapshots.GetHistoryAsync(new AccountId("acct-a"), Day1, Day1.PlusDays(days - 1)).AsTask().Result;
        ScoreSnapshot[] expected = [.. written.Where(s => s.Account.Value == "acct-a").OrderBy(s => s.AsOf).ThenBy(s => s.ModelName, StringComparer.Ordinal)];

        return read.SequenceEqual(expected).Label($"read {read.Count} of {expected.Length}: {string.Join(" | ", read)}");
    }

    // Snapshots are kept four days at a time (days since 1970-01-01, divided by 4, rounded down): dates on both sides of
    // the epoch and of each period's edges read back in order, in a history and in a range, and a range within a period
    // gives only its own dates.
    [Fact]
    public async Task GetHistory_AndGetSnapshots_AcrossPeriodsAndTheEpoch_GiveEachDateInOrder()
    {
        StoreUnderTest store = OpenNew();
        LocalDate first = new(1969, 12, 27);
        ScoreSnapshot[] written = [.. Enumerable.Range(0, 10).SelectMany(d => new[] { Snapshot("acct-b", first.PlusDays(d), d), Snapshot("acct-a", first.PlusDays(d), 100 + d) })];
        await store.Snapshots.RecordSnapshotsAsync(written);

        IReadOnlyList<ScoreSnapshot> history = await store.Snapshots.GetHistoryAsync(new AccountId("acct-a"), first, first.PlusDays(9));
        IReadOnlyList<ScoreSnapshot> range = await store.Snapshots.GetSnapshotsAsync(first.PlusDays(3), first.PlusDays(4));

        Assert.Equal(written.Where(s => s.Account.Value == "acct-a"), history);
        Assert.Equal([.. written.Where(s => s.AsOf >= first.PlusDays(3) && s.AsOf <= first.PlusDays(4)).OrderBy(s => s.AsOf).ThenBy(s => s.Account.Value, StringComparer.Ordinal)], range);
        Assert.Equal([new LocalDate(1970, 1, 1)], (await store.Snapshots.GetHistoryAsync(new AccountId("acct-b"), new(1970, 1, 1), new(1970, 1, 1))).Select(s => s.AsOf));
    }

    [Fact]
    public async Task GetHistory_GivesOneAccountsDates_InOrder_WithinTheRange()
    {
        StoreUnderTest store = OpenNew();
        ScoreSnapshot[] all =
        [
            Snapshot("acct-a", Day2, 1), Snapshot("acct-b", Day1, 2), Snapshot("acct-a", Day1, 3), Snapshot("acct-a", Day2.PlusDays(1), 4),
        ];
        await store.Snapshots.RecordSnapshotsAsync(all);

        IReadOnlyList<ScoreSnapshot> history = await store.Snapshots.GetHistoryAsync(new AccountId("acct-a"), Day1, Day2);

        Assert.Equal([all[2], all[0]], history);
        Assert.Empty(await store.Snapshots.GetHistoryAsync(new AccountId("acct-z"), Day1, Day2));
    }

    [Fact]
    public async Task SetOverride_ClearsTheOpenOne_AtTheNewOnesInstant_AndKeepsBoth()
    {
        StoreUnderTest store = OpenNew();
        var account = new AccountId("acct-a");
        var first = new OverrideRecord(account, 80, "exec sponsor engaged", "dana", T0, T0 + Duration.FromDays(30));
        var second = new OverrideRecord(account, 35, "renewal at risk", "lee", T0 + Duration.FromDays(2), T0 + Duration.FromDays(10));
        var other = new OverrideRecord(new AccountId("acct-b"), 50, "new CSM", "dana", T0, T0 + Duration.FromDays(5));

        await store.Overrides.SetOverrideAsync(first);
        await store.Overrides.SetOverrideAsync(other);
        await store.Overrides.SetOverrideAsync(second);
        IReadOnlyList<OverrideRecord> all = await Reopen(store).Overrides.GetOverridesAsync();

        Assert.Equal([first.ClearAt(second.SetAt), second, other], all);
        Assert.False(all[0].AppliesAt(second.SetAt));
        Assert.True(all[1].AppliesAt(second.SetAt));
    }

    [Fact]
    public async Task ClearOverride_ClearsOnlyAnOpenOne_AndSaysWhetherItDid()
    {
        StoreUnderTest store = OpenNew();
        var account = new AccountId("acct-a");
        var set = new OverrideRecord(account, 80, "exec sponsor engaged", "dana", T0, T0 + Duration.FromDays(3));
        await store.Overrides.SetOverrideAsync(set);

        Assert.False(await store.Overrides.ClearOverrideAsync(account, T0 + Duration.FromDays(4))); // expired by then
        Assert.True(await store.Overrides.ClearOverrideAsync(account, T0 + Duration.FromDays(1)));
        Assert.False(await store.Overrides.ClearOverrideAsync(account, T0 + Duration.FromDays(2)));
        Assert.Equal([set.ClearAt(T0 + Duration.FromDays(1))], await store.Overrides.GetOverridesAsync());
    }

    [Fact]
    public async Task RecordAlerts_Again_DuplicatesNothing_AndKeepsKeysAndText()
    {
        StoreUnderTest store = OpenNew();
        Alert[] alerts = [Alert("r1", "acct-a", null, T0), Alert("r1", "acct-a", "user-7", T0), Alert("r2", "acct-b", null, T0 + Duration.FromHours(1))];

        Assert.Equal(3, await store.Alerts.RecordAlertsAsync(alerts));
        Assert.Equal(0, await store.Alerts.RecordAlertsAsync(alerts));

        IReadOnlyList<AlertRecord> read = await Reopen(store).Alerts.GetAlertsAsync(openOnly: false);
        Assert.Equal(alerts.Select(AlertRecord.Of), read);
    }

    [Fact]
    public async Task GetLatest_GivesEachIdentitysLatestAlert_AtOrBeforeTheInstant()
    {
        StoreUnderTest store = OpenNew();
        Alert early = Alert("r1", "acct-a", null, T0), late = Alert("r1", "acct-a", null, T0 + Duration.FromDays(3)), other = Alert("r1", "acct-b", null, T0 + Duration.FromDays(1));
        await store.Alerts.RecordAlertsAsync([late, early, other]);

        Assert.Equal([AlertRecord.Of(early), AlertRecord.Of(other)], await store.Alerts.GetLatestAsync(T0 + Duration.FromDays(2)));
        Assert.Equal([AlertRecord.Of(other), AlertRecord.Of(late)], await store.Alerts.GetLatestAsync(T0 + Duration.FromDays(3)));
    }

    [Fact]
    public async Task Acknowledge_ClosesAnOpenAlert_Once()
    {
        StoreUnderTest store = OpenNew();
        Alert alert = Alert("r1", "acct-a", "user-7", T0);
        await store.Alerts.RecordAlertsAsync([alert, Alert("r2", "acct-a", null, T0)]);

        Assert.True(await store.Alerts.AcknowledgeAsync(alert.Identity, alert.RaisedAt, "dana", T0 + Duration.FromHours(2)));
        Assert.False(await store.Alerts.AcknowledgeAsync(alert.Identity, alert.RaisedAt, "lee", T0 + Duration.FromHours(3)));

        IReadOnlyList<AlertRecord> open = await store.Alerts.GetAlertsAsync(openOnly: true);
        Assert.Equal(["r2"], open.Select(a => a.Identity.RuleId));
        AlertRecord closed = (await store.Alerts.GetAlertsAsync(openOnly: false)).Single(a => a.Identity == alert.Identity);
        Assert.Equal(AlertRecord.Of(alert).AcknowledgeAt(T0 + Duration.FromHours(2), "dana"), closed);
    }

    [Fact]
    public async Task RecordRun_OncePerAsOf_TheSecondRecordsNothing()
    {
        StoreUnderTest store = OpenNew();
        RunRecord run = Run(Day1);
        ScoreSnapshot[] snapshots = [Snapshot("acct-a", Day1, 1), Snapshot("acct-b", Day1, 2)];
        Alert[] alerts = [Alert("r1", "acct-a", null, T0)];

        Assert.True(await store.RecordRunAsync(run, snapshots, alerts));
        Assert.False(await store.RecordRunAsync(Run(Day1), [Snapshot("acct-c", Day1, 3)], [Alert("r9", "acct-c", null, T0)]));

        StoreUnderTest again = Reopen(store);
        Assert.Equal(run, await again.GetRunAsync(Day1));
        Assert.Null(await again.GetRunAsync(Day2));
        Assert.Equal(snapshots, await again.Snapshots.GetSnapshotsAsync(Day1, Day1));
        Assert.Equal(alerts.Select(AlertRecord.Of), await again.Alerts.GetAlertsAsync(openOnly: false));
    }

    [Fact]
    public async Task RecordRun_ThatFailsHalfway_LeavesTheStoreAsItWas()
    {
        StoreUnderTest store = OpenNew();
        await store.RecordRunAsync(Run(Day1), [Snapshot("acct-a", Day1, 1)], []);

        // The second snapshot is null: the run fails after the run row and the first snapshot were written.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.RecordRunAsync(Run(Day2), [Snapshot("acct-a", Day2, 2), null!], [Alert("r1", "acct-a", null, T0)]).AsTask());

        StoreUnderTest again = Reopen(store);
        Assert.Null(await again.GetRunAsync(Day2));
        Assert.Empty(await again.Snapshots.GetSnapshotsAsync(Day2, Day2));
        Assert.Empty(await again.Alerts.GetAlertsAsync(openOnly: false));
        Assert.True(await again.RecordRunAsync(Run(Day2), [Snapshot("acct-a", Day2, 2)], []));
    }

    [Fact]
    public async Task RecordModel_KeepsItUnderItsHash_Once_AndGivesItBackForItsSnapshots()
    {
        StoreUnderTest store = OpenNew();
        HealthModel model = Model(0.3);
        ScoreSnapshot scored = ScoredWith(model, "acct-a");

        Assert.True(await store.Snapshots.RecordModelAsync(model));
        Assert.False(await store.Snapshots.RecordModelAsync(model));
        HealthModel? read = await Reopen(store).Snapshots.GetModelAsync(scored);

        Assert.NotNull(read);
        Assert.Equal(model.Name, read.Name);
        Assert.Equal(HealthModelJson.Serialize(model), HealthModelJson.Serialize(read));
        Assert.Null(await store.Snapshots.GetModelAsync(ScoredWith(Model(0.4), "acct-a")));
    }

    [Fact]
    public async Task RecordRun_RecordsItsModels_AllOrNothingWithTheRun()
    {
        StoreUnderTest store = OpenNew();
        HealthModel kept = Model(0.3), lost = Model(0.4);

        Assert.True(await store.RecordRunAsync(Run(Day1), [ScoredWith(kept, "acct-a")], [], [kept]));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.RecordRunAsync(Run(Day2), [ScoredWith(lost, "acct-a"), null!], [], [lost]).AsTask());

        StoreUnderTest again = Reopen(store);
        Assert.NotNull(await again.Snapshots.GetModelAsync(ScoredWith(kept, "acct-b")));
        Assert.Null(await again.Snapshots.GetModelAsync(ScoredWith(lost, "acct-a")));
    }

    [Fact]
    public async Task SavePlan_KeepsEveryChangeAsAVersion_AndSavingTheSamePlanAddsNone()
    {
        StoreUnderTest store = OpenNew();
        SuccessPlan first = Plan("Cut the close from 10 days to 5"), changed = Plan("Cut the close from 10 days to 4");

        PlanVersion v1 = await store.Plans.SavePlanAsync(first, T0);
        PlanVersion again = await store.Plans.SavePlanAsync(first, T0 + Duration.FromDays(1));
        PlanVersion v2 = await store.Plans.SavePlanAsync(changed, T0 + Duration.FromDays(2));

        Assert.Equal((1, 1, 2), (v1.Version, again.Version, v2.Version));
        Assert.Equal(v1, again);
        IReadOnlyList<PlanVersion> versions = await Reopen(store).Plans.GetPlanVersionsAsync("plan-1");
        Assert.Equal([v1, v2], versions);
        Assert.Equal(SuccessPlanJson.Serialize(changed), SuccessPlanJson.Serialize(versions[1].ToPlan()));
        Assert.Empty(await store.Plans.GetPlanVersionsAsync("plan-2"));
    }

    [Fact]
    public async Task RecordMeasurements_ByDate_TheFirstOfADateStands()
    {
        StoreUnderTest store = OpenNew();
        Measurement[] first = [new(new LocalDate(2026, 9, 30), 14.5), new(new LocalDate(2026, 7, 31), 18)];

        Assert.Equal(2, await store.Plans.RecordMeasurementsAsync("plan-1", "Days to close", first));
        Assert.Equal(1, await store.Plans.RecordMeasurementsAsync("plan-1", "Days to close", [new(new LocalDate(2026, 9, 30), 99), new(new LocalDate(2026, 10, 31), 12.25)]));

        Assert.Equal(
            [new Measurement(new LocalDate(2026, 7, 31), 18), new Measurement(new LocalDate(2026, 9, 30), 14.5), new Measurement(new LocalDate(2026, 10, 31), 12.25)],
            await Reopen(store).Plans.GetMeasurementsAsync("plan-1", "Days to close"));
        Assert.Empty(await store.Plans.GetMeasurementsAsync("plan-1", "Other metric"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.Plans.RecordMeasurementsAsync("plan-1", "Days to close", [new(new LocalDate(2026, 11, 30), double.NaN)]).AsTask());
    }

    protected static SuccessPlan Plan(string purpose)
    {
        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder("plan-1", new AccountId("financiality"));
        plan.Purpose = purpose;
        plan.Bullseye = new CustomerBullseye("Close faster", ["Reconcile", "Report"]);
        plan.AddMetric(new PlanMetric("Days to close", "days", MetricDirection.LowerIsBetter, "Business days from month end to the signed close", "ERP", 10, new LocalDate(2026, 6, 30), 5, new LocalDate(2026, 12, 31)));
        return plan.Build();
    }

    /// <summary>A small model of two signals and a gate; the weight of the first tells models apart.</summary>
    protected static HealthModel Model(double usageWeight) =>
        HealthModel.CreateBuilder("renewal-risk")
            .AddSignal(new HealthSignalDefinition(new SignalId("usage.logins"), Curve.Linear(0, 20), weight: usageWeight))
            .AddSignal(new HealthSignalDefinition(new SignalId("nps.latest"), Curve.Piecewise(new CurvePoint(0, 0), new CurvePoint(10, 100)), weight: 1 - usageWeight))
            .AddGate(new HealthGate(new SignalId("nps.latest"), GateComparison.Below, 3, GateEffect.Cap, 40, "detractor"))
            .Build();

    /// <summary>A snapshot of an account scored with a model on <see cref="Day1"/>: its name and hash, no signals.</summary>
    /// <summary>The snapshot as another model scored it.</summary>
    protected static ScoreSnapshot Renamed(ScoreSnapshot snapshot, string model) =>
        new(snapshot.Account, snapshot.AsOf, model, snapshot.ModelHash, snapshot.Score, snapshot.Band, snapshot.Signals, snapshot.Adjustments);

    protected static ScoreSnapshot ScoredWith(HealthModel model, string account) =>
        new(new AccountId(account), Day1, model.Name, ScoreSnapshot.HashOf(model), 50, "yellow", [], []);

    /// <summary>A snapshot whose every part varies with a seed: missing signals, undefined scores, gates, overrides.</summary>
    protected static ScoreSnapshot Snapshot(string account, LocalDate asOf, int seed)
    {
        var random = new Random(seed);
        int signals = random.Next(0, 9);
        var parts = new List<SignalSnapshot>();
        for (int i = 0; i < signals; i++)
        {
            bool missing = random.Next(4) == 0;
            double weight = random.NextDouble() / 3;
            double? curve = missing ? null : random.NextDouble() * 100;
            parts.Add(new SignalSnapshot(new SignalId($"signal.{i}"),
                missing ? SignalValue.Missing(random.Next(3) == 0 ? $"aucun événement pour le signal {i} en 30 jours ☕" : $"no events for signal {i} in 30 days; O'Brien's \"quoted\" reason") : SignalValue.Of((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12))),
                curve, weight, curve is { } c ? c * weight : 0));
        }

        bool undefined = signals == 0 || random.Next(6) == 0;
        var adjustments = new List<ScoreAdjustment>();
        if (!undefined && random.Next(3) == 0)
        {
            adjustments.Add(new ScoreAdjustment(AdjustmentKind.Gate, "an open P1 ticket caps the score at 40", -random.NextDouble() * 20));
        }

        if (!undefined && random.Next(4) == 0)
        {
            adjustments.Add(new ScoreAdjustment(AdjustmentKind.Override, "CSM: exec sponsor left", random.NextDouble() * 10));
        }

        double? score = undefined ? null : random.Next(5) == 0 ? 100 : random.NextDouble() * 100;
        return new ScoreSnapshot(new AccountId(account), asOf, "default", "9f2c" + seed.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            score, score is { } s ? (s >= 70 ? (seed % 5 == 0 ? "grün" : "green") : s >= 40 ? "yellow" : "red") : null, parts, adjustments);
    }

    protected static Alert Alert(string rule, string account, string? key, Instant at) =>
        new(new AlertIdentity(rule, new AccountId(account), key), RuleKind.Risk, AlertSeverity.Danger, at, $"{account}: 5 support cases in 7 days ({rule})", []);

    [Fact]
    public async Task AccountState_ReadsBackExactly_AndEachWriteRaisesItsVersion()
    {
        StoreUnderTest store = OpenNew();
        var account = new AccountId("acct-live");
        byte[] first = [0, 1, 2, 255, 0, 7];
        byte[] second = [.. Enumerable.Range(0, 70_000).Select(i => (byte)((i * 31) % 256))]; // past any page or packet

        Assert.Null(await store.States.ReadStateAsync("account", account));
        Assert.Equal(1, await store.States.WriteStateAsync("account", account, first, null));
        Assert.Equal(2, await store.States.WriteStateAsync("account", account, second, 1));
        await store.States.WriteStateAsync("other", account, first, null); // another kind, its own row

        AccountStateDocument read = (await Reopen(store).States.ReadStateAsync("account", account))!;
        Assert.Equal(2, read.Version);
        Assert.Equal(second, read.Document.ToArray());
        Assert.Equal(first, (await Reopen(store).States.ReadStateAsync("other", account))!.Document.ToArray());
    }

    [Fact]
    public async Task AccountState_WrittenOverAnotherVersion_IsRefused_AndNothingChanges()
    {
        StoreUnderTest store = OpenNew();
        var account = new AccountId("acct-raced");
        await store.States.WriteStateAsync("account", account, new byte[] { 1 }, null);
        await store.States.WriteStateAsync("account", account, new byte[] { 2 }, 1);

        var stale = await Assert.ThrowsAsync<AccountStateConflictException>(() => store.States.WriteStateAsync("account", account, new byte[] { 3 }, 1).AsTask());
        Assert.Equal((1L, 2L), (stale.Expected, stale.Found));
        await Assert.ThrowsAsync<AccountStateConflictException>(() => store.States.WriteStateAsync("account", account, new byte[] { 4 }, null).AsTask());
        await Assert.ThrowsAsync<AccountStateConflictException>(() => store.States.ClearStateAsync("account", account, 1).AsTask());
        Assert.Contains("acct-raced", stale.Message, StringComparison.Ordinal);

        AccountStateDocument read = (await Reopen(store).States.ReadStateAsync("account", account))!;
        Assert.Equal(2, read.Version);
        Assert.Equal([2], read.Document.ToArray());
    }

    [Fact]
    public async Task AccountState_Cleared_AtItsVersion_IsGone_AndStartsAgainAtOne()
    {
        StoreUnderTest store = OpenNew();
        var account = new AccountId("acct-cleared");
        await store.States.WriteStateAsync("account", account, new byte[] { 9 }, null);

        await store.States.ClearStateAsync("account", account, 1);
        await store.States.ClearStateAsync("account", account, null); // nothing stored, nothing expected: nothing to do

        Assert.Null(await Reopen(store).States.ReadStateAsync("account", account));
        Assert.Equal(1, await store.States.WriteStateAsync("account", account, new byte[] { 8 }, null));
    }

    protected static RunRecord Run(LocalDate asOf) =>
        new(Guid.NewGuid(), asOf, T0, T0 + Duration.FromSeconds(3), new Dictionary<string, long> { ["accounts_scored"] = 2, ["new_alerts"] = 1, ["green"] = 1 });
}

/// <summary>A store as the contract sees it: its five interfaces and its run recording.</summary>
public sealed class StoreUnderTest(IScoreSnapshotStore snapshots, IOverrideStore overrides, IAlertLog alerts, IPlanStore plans, IAccountStateStore states,
    Func<RunRecord, IReadOnlyList<ScoreSnapshot>, IReadOnlyList<Alert>, IReadOnlyList<HealthModel>, ValueTask<bool>> recordRun, Func<LocalDate, ValueTask<RunRecord?>> getRun)
{
    public IPlanStore Plans { get; } = plans;

    public IScoreSnapshotStore Snapshots { get; } = snapshots;

    public IOverrideStore Overrides { get; } = overrides;

    public IAlertLog Alerts { get; } = alerts;

    public IAccountStateStore States { get; } = states;

    public ValueTask<bool> RecordRunAsync(RunRecord run, IReadOnlyList<ScoreSnapshot> snapshots, IReadOnlyList<Alert> alerts, IReadOnlyList<HealthModel>? models = null) =>
        recordRun(run, snapshots, alerts, models ?? []);

    public ValueTask<RunRecord?> GetRunAsync(LocalDate asOf) => getRun(asOf);
}
