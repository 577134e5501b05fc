using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Evaluates predicates and rule sets over an <see cref="EventStore"/> and the caller's facts, point-in-time: as of an
/// instant, events after it do not exist, so evaluating a past instant gives today the answer it gave then.
/// </summary>
/// <remarks>Immutable and thread-safe when the facts are.</remarks>
public sealed class BehaviorEvaluator
{
    /// <summary>Initializes an evaluator.</summary>
    /// <param name="store">The events.</param>
    /// <param name="facts">The facts that <c>fact(name)</c> reads; none when <see langword="null"/>.</param>
    public BehaviorEvaluator(EventStore store, IAccountFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Facts = facts ?? AccountFacts.None;
    }

    // Fewer accounts than this in a part would cost more in coordination than they save.
    private const int MinPart = 1024;

    private readonly int _maxDegreeOfParallelism = 1;

    /// <summary>Gets the events.</summary>
    public EventStore Store { get; }

    /// <summary>
    /// Gets or initializes how many threads <see cref="Alerts"/> and <see cref="Segment"/> may judge accounts on at once
    /// (default 1). Accounts are judged independently and their results joined in account order, so the result is the same
    /// list at any count; more than 1 needs facts that can be read from several threads (the library's can).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one thread judges the accounts.");
    }

    /// <summary>Gets the facts.</summary>
    public IAccountFacts Facts { get; }

    /// <summary>Compiles a predicate against the store, once, for evaluating many accounts.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The compiled predicate.</returns>
    public CompiledPredicate Compile(BehaviorPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new CompiledPredicate(this, predicate);
    }

    /// <summary>Evaluates a predicate for one account, with the evidence of every leaf.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <param name="account">The account; one without events has counts of 0.</param>
    /// <param name="context">The as-of instant and the time zone of calendar windows.</param>
    /// <returns>The result.</returns>
    public PredicateResult Evaluate(BehaviorPredicate predicate, AccountId account, in SignalContext context) =>
        Compile(predicate).Evaluate(account, context);

    /// <summary>
    /// Evaluates a predicate over every account with an event at or before the as-of instant (and any others given) and returns the
    /// matches with their evidence, in account-id order. An account first seen later did not exist then and is not judged.
    /// </summary>
    /// <param name="predicate">The predicate.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="moreAccounts">Accounts to judge besides those with events, such as every account with facts.</param>
    /// <returns>The matching accounts.</returns>
    public IReadOnlyList<PredicateResult> Segment(BehaviorPredicate predicate, in SignalContext context, IEnumerable<AccountId>? moreAccounts = null) =>
        Compile(predicate).Segment(context, moreAccounts);

    /// <summary>
    /// Evaluates a rule set over every account with an event at or before the instant (and any others given). Alerts come in a stable
    /// order: by account id, then by the rule's position in the set, then by user id. A rule whose same alert (rule, account,
    /// user) was raised within its cooldown before the as-of instant, according to <paramref name="earlier"/>, stays quiet:
    /// the evaluator keeps no state of its own.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="earlier">Alerts raised before; only their identity and instant are read. Alerts raised after the as-of instant are ignored.</param>
    /// <param name="moreAccounts">Accounts to judge besides those with events.</param>
    /// <returns>The alerts.</returns>
    public IReadOnlyList<Alert> Alerts(RuleSet rules, in SignalContext context, IEnumerable<Alert>? earlier = null, IEnumerable<AccountId>? moreAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var lastRaised = new Dictionary<AlertIdentity, NodaTime.Instant>();
        foreach (Alert alert in earlier ?? [])
        {
            if (alert.RaisedAt <= context.AsOf && (!lastRaised.TryGetValue(alert.Identity, out NodaTime.Instant at) || at < alert.RaisedAt))
            {
                lastRaised[alert.Identity] = alert.RaisedAt;
            }
        }

        var compiled = new CompiledPredicate[rules.Count];
        for (int r = 0; r < rules.Count; r++)
        {
            compiled[r] = Compile(rules[r].When);
        }

        if (compiled.Length == 0)
        {
            return [];
        }

        Scope start = ScopeFor(default, -1, context);
        long t = start.T;
        (AccountId Account, int Index)[] accounts = [.. compiled[0].AccountsToJudge(moreAccounts, t)];
        return JudgeInParts<Alert>(accounts.Length, (first, end, raised) =>
        {
            for (int a = first; a < end; a++)
            {
                (AccountId account, int index) = accounts[a];

                // One scope per account serves every rule: only the user changes, for per-user rules.
                Scope scope = start.At(account, index);
                for (int r = 0; r < rules.Count; r++)
                {
                    BehaviorRule rule = rules[r];
                    if (!rule.PerUser)
                    {
                        if (compiled[r].Bound.Evaluate(ref scope))
                        {
                            Raise(raised, rule, compiled[r], scope, null, lastRaised);
                        }

                        continue;
                    }

                    foreach (int slot in compiled[r].UsersOf(index, t).OrderBy(slot => Store.UserList[Store.UserIds[slot]], StringComparer.Ordinal))
                    {
                        Scope user = scope;
                        user.User = Store.UserIds[slot];
                        user.FirstSeen = Store.UserFirstSeen[slot];
                        if (compiled[r].Bound.Evaluate(ref user))
                        {
                            Raise(raised, rule, compiled[r], user, Store.UserList[user.User], lastRaised);
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// Judges accounts [0, n) with <paramref name="judge"/>, in parts on up to <see cref="MaxDegreeOfParallelism"/> threads,
    /// and joins the parts' results in account order: the list one thread gives. A failure is the one the first failing
    /// part raised, as one thread would have met it first.
    /// </summary>
    internal List<T> JudgeInParts<T>(int n, Action<int, int, List<T>> judge)
    {
        int parts = _maxDegreeOfParallelism == 1 || n < 2 * MinPart ? 1 : Math.Min(_maxDegreeOfParallelism * 4, n / MinPart);
        if (parts == 1)
        {
            var all = new List<T>();
            judge(0, n, all);
            return all;
        }

        int size = (n + parts - 1) / parts;
        var results = new List<T>[parts];
        var failures = new Exception?[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism }, p =>
        {
            results[p] = [];
            try
            {
                judge(p * size, Math.Min(n, (p + 1) * size), results[p]);
            }
            catch (Exception e)
            {
                failures[p] = e;
            }
        });

        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        var joined = new List<T>(results.Sum(r => r.Count));
        foreach (List<T> part in results)
        {
            joined.AddRange(part);
        }

        return joined;
    }

    private static void Raise(List<Alert> alerts, BehaviorRule rule, CompiledPredicate compiled, Scope scope, string? user, Dictionary<AlertIdentity, NodaTime.Instant> lastRaised)
    {
        var identity = new AlertIdentity(rule.Id, scope.AccountId, user);
        if (rule.Cooldown > NodaTime.Duration.Zero && lastRaised.TryGetValue(identity, out NodaTime.Instant raised) && scope.AsOf - raised < rule.Cooldown)
        {
            return;
        }

        List<LeafEvidence> evidence = compiled.Explain(scope);
        alerts.Add(new Alert(identity, rule.Kind, rule.Severity, scope.AsOf, rule.Render(scope.AccountId, user, scope.AsOf, evidence), evidence));
    }

    /// <summary>A scope for one account; loops over accounts make one and move it with <see cref="Scope.At"/>, so the as-of instant is checked and converted once.</summary>
    internal Scope ScopeFor(AccountId account, int index, in SignalContext context) => new Scope
    {
        Store = Store,
        Facts = Facts,
        T = EventTime.ToNanosChecked(context.AsOf),
        AsOf = context.AsOf,
        Zone = context.Zone,
    }.At(account, index);
}
