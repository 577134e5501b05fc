using System;
using System.Collections.Generic;
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

    /// <summary>Gets the events.</summary>
    public EventStore Store { get; }

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

    /// <summary>Evaluates a predicate over every account with events (and any others given) and returns the matches with their evidence, in account-id order.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="moreAccounts">Accounts to judge besides those with events, such as every account with facts.</param>
    /// <returns>The matching accounts.</returns>
    public IReadOnlyList<PredicateResult> Segment(BehaviorPredicate predicate, in SignalContext context, IEnumerable<AccountId>? moreAccounts = null) =>
        Compile(predicate).Segment(context, moreAccounts);

    internal Scope ScopeFor(AccountId account, int index, in SignalContext context)
    {
        long t = EventTime.ToNanosChecked(context.AsOf);
        return new Scope
        {
            Store = Store,
            Facts = Facts,
            AccountId = account,
            Account = index,
            User = -1,
            T = t,
            AsOf = context.AsOf,
            Zone = context.Zone,
            FirstSeen = index < 0 ? long.MaxValue : Store.AccountFirstSeen[index],
        };
    }
}
