using System;
using Cluster;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Demo;
using CustomerSuccess.Signals;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Streams;
using Xunit;

namespace CustomerSuccess.Orleans.Tests;

/// <summary>Account grains on three silos: the demo's 90 days of events raise the batch command's alerts, on the same days.</summary>
[Collection(ThreeSilos.Name)]
public sealed class AccountGrainTests(ClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Instant End = DemoFacts.AsOf;
    private static readonly Instant Start = End - Duration.FromDays(DemoEvents.Days);

    private static Instant DayEnd(int day) => Start + Duration.FromDays(day + 1);

    [Fact]
    public async Task DemoEvents_FedDayByDay_RaiseTheBatchAlerts_OnTheSameDays()
    {
        RuleSet rules = RuleSet.Parse(DemoRules.Text);
        AccountId[] withFacts = [.. DemoPortfolio.Facts.Keys.Order()];

        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The batch command's way, once a day: every event and fact, as of each day's end, cooldowns from what it raised.
        var evaluator = new BehaviorEvaluator(EventStore.Create(DemoPortfolio.Events), Behaviors.AccountFacts.Create(DemoPortfolio.RuleFacts));
        var raisedBefore = new List<Alert>();
        var expected = new List<string>();
        for (int day = 0; day < DemoEvents.Days; day++)
        {
            IReadOnlyList<Alert> raised = evaluator.Alerts(rules, new SignalContext(DayEnd(day), DateTimeZone.Utc), raisedBefore, withFacts);
            raisedBefore.AddRange(raised);
            expected.AddRange(raised.Select(a => Line(day, a.RuleId, a.Account.Value, a.Key, a.Message, a.EvidenceText())));
        }

        output.WriteLine($"batch: {clock.Elapsed}");
        clock.Restart();

        // The grains' way: facts first, then each day's events to their accounts, then the clock to the day's end.
        IGrainFactory grains = fixture.Cluster.Client;
        await Task.WhenAll(DemoPortfolio.RuleFacts.GroupBy(f => f.Account).Select(g =>
            grains.GetGrain<IAccountGrain>(g.Key.Value).RecordFactsAsync(g.ToDictionary(f => f.Fact, f => f.Value))));
        ILookup<int, BehaviorEvent> byDay = DemoPortfolio.Events.ToLookup(DayOf);
        var existing = new SortedSet<AccountId>(withFacts);
        var actual = new ConcurrentBag<string>();
        for (int day = 0; day < DemoEvents.Days; day++)
        {
            await Task.WhenAll(byDay[day].GroupBy(e => e.Account).Select(g =>
            {
                lock (existing)
                {
                    existing.Add(g.Key);
                }

                return grains.GetGrain<IAccountGrain>(g.Key.Value).RecordEventsAsync([.. g]);
            }));

            int today = day;
            await Task.WhenAll(existing.Select(async account =>
            {
                foreach (AccountAlert a in await grains.GetGrain<IAccountGrain>(account.Value).AdvanceToAsync(DayEnd(today)))
                {
                    actual.Add(Line(today, a.RuleId, a.Account, a.Key, a.Message, a.Evidence));
                }
            }));
        }

        output.WriteLine($"grains: {clock.Elapsed}, {expected.Count} alerts");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        // The grains forgot what the rules cannot read again (60 days back is the longest window), and kept the rest.
        AccountStatus busiest = await grains.GetGrain<IAccountGrain>(DemoPortfolio.Events.GroupBy(e => e.Account).MaxBy(g => g.Count())!.Key.Value).GetStatusAsync();
        Assert.True(busiest.EventsCompacted > 0, $"{busiest.EventsKept} kept, {busiest.EventsCompacted} compacted");
        Assert.NotNull(busiest.Score?.Value);
    }

    [Fact]
    public async Task AccountGrain_DeactivatedAndReactivated_KeepsItsScoreAndCooldowns_AndPublishesItsAlerts()
    {
        var account = new AccountId("probe-reactivated");
        IAccountGrain grain = fixture.Cluster.Client.GetGrain<IAccountGrain>(account.Value);
        Instant at = Instant.FromUtc(2026, 6, 1, 12, 0);
        var received = new ConcurrentQueue<AccountAlert>();
        IAsyncStream<AccountAlert> stream = fixture.Cluster.Client.GetStreamProvider(CustomerSuccessCluster.StreamProviderName)
            .GetStream<AccountAlert>(CustomerSuccessCluster.AlertStreamOf(account, new CustomerSuccessClusterOptions().AlertStreamPartitions));
        StreamSubscriptionHandle<AccountAlert> subscription = await stream.SubscribeAsync((alert, _) =>
        {
            received.Enqueue(alert);
            return Task.CompletedTask;
        });

        try
        {
            await grain.RecordEventsAsync([.. Enumerable.Range(0, 5).Select(i => new BehaviorEvent(account, "support_case_opened", at - Duration.FromHours(i + 1), 2, id: $"case{i}"))
                .Concat(Enumerable.Range(0, 12).Select(i => new BehaviorEvent(account, "login", at - Duration.FromDays(i), 1, "u1")))]);
            IReadOnlyList<AccountAlert> first = await grain.AdvanceToAsync(at);
            Assert.Contains(first, a => a.RuleId == "support_case_spike" && a.Severity == "danger");
            AccountStatus before = await grain.GetStatusAsync();

            await fixture.Cluster.DeactivateAsync(grain);
            AccountStatus after = await grain.GetStatusAsync();

            Assert.Equal(before.LastRaised, after.LastRaised);
            Assert.Equal(before.Score!.Value, after.Score!.Value);
            Assert.Equal(60, after.Score.Value!.Value, 9); // 12 logins in 30 days on a 0-20 line
            Assert.Equal(before.Score.Explanation, after.Score.Explanation);
            Assert.Equal((before.Clock, before.EventsKept), (after.Clock, after.EventsKept));

            // The cooldown (7 days) outlived the activation: a day later the spike still holds and stays quiet.
            Assert.DoesNotContain(await grain.AdvanceToAsync(at + Duration.FromDays(1)), a => a.RuleId == "support_case_spike");
            await Eventually(() => received.Any(a => a.Account == account.Value && a.RuleId == "support_case_spike"));
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task AccountGrain_AnotherAccountsEvent_AClockGoingBack_OrAnEventOutOfRange_IsRefused()
    {
        IAccountGrain grain = fixture.Cluster.Client.GetGrain<IAccountGrain>("probe-refuses");
        Instant at = Instant.FromUtc(2026, 6, 1, 12, 0);

        Exception wrong = await Assert.ThrowsAnyAsync<ArgumentException>(() => grain.RecordEventsAsync([new BehaviorEvent(new AccountId("someone-else"), "login", at)]));
        Assert.Contains("'someone-else'", wrong.Message, StringComparison.Ordinal);
        await grain.AdvanceToAsync(at);
        Exception back = await Assert.ThrowsAnyAsync<ArgumentException>(() => grain.AdvanceToAsync(at - Duration.FromSeconds(1)));
        Assert.Contains("its clock only moves forward", back.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordEventsAsync(
            [new BehaviorEvent(new AccountId("probe-refuses"), "login", at), new BehaviorEvent(new AccountId("probe-refuses"), "login", Instant.FromUtc(2500, 1, 1, 0, 0))]));
        Assert.Equal(0, (await grain.GetStatusAsync()).EventsKept); // the batch with an event the store cannot hold left nothing behind
    }

    private static int DayOf(BehaviorEvent e) => Math.Clamp((int)Math.Ceiling((e.OccurredAt - Start).TotalDays) - 1, 0, DemoEvents.Days - 1);

    private static string Line(int day, string rule, string account, string? key, string message, string evidence) =>
        $"day {day:D2} {rule} {account} {key} | {message} | {evidence}";

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the alert did not arrive on its stream within 5 seconds");
    }
}

/// <summary>The silo checks its options when it starts: a rule set that does not parse stops it, naming the option.</summary>
public sealed class ClusterOptionsTests
{
    [Fact]
    public async Task Silo_WithRulesThatDoNotParse_DoesNotStart()
    {
        await using var cluster = ClusterFixture.Build(1, o => o.Rules = "rule broken risk danger when count(login, last 7d) >=");

        Exception e = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());

        Assert.Contains("CustomerSuccessClusterOptions.Rules", e.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>The grain state read back through the JSON serializer most storage providers default to (the ADO.NET one too).</summary>
public sealed class AccountGrainJsonStorageTests
{
    [Fact]
    public async Task AccountGrain_KeptAsJson_ReadsBackTheSameStatus()
    {
        await using var cluster = ClusterFixture.Build(1, jsonStorage: true);
        await cluster.DeployAsync();
        var account = new AccountId("probe-json");
        IAccountGrain grain = cluster.Client.GetGrain<IAccountGrain>(account.Value);
        Instant at = Instant.FromUtc(2026, 6, 1, 12, 0, 0) + Duration.FromNanoseconds(123);
        await grain.RecordFactsAsync(new System.Collections.Generic.Dictionary<string, decimal> { ["days_past_due"] = 45.5m, ["oldest_open_p1_p2_case_days"] = 12 });
        await grain.RecordEventsAsync([.. Enumerable.Range(0, 7).Select(i => new BehaviorEvent(account, "login", at - Duration.FromDays(i), 1, $"u{i % 2}"))]);
        Assert.Contains(await grain.AdvanceToAsync(at), a => a.RuleId == "overdue_with_open_p1");
        AccountStatus before = await grain.GetStatusAsync();

        await cluster.DeactivateAsync(grain);
        AccountStatus after = await grain.GetStatusAsync();

        Assert.Equal(before.Clock, after.Clock);
        Assert.EndsWith(".000000123Z", after.Clock, StringComparison.Ordinal); // every nanosecond kept
        Assert.Equal(before.Facts, after.Facts);
        Assert.Equal(before.LastRaised, after.LastRaised);
        Assert.Equal(before.EventsKept, after.EventsKept);
        Assert.Equal(before.Score!.Explanation, after.Score!.Explanation);
        Assert.Equal(35, after.Score.Value!.Value, 9); // 7 logins in 30 days on a 0-20 line
    }
}

/// <summary>With the project's SQLite store as the silo's alert log, what the grains raise is recorded there, once.</summary>
public sealed class AccountGrainAlertLogTests
{
    [Fact]
    public async Task AccountGrain_WithTheStoreAsAlertLog_RecordsWhatItRaises_WithItsEvidence()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cs-orleans-{Guid.NewGuid():N}.db");
        var store = new CustomerSuccess.Storage.Sqlite.SqliteStore(path);
        try
        {
            await using var cluster = ClusterFixture.Build(1, more: silo => silo.Services.AddSingleton<IAlertLog>(store));
            await cluster.DeployAsync();
            var account = new AccountId("probe-logged");
            IAccountGrain grain = cluster.Client.GetGrain<IAccountGrain>(account.Value);
            Instant at = Instant.FromUtc(2026, 6, 1, 12, 0);
            await grain.RecordEventsAsync([.. Enumerable.Range(0, 6).Select(i => new BehaviorEvent(account, "support_case_opened", at - Duration.FromHours(i + 1), 1, id: $"case{i}"))]);

            AccountAlert raised = Assert.Single(await grain.AdvanceToAsync(at), a => a.RuleId == "support_case_spike");
            await grain.AdvanceToAsync(at + Duration.FromDays(1)); // within the cooldown: nothing new

            AlertRecord recorded = Assert.Single(await store.GetAlertsAsync(openOnly: true), a => a.Identity.Account == account);
            Assert.Equal(at, recorded.RaisedAt);
            Assert.Equal("support_case_spike", recorded.Identity.RuleId);
            Assert.Equal(raised.Evidence, recorded.Evidence);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
        }
    }
}

/// <summary>
/// Rules that read all history (counts and sums over <c>ever</c>, per user, <c>since_last</c>, <c>distinct_days</c>): the
/// grains keep a week of events and running sums of the rest, and raise the batch alerts on the same days.
/// </summary>
public sealed class AccountGrainAllHistoryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Rules = """
        rule loyal_user opportunity info cooldown forever per_user when count(login, ever) >= 60
        rule gone_quiet risk warning cooldown 14d when since_last(login) > 3d
        rule power_account opportunity info cooldown 30d when sum(feature_use, ever) >= 250 and distinct_days(feature_use, ever) >= 40
        rule new_heavy_user trigger info cooldown forever when users(any, ever, performed(export, ever) and count(login, ever) >= 20)
        rule case_spike risk danger cooldown 7d when count(support_case_opened, last 7d) >= 3
        """;

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);

    [Fact]
    public async Task RulesOverAllHistory_KeepAWeekAndRunningSums_AndRaiseTheBatchAlerts()
    {
        const int Days = 150;
        BehaviorEvent[] events = [.. History(Days)];
        RuleSet rules = RuleSet.Parse(Rules);
        AccountId[] accounts = [.. events.Select(e => e.Account).Distinct().Order()];

        var evaluator = new BehaviorEvaluator(EventStore.Create(events));
        var raisedBefore = new List<Alert>();
        var expected = new List<string>();
        for (int day = 0; day < Days; day++)
        {
            IReadOnlyList<Alert> raised = evaluator.Alerts(rules, new SignalContext(Start + Duration.FromDays(day + 1), DateTimeZone.Utc), raisedBefore);
            raisedBefore.AddRange(raised);
            expected.AddRange(raised.Select(a => $"{day} {a.RuleId} {a.Account} {a.Key} {a.EvidenceText()}"));
        }

        await using var cluster = ClusterFixture.Build(1, o => { o.Rules = Rules; o.Health = null; });
        await cluster.DeployAsync();
        ILookup<int, BehaviorEvent> byDay = events.ToLookup(e => (int)(e.OccurredAt - Start).TotalDays);
        var actual = new List<string>();
        for (int day = 0; day < Days; day++)
        {
            foreach (AccountId account in accounts)
            {
                IAccountGrain grain = cluster.Client.GetGrain<IAccountGrain>(account.Value);
                await grain.RecordEventsAsync([.. byDay[day].Where(e => e.Account == account)]);
                int today = day;
                actual.AddRange((await grain.AdvanceToAsync(Start + Duration.FromDays(day + 1))).Select(a => $"{today} {a.RuleId} {a.Account} {a.Key} {a.Evidence}"));
            }
        }

        Assert.Contains(expected, line => line.Contains("loyal_user", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("power_account", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("gone_quiet", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("new_heavy_user", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

        foreach (AccountId account in accounts)
        {
            AccountStatus status = await cluster.Client.GetGrain<IAccountGrain>(account.Value).GetStatusAsync();
            int total = events.Count(e => e.Account == account);
            output.WriteLine($"{account}: {total} events, {status.EventsKept} kept, {status.EventsTallied} in running sums, {status.EventsCompacted} compacted");
            Assert.True(status.EventsTallied > 0);
            // Kept: a week whole, each user's first and last login, and one feature use a day (distinct_days over all history).
            Assert.True(status.EventsKept * 3 < total, $"{account}: {status.EventsKept} of {total} kept");
            Assert.Equal(total, status.EventsKept + status.EventsCompacted);
        }
    }

    // Three accounts, 150 days: logins by four users most days, feature use with values, a few exports and bursts of cases.
    private static IEnumerable<BehaviorEvent> History(int days)
    {
        var random = new Random(20261203);
        foreach (string id in new[] { "steady", "fading", "bursty" })
        {
            var account = new AccountId(id);
            for (int day = 0; day < days; day++)
            {
                bool active = id != "fading" || day < 90 || day % 9 == 0;
                for (int u = 0; u < 4 && active; u++)
                {
                    if (random.Next(3) > 0)
                    {
                        yield return new BehaviorEvent(account, "login", Start + Duration.FromDays(day) + Duration.FromHours(8 + u), 1, $"u{u}", $"{id}-login-{day}-{u}");
                    }
                }

                if (active && random.Next(4) > 0)
                {
                    yield return new BehaviorEvent(account, "feature_use", Start + Duration.FromDays(day) + Duration.FromHours(14), random.Next(1, 6) + 0.25m, $"u{random.Next(4)}");
                }

                if (random.Next(40) == 0)
                {
                    yield return new BehaviorEvent(account, "export", Start + Duration.FromDays(day) + Duration.FromHours(16), 1, $"u{random.Next(4)}");
                }

                if (id == "bursty" && day % 30 < 3)
                {
                    yield return new BehaviorEvent(account, "support_case_opened", Start + Duration.FromDays(day) + Duration.FromHours(10), 1);
                }
            }
        }
    }
}

/// <summary>
/// The account grains' state in the project's own store (a SQLite file): a cluster stopped and another started on the
/// same file finds every grain's events, running sums, score and cooldowns there, and two writers never overwrite each
/// other unseen.
/// </summary>
public sealed class AccountGrainStoreStateTests
{
    // Orleans' grain type of AccountGrain, then the state's name.
    private const string Kind = "account/account";

    [Fact]
    public async Task GrainState_InTheSqliteStore_OutlivesTheCluster_WithScoreAndCooldowns()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cs-orleans-state-{Guid.NewGuid():N}.db");
        var store = new CustomerSuccess.Storage.Sqlite.SqliteStore(path);
        var account = new AccountId("probe-stored");
        Instant at = Instant.FromUtc(2026, 6, 1, 12, 0);
        try
        {
            AccountStatus before;
            await using (var first = ClusterFixture.Build(1, more: silo => silo.Services.AddSingleton<IAccountStateStore>(store), accountStateStore: true))
            {
                await first.DeployAsync();
                IAccountGrain grain = first.Client.GetGrain<IAccountGrain>(account.Value);
                await grain.RecordEventsAsync([.. Enumerable.Range(0, 6).Select(i => new BehaviorEvent(account, "support_case_opened", at - Duration.FromHours(i + 1), 1, id: $"case{i}"))]);
                await grain.RecordEventsAsync([.. Enumerable.Range(0, 12).Select(i => new BehaviorEvent(account, "login", at - Duration.FromDays(i), 1, "u1", $"login{i}"))]);
                Assert.Contains(await grain.AdvanceToAsync(at), a => a.RuleId == "support_case_spike");
                before = await grain.GetStatusAsync();
            }

            // The row is in the file, under the grain's type and state name, at the version of the last write.
            AccountStateDocument? stored = await new CustomerSuccess.Storage.Sqlite.SqliteStore(path).ReadStateAsync(Kind, account);
            Assert.NotNull(stored);
            Assert.True(stored.Version >= 2, $"version {stored.Version}");

            await using var second = ClusterFixture.Build(1, more: silo => silo.Services.AddSingleton<IAccountStateStore>(new CustomerSuccess.Storage.Sqlite.SqliteStore(path)), accountStateStore: true);
            await second.DeployAsync();
            IAccountGrain again = second.Client.GetGrain<IAccountGrain>(account.Value);
            AccountStatus after = await again.GetStatusAsync();
            Assert.Equal((before.Clock, before.EventsKept, before.Score?.Value, before.Score?.Band), (after.Clock, after.EventsKept, after.Score?.Value, after.Score?.Band));
            Assert.Equal(before.LastRaised, after.LastRaised);
            Assert.DoesNotContain(await again.AdvanceToAsync(at + Duration.FromDays(1)), a => a.RuleId == "support_case_spike"); // the cooldown held
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.File.Delete(path);
            System.IO.File.Delete(path + "-wal");
            System.IO.File.Delete(path + "-shm");
        }
    }

    [Fact]
    public async Task GrainStorage_OverTheStore_RefusesAWriteOverAnotherVersion()
    {
        var states = new InMemoryAccountStateStore();
        var account = new AccountId("probe-raced");
        await using var cluster = ClusterFixture.Build(1, more: silo => silo.Services.AddSingleton<IAccountStateStore>(states), accountStateStore: true);
        await cluster.DeployAsync();
        IAccountGrain grain = cluster.Client.GetGrain<IAccountGrain>(account.Value);
        await grain.RecordFactsAsync(new Dictionary<string, decimal> { ["days_past_due"] = 3 });

        // Another writer (a second activation elsewhere, a restore) writes the row behind this activation's back.
        const string kind = Kind;
        AccountStateDocument current = (await states.ReadStateAsync(kind, account))!;
        await states.WriteStateAsync(kind, account, current.Document, current.Version);

        // The activation's next write is refused (Orleans' InconsistentStateException); the grain then goes, and the
        // retry reads the stored state again and lands.
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordFactsAsync(new Dictionary<string, decimal> { ["days_past_due"] = 4 }));
        await grain.RecordFactsAsync(new Dictionary<string, decimal> { ["days_past_due"] = 5 });
        Assert.Equal(5, (await grain.GetStatusAsync()).Facts["days_past_due"]);
        Assert.Equal(current.Version + 2, (await states.ReadStateAsync(kind, account))!.Version);
    }
}
