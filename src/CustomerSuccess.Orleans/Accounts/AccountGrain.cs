using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace CustomerSuccess.Orleans;

// The account grain. Each evaluation rebuilds the account's small event store from the events it keeps and the running
// sums of those it compacted (EventCompactor: what the rules can still read; the law that this changes no answer is
// tested in Behaviors) and asks the library's
// evaluator, with the cooldowns from the alerts it raised: the same code, and so the same alerts, as the batch command.
internal sealed class AccountGrain : Grain, IAccountGrain
{
    private readonly IPersistentState<AccountGrainState> _state;
    private readonly AccountRuntime _runtime;
    private readonly IAlertLog? _log;
    private IAsyncStream<AccountAlert>? _alerts;

    // The evaluator over the events and facts kept, built again only after they change: a clock tick on an idle account
    // (the common case in a large portfolio) then costs the evaluation alone, not building an event store.
    private BehaviorEvaluator? _evaluator;

    // How many events the last compaction kept (in this activation): compacting again waits for a day or for twice as many.
    private int _keptAfterCompaction;

    public AccountGrain([PersistentState("account", CustomerSuccessCluster.StorageName)] IPersistentState<AccountGrainState> state, AccountRuntime runtime, IServiceProvider services)
    {
        _state = state;
        _runtime = runtime;
        _log = services.GetService<IAlertLog>();
    }

    private AccountId Account => new(this.GetPrimaryKeyString());

    private AccountGrainState State => _state.State;

    public async Task<IReadOnlyList<AccountAlert>> RecordEventsAsync(IReadOnlyList<BehaviorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        AccountId account = Account;
        long newest = long.MinValue;
        foreach (BehaviorEvent e in events)
        {
            if (e.Account != account)
            {
                throw new ArgumentException($"Account grain '{account}' was sent an event of account '{e.Account}' ({e.Name} at {e.OccurredAt}); send each event to its own account's grain.", nameof(events));
            }
        }

        // All or nothing: a batch the event store refuses (an event outside the years it holds) changes nothing here.
        _ = EventStore.Create(events);
        foreach (BehaviorEvent e in events)
        {
            long nanos = UnixNanos.Of(e.OccurredAt);
            State.Events.Add(new StoredEvent(e.Name, nanos, e.Value, e.UserId, e.Id));
            newest = Math.Max(newest, nanos);
        }

        _evaluator = events.Count > 0 ? null : _evaluator;

        if (!_runtime.EvaluateOnEvent || events.Count == 0)
        {
            await WriteAsync().ConfigureAwait(true);
            return [];
        }

        return await EvaluateAsync(Math.Max(newest, State.ClockNanos ?? long.MinValue)).ConfigureAwait(true);
    }

    public async Task<IReadOnlyList<AccountAlert>> RecordFactsAsync(IReadOnlyDictionary<string, decimal> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach ((string name, decimal value) in facts)
        {
            State.Facts[name] = value;
        }

        _evaluator = facts.Count > 0 ? null : _evaluator;

        if (!_runtime.EvaluateOnEvent || State.ClockNanos is not { } clock)
        {
            await WriteAsync().ConfigureAwait(true);
            return [];
        }

        return await EvaluateAsync(clock).ConfigureAwait(true);
    }

    public Task<IReadOnlyList<AccountAlert>> AdvanceToAsync(Instant asOf)
    {
        long nanos = UnixNanos.Of(asOf);
        if (State.ClockNanos is { } clock && nanos < clock)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"Account '{Account}' is already at {Format(clock)}; its clock only moves forward.");
        }

        return EvaluateAsync(nanos);
    }

    public Task<AccountStatus> GetStatusAsync() => Task.FromResult(new AccountStatus
    {
        Account = Account.Value,
        Clock = State.ClockNanos is { } clock ? Format(clock) : null,
        EventsKept = State.Events.Count,
        EventsCompacted = State.EventsCompacted,
        EventsTallied = State.Tallies.Sum(t => t.Count),
        Facts = new Dictionary<string, decimal>(State.Facts, StringComparer.Ordinal),
        LastRaised = State.Cooldowns.ToDictionary(c => c.Key is null ? c.RuleId : $"{c.RuleId}/{c.Key}", c => Format(c.RaisedAtNanos), StringComparer.Ordinal),
        Score = State.Score,
    });

    private async Task<IReadOnlyList<AccountAlert>> EvaluateAsync(long asOfNanos)
    {
        AccountId account = Account;
        Instant asOf = UnixNanos.ToInstant(asOfNanos);
        var context = new SignalContext(asOf, DateTimeZone.Utc);
        BehaviorEvaluator evaluator = _evaluator ??= new BehaviorEvaluator(
            EventStore.Create(Events(account), Tallies(account)),
            AccountFacts.Create(State.Facts.Select(f => (account, f.Key, f.Value))));

        IEnumerable<Alert> earlier = State.Cooldowns.Select(c =>
            new Alert(new AlertIdentity(c.RuleId, account, c.Key), RuleKind.Risk, AlertSeverity.Info, UnixNanos.ToInstant(c.RaisedAtNanos), string.Empty, []));
        IReadOnlyList<Alert> raised = _runtime.Rules.Count == 0 ? [] : evaluator.Alerts(_runtime.Rules, context, earlier, [account]);
        foreach (Alert alert in raised)
        {
            State.Cooldowns.RemoveAll(c => c.RuleId == alert.RuleId && c.Key == alert.Key);
            State.Cooldowns.Add(new Cooldown(alert.RuleId, alert.Key, asOfNanos));
        }

        if (_runtime.Health is { } health)
        {
            State.Score = Score(health(evaluator), account, context);
        }

        // The silo's alert log of record (the SQLite or PostgreSQL store, when registered) first: it takes an alert once
        // per identity and instant, so a retry after a failed state write records nothing twice.
        if (_log is not null && raised.Count > 0)
        {
            await _log.RecordAlertsAsync(raised).ConfigureAwait(true);
        }

        State.ClockNanos = asOfNanos;
        Compact(asOfNanos);
        await WriteAsync().ConfigureAwait(true);

        AccountAlert[] alerts = [.. raised.Select(AccountAlert.Of)];
        if (alerts.Length > 0 && _runtime.PublishAlerts)
        {
            _alerts ??= this.GetStreamProvider(CustomerSuccessCluster.StreamProviderName)
                .GetStream<AccountAlert>(CustomerSuccessCluster.AlertStreamOf(account, _runtime.Partitions));
            await _alerts.OnNextBatchAsync(alerts).ConfigureAwait(true);
        }

        return alerts;
    }

    // A write that fails leaves this activation ahead of its storage: it goes, and the next call reads the stored state
    // again, so the caller's retry finds what was stored and nothing half-recorded.
    private async Task WriteAsync()
    {
        try
        {
            await _state.WriteStateAsync().ConfigureAwait(true);
        }
        catch
        {
            _evaluator = null;
            DeactivateOnIdle();
            throw;
        }
    }

    // Forget what no rule can read again (EventCompactor: old events the rules read only as counts become running sums),
    // at most once a day of the account's clock, or sooner when the events kept have doubled: compacting is not needed
    // for exact answers, only for bounded memory, and each pass walks every event kept.
    private void Compact(long asOfNanos)
    {
        const long Day = 86_400_000_000_000;
        if (State.Events.Count == 0
            || (State.CompactedAtNanos is { } last && asOfNanos - last < Day && State.Events.Count < 2 * _keptAfterCompaction))
        {
            return;
        }

        AccountId account = Account;
        CompactedEvents compacted = _runtime.Compactor.Compact(Events(account), Tallies(account), UnixNanos.ToInstant(asOfNanos));
        State.CompactedAtNanos = asOfNanos;
        _keptAfterCompaction = compacted.Events.Count;
        if (compacted.Forgotten == 0)
        {
            return;
        }

        State.Events = [.. compacted.Events.Select(e => new StoredEvent(e.Name, UnixNanos.Of(e.OccurredAt), e.Value, e.UserId, e.Id))];
        State.Tallies = [.. compacted.Tallies.Select(t => new StoredTally(t.Name, t.UserId, t.Count, t.Sum))];
        State.EventsCompacted += compacted.Forgotten;
        _evaluator = null;
    }

    private IEnumerable<BehaviorEvent> Events(AccountId account) =>
        State.Events.Select(e => new BehaviorEvent(account, e.Name, UnixNanos.ToInstant(e.Nanos), e.Value, e.User, e.Id));

    private IEnumerable<EventTally> Tallies(AccountId account) =>
        State.Tallies.Select(t => new EventTally(account, t.Name, t.User, t.Count, t.Sum));

    private static AccountScore Score(HealthScorer<AccountId> scorer, AccountId account, in SignalContext context)
    {
        HealthExplanation explanation = scorer.Explain(account, context);
        return new AccountScore
        {
            Value = explanation.Score.HasValue ? explanation.Score.Value : null,
            Band = explanation.Score.Band?.Name,
            UndefinedBecause = explanation.UndefinedBecause,
            AsOf = InstantPattern.ExtendedIso.Format(context.AsOf),
            // An array, not a collection expression's hidden read-only type: JSON grain storage writes the type's name and must build it again.
            Explanation = explanation.Signals.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id}: raw {s.Raw}, contribution {s.Contribution:R}")).ToArray(),
        };
    }

    private static string Format(long nanos) => InstantPattern.ExtendedIso.Format(UnixNanos.ToInstant(nanos));
}
