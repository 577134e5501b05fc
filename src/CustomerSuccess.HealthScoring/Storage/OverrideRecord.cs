using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A CSM's override of an account's score as kept in a store: who set it, when, why, until when, and when it was cleared.
/// An account has at most one open override; setting another clears the open one at the moment the new one is set, so the
/// history says which override held at any instant.
/// </summary>
public sealed class OverrideRecord : IEquatable<OverrideRecord>
{
    /// <summary>Creates a record.</summary>
    /// <param name="account">The account.</param>
    /// <param name="score">The score it sets, 0 to 100.</param>
    /// <param name="reason">Why (shown in every explanation it changes).</param>
    /// <param name="setBy">Who set it.</param>
    /// <param name="setAt">When it was set.</param>
    /// <param name="expires">The instant from which it no longer applies; after <paramref name="setAt"/>.</param>
    /// <param name="clearedAt">When it was cleared before it expired; <see langword="null"/> while it has not been.</param>
    /// <exception cref="ArgumentException">The account is the default one, the reason or author is empty, the score is outside [0, 100], it expires before it is set, or it is cleared before it is set.</exception>
    public OverrideRecord(AccountId account, double score, string reason, string setBy, Instant setAt, Instant expires, Instant? clearedAt = null)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException("An override needs an account.", nameof(account));
        }

        if (!(score >= 0 && score <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "An override's score is from 0 to 100.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(setBy);
        if (expires <= setAt)
        {
            throw new ArgumentException($"The override expires ({expires}) before it is set ({setAt}).", nameof(expires));
        }

        if (clearedAt < setAt)
        {
            throw new ArgumentException($"The override is cleared ({clearedAt}) before it is set ({setAt}).", nameof(clearedAt));
        }

        Account = account;
        Score = score;
        Reason = reason;
        SetBy = setBy;
        SetAt = setAt;
        Expires = expires;
        ClearedAt = clearedAt;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the score it sets.</summary>
    public double Score { get; }

    /// <summary>Gets why it was set.</summary>
    public string Reason { get; }

    /// <summary>Gets who set it.</summary>
    public string SetBy { get; }

    /// <summary>Gets when it was set.</summary>
    public Instant SetAt { get; }

    /// <summary>Gets the instant from which it no longer applies.</summary>
    public Instant Expires { get; }

    /// <summary>Gets when it was cleared; <see langword="null"/> while it has not been.</summary>
    public Instant? ClearedAt { get; }

    /// <summary>Whether the override holds at an instant: set, not expired, not cleared.</summary>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> when it applies at <paramref name="at"/>.</returns>
    public bool AppliesAt(Instant at) => SetAt <= at && at < Expires && (ClearedAt is not { } cleared || at < cleared);

    /// <summary>
    /// The overrides a run as of an instant applies, one per account: those not cleared and not expired at it; of an
    /// account's two (an override that expired before the next was set is never cleared), the one set last. An override set
    /// after the instant applies too: a run of a past date made now takes what the CSMs know now.
    /// </summary>
    /// <param name="records">The stored overrides (<see cref="IOverrideStore.GetOverridesAsync"/>).</param>
    /// <param name="asOf">The run's as-of instant.</param>
    /// <returns>The overrides to apply, by account.</returns>
    public static IReadOnlyDictionary<AccountId, ManualOverride> InForce(IEnumerable<OverrideRecord> records, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Where(o => o.ClearedAt is null && asOf < o.Expires)
            .GroupBy(o => o.Account)
            .ToDictionary(g => g.Key, g => g.MaxBy(o => o.SetAt)!.ToManualOverride());
    }

    /// <summary>The override as the engine applies it.</summary>
    /// <returns>The manual override.</returns>
    public ManualOverride ToManualOverride() => new(Score, Reason, ClearedAt is { } cleared && cleared < Expires ? cleared : Expires);

    /// <summary>The same record, cleared at an instant.</summary>
    /// <param name="at">When it was cleared.</param>
    /// <returns>The cleared record.</returns>
    public OverrideRecord ClearAt(Instant at) => new(Account, Score, Reason, SetBy, SetAt, Expires, at);

    /// <inheritdoc/>
    public bool Equals(OverrideRecord? other) =>
        other is not null && Account == other.Account && Score.Equals(other.Score) && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && string.Equals(SetBy, other.SetBy, StringComparison.Ordinal) && SetAt == other.SetAt && Expires == other.Expires && ClearedAt == other.ClearedAt;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OverrideRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Account, Score, Reason, SetBy, SetAt, Expires, ClearedAt);

    /// <inheritdoc/>
    public override string ToString() => $"{Account} = {Score} by {SetBy} at {SetAt} until {Expires}{(ClearedAt is { } c ? $", cleared {c}" : "")}: {Reason}";
}
