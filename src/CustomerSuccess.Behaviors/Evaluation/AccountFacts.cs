using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>Facts held in memory for one as-of instant: a ready <see cref="IAccountFacts"/> for callers who load facts up front. Immutable once built.</summary>
public sealed class AccountFacts : IAccountFacts
{
    private readonly Dictionary<(AccountId Account, string Fact), decimal> _facts;

    private AccountFacts(Dictionary<(AccountId, string), decimal> facts) => _facts = facts;

    /// <summary>Gets facts that know nothing.</summary>
    public static AccountFacts None { get; } = new([]);

    /// <summary>Gets the accounts that have at least one fact, in id order.</summary>
    public IReadOnlyList<AccountId> Accounts => ReadOnlyViews.Wrap(_facts.Keys.Select(k => k.Account).Distinct().Order().ToArray());

    /// <summary>Gets the number of facts held.</summary>
    public int Count => _facts.Count;

    /// <summary>Creates facts from (account, fact, value) triples.</summary>
    /// <param name="facts">The facts; one value per account and fact.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentException">
    /// A fact repeats, has an invalid name or no account, or a value has more than 4 decimal places or is beyond 1e14 (facts are held
    /// exactly, as event values are); the message names the account and fact.
    /// </exception>
    public static AccountFacts Create(IEnumerable<(AccountId Account, string Fact, decimal Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var map = new Dictionary<(AccountId, string), decimal>();
        foreach ((AccountId account, string fact, decimal value) in facts)
        {
            EventNames.ThrowIfInvalid(fact, nameof(facts), "fact name");
            if (account.IsDefault)
            {
                throw new ArgumentException($"Fact '{fact}': the account must be set.", nameof(facts));
            }

            // Held like event values, so that ratios and changes of facts and sums stay exact and within a decimal.
            if (EventValues.Problem(value) is { } problem)
            {
                throw new ArgumentException($"Fact '{fact}' of account '{account}': {problem}.", nameof(facts));
            }

            if (!map.TryAdd((account, fact), value))
            {
                throw new ArgumentException($"Fact '{fact}' of account '{account}' is given twice.", nameof(facts));
            }
        }

        return new AccountFacts(map);
    }

    /// <inheritdoc />
    public bool TryGetFact(AccountId account, string fact, Instant asOf, out decimal value) => _facts.TryGetValue((account, fact), out value);
}
