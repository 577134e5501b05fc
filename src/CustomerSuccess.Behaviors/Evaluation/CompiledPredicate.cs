using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Behaviors;

/// <summary>A predicate compiled against one evaluator's store: names resolved once, evaluated many times. Thread-safe.</summary>
public sealed class CompiledPredicate
{
    private readonly BehaviorEvaluator _evaluator;
    private readonly BoundPredicate _bound;

    internal BoundPredicate Bound => _bound;

    internal CompiledPredicate(BehaviorEvaluator evaluator, BehaviorPredicate predicate)
    {
        _evaluator = evaluator;
        Predicate = predicate;
        _bound = new BoundPredicate(predicate, evaluator.Store);
    }

    /// <summary>Gets the predicate.</summary>
    public BehaviorPredicate Predicate { get; }

    /// <summary>Returns whether the predicate holds for an account, without evidence; allocates nothing for count and sum leaves.</summary>
    /// <param name="account">The account.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <returns><see langword="true"/> when it holds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The as-of instant is outside the years 1900 to 2200.</exception>
    public bool Matches(AccountId account, in SignalContext context)
    {
        Scope scope = _evaluator.ScopeFor(account, _evaluator.Store.AccountOf(account), context);
        return _bound.Evaluate(ref scope);
    }

    /// <summary>Evaluates the predicate for an account, with the evidence of every leaf.</summary>
    /// <param name="account">The account.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The as-of instant is outside the years 1900 to 2200.</exception>
    public PredicateResult Evaluate(AccountId account, in SignalContext context)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException("default(AccountId) is not an account.", nameof(account));
        }

        return Evaluate(account, _evaluator.Store.AccountOf(account), context, user: -1);
    }

    /// <summary>Evaluates the predicate over every account with an event at or before the as-of instant (and any others given); returns the matches in account-id order.</summary>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="moreAccounts">Accounts to judge besides those with events.</param>
    /// <returns>The matching accounts with their evidence.</returns>
    public IReadOnlyList<PredicateResult> Segment(in SignalContext context, IEnumerable<AccountId>? moreAccounts = null)
    {
        Scope start = _evaluator.ScopeFor(default, -1, context);
        (AccountId Account, int Index)[] accounts = [.. AccountsToJudge(moreAccounts, start.T)];
        SignalContext at = context;
        return _evaluator.JudgeInParts<PredicateResult>(accounts.Length, (first, end, results) =>
        {
            for (int a = first; a < end; a++)
            {
                (AccountId account, int index) = accounts[a];
                Scope scope = start.At(account, index);
                if (_bound.Evaluate(ref scope))
                {
                    results.Add(Evaluate(account, index, at, user: -1));
                }
            }
        });
    }

    /// <summary>
    /// Counts the accounts with an event at or before the as-of instant that match, without evidence: the size of a segment, or how many alerts a rule would
    /// raise before cooldowns. Allocates nothing for count and sum leaves.
    /// </summary>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <returns>The number of matching accounts.</returns>
    public int CountMatches(in SignalContext context)
    {
        AccountId[] accounts = _evaluator.Store.AccountIds;
        long[] firstSeen = _evaluator.Store.AccountFirstSeen;
        Scope start = _evaluator.ScopeFor(default, -1, context);
        int matches = 0;
        for (int i = 0; i < accounts.Length; i++)
        {
            if (firstSeen[i] > start.T)
            {
                continue; // first seen later: the account did not exist yet
            }

            Scope scope = start.At(accounts[i], i);
            matches += _bound.Evaluate(ref scope) ? 1 : 0;
        }

        return matches;
    }

    /// <summary>
    /// The accounts that existed as of <paramref name="t"/> (an event at or before it) in id order, merged with the accounts
    /// the caller names (deduplicated): evaluating a past instant judges only what existed then.
    /// </summary>
    internal IEnumerable<(AccountId Account, int Index)> AccountsToJudge(IEnumerable<AccountId>? moreAccounts, long t)
    {
        EventStore store = _evaluator.Store;
        if (moreAccounts is null)
        {
            return SeenBy(store, t);
        }

        return SeenBy(store, t).Select(a => a.Account).Concat(moreAccounts.Where(a => !a.IsDefault)).Distinct().Order().Select(a => (a, store.AccountOf(a)));
    }

    private static IEnumerable<(AccountId Account, int Index)> SeenBy(EventStore store, long t)
    {
        for (int i = 0; i < store.AccountIds.Length; i++)
        {
            if (store.AccountFirstSeen[i] <= t)
            {
                yield return (store.AccountIds[i], i);
            }
        }
    }

    /// <summary>The users of an account first seen by the as-of instant, in order of first event.</summary>
    internal IEnumerable<int> UsersOf(int account, long t)
    {
        EventStore store = _evaluator.Store;
        if (account < 0)
        {
            yield break;
        }

        for (int i = store.AccountUsers[account]; i < store.AccountUsers[account + 1] && store.UserFirstSeen[i] <= t; i++)
        {
            yield return i;
        }
    }

    internal PredicateResult Evaluate(AccountId account, int index, in SignalContext context, int user)
    {
        Scope scope = ScopeAt(account, index, context, user);
        var evidence = new List<LeafEvidence>(_bound.LeafCount);
        scope.Evidence = evidence;
        bool matched = _bound.Evaluate(ref scope);
        return new PredicateResult(account, user < 0 ? null : _evaluator.Store.UserList[_evaluator.Store.UserIds[user]], context.AsOf, matched, evidence);
    }

    /// <summary>The evidence of every leaf in a scope already set up.</summary>
    internal List<LeafEvidence> Explain(Scope scope)
    {
        var evidence = new List<LeafEvidence>(_bound.LeafCount);
        scope.Evidence = evidence;
        _bound.Evaluate(ref scope);
        return evidence;
    }

    private Scope ScopeAt(AccountId account, int index, in SignalContext context, int userSlot)
    {
        Scope scope = _evaluator.ScopeFor(account, index, context);
        if (userSlot >= 0)
        {
            scope.User = _evaluator.Store.UserIds[userSlot];
            scope.FirstSeen = _evaluator.Store.UserFirstSeen[userSlot];
        }

        return scope;
    }
}
