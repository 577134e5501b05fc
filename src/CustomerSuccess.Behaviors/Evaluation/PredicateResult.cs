using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>A predicate's answer for one account (or user) as of an instant, with the evidence of every leaf.</summary>
/// <remarks>Immutable.</remarks>
public sealed class PredicateResult
{
    internal PredicateResult(AccountId account, string? user, Instant asOf, bool matched, IReadOnlyList<LeafEvidence> evidence)
    {
        Account = account;
        User = user;
        AsOf = asOf;
        Matched = matched;
        Evidence = ReadOnlyViews.Copy(evidence, nameof(evidence));
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the user, when the predicate was judged per user (a per-user rule).</summary>
    public string? User { get; }

    /// <summary>Gets the instant evaluated as of.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets whether the predicate holds.</summary>
    public bool Matched { get; }

    /// <summary>Gets what every leaf observed, in the order the leaves appear in the text form.</summary>
    public IReadOnlyList<LeafEvidence> Evidence { get; }

    /// <summary>Returns the evidence joined with "; ".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join("; ", Evidence.Select(e => e.ToString()));
}
