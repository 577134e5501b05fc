using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>Where a bound predicate is evaluated: one account (and, inside <c>users</c>, one user) as of one instant.</summary>
internal struct Scope
{
    internal EventStore Store;
    internal IAccountFacts? Facts;
    internal AccountId AccountId;
    internal int Account;    // -1 when the account has no events
    internal int User;       // -1 in account scope
    internal long T;         // as of, in nanoseconds
    internal Instant AsOf;
    internal DateTimeZone Zone;
    internal long FirstSeen; // the account's (or user's) first event; long.MaxValue when none
    internal List<LeafEvidence>? Evidence;

    internal readonly bool Explaining => Evidence is not null;

    /// <summary>The same as-of instant, zone, store and facts for another account: what a loop over accounts changes.</summary>
    internal readonly Scope At(AccountId account, int index)
    {
        Scope next = this;
        next.AccountId = account;
        next.Account = index;
        next.User = -1;
        next.Evidence = null;
        next.FirstSeen = index < 0 ? long.MaxValue : Store.AccountFirstSeen[index];
        return next;
    }
}
