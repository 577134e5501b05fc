using System;
using CustomerSuccess.Signals;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Behavior predicates and aggregates as health signals through the Core contract, so a health model can weigh "the
/// essential behavior is established" without a dependency between the packages.
/// </summary>
public static class BehaviorSignals
{
    /// <summary>
    /// A signal measuring 1 when the predicate holds for the account and 0 when it does not: "done in each of the last 4 weeks".
    /// Tagged leading by default, because the essential behaviors of successful customers lead (Client Velocity; docs/design.md, sources).
    /// </summary>
    /// <typeparam name="TAccount">The caller's account type.</typeparam>
    /// <param name="id">The signal's id.</param>
    /// <param name="evaluator">The events and facts to evaluate over.</param>
    /// <param name="predicate">The predicate.</param>
    /// <param name="accountOf">Reads the account id of an account.</param>
    /// <param name="timing">Leading unless the behavior is a lagging symptom (such as support cases).</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> Predicate<TAccount>(SignalId id, BehaviorEvaluator evaluator, BehaviorPredicate predicate, Func<TAccount, AccountId> accountOf, SignalTiming timing = SignalTiming.Leading)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(accountOf);
        CompiledPredicate compiled = evaluator.Compile(predicate);
        return Signal.Create<TAccount>(id, timing, (account, context) => SignalValue.Of(compiled.Matches(accountOf(account), context)));
    }

    /// <summary>
    /// A signal measuring an aggregate's value: a number, a fraction (-0.25 for a 25% drop) or, for since-last, days.
    /// Undefined values (a change from 0, a missing fact) are missing, with the reason.
    /// </summary>
    /// <typeparam name="TAccount">The caller's account type.</typeparam>
    /// <param name="id">The signal's id.</param>
    /// <param name="evaluator">The events and facts to evaluate over.</param>
    /// <param name="aggregate">The aggregate; not first or last, which observe instants.</param>
    /// <param name="accountOf">Reads the account id of an account.</param>
    /// <param name="timing">Whether it leads or lags.</param>
    /// <returns>The signal.</returns>
    /// <exception cref="ArgumentException">The aggregate observes instants.</exception>
    public static ISignal<TAccount> Aggregate<TAccount>(SignalId id, BehaviorEvaluator evaluator, BehaviorAggregate aggregate, Func<TAccount, AccountId> accountOf, SignalTiming timing)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(accountOf);
        if (aggregate.ValueKind == BehaviorValueKind.Instant)
        {
            throw new ArgumentException($"Signal '{id}': {aggregate} observes an instant, which is not a signal value; use since_last for a duration.", nameof(aggregate));
        }

        var bound = new BoundAggregate(aggregate, evaluator.Store);
        return Signal.Create<TAccount>(id, timing, (account, context) =>
        {
            AccountId accountId = accountOf(account);
            Scope scope = evaluator.ScopeFor(accountId, evaluator.Store.AccountOf(accountId), context);
            if (!bound.Observe(ref scope, out BehaviorValue value, out string? reason))
            {
                return SignalValue.Missing($"{aggregate}: {reason}");
            }

            return SignalValue.Of(value.Kind == BehaviorValueKind.Duration ? value.Nanos / 86_400e9 : (double)value.Number);
        });
    }
}
