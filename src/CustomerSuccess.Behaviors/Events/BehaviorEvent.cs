using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// One thing an account (and optionally one of its users) did at an instant: a login, a page view, a support case
/// opened, a survey answered. The raw material of every behavior predicate.
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default(BehaviorEvent)</c> is not an event; the store rejects it.</remarks>
public readonly struct BehaviorEvent : IEquatable<BehaviorEvent>
{
    /// <summary>Initializes an event.</summary>
    /// <param name="account">The account it happened in.</param>
    /// <param name="name">What happened, such as "login" or "support_case_opened" (see <see cref="EventNames"/> for the spelling rules).</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="value">Its amount (minutes used, pages viewed, money spent); 1 when it only happened. Held exactly: at most 4 decimal places and at most 1e14 in magnitude.</param>
    /// <param name="userId">The user who did it, when known.</param>
    /// <param name="id">The event's id in its source system; events with the same id are kept once.</param>
    /// <exception cref="ArgumentException">The account is <c>default</c>, the name is not a valid event name, the value has more than 4 decimal places or is beyond 1e14, the instant is outside the years 1900 to 2200, or the user or id is empty.</exception>
    public BehaviorEvent(AccountId account, string name, Instant occurredAt, decimal value = 1m, string? userId = null, string? id = null)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException("An event needs an account; default(AccountId) is none.", nameof(account));
        }

        EventNames.ThrowIfInvalid(name, nameof(name));
        if (EventValues.Problem(value) is { } problem)
        {
            throw new ArgumentException($"Event '{name}' of account '{account}' at {occurredAt}: {problem}.", nameof(value));
        }

        if (occurredAt < EventTime.Earliest || occurredAt > EventTime.Latest)
        {
            throw new ArgumentException($"Event '{name}' of account '{account}': {occurredAt} is outside the supported range {EventTime.Earliest} to {EventTime.Latest}.", nameof(occurredAt));
        }

        if (userId is not null && string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException($"Event '{name}' of account '{account}' at {occurredAt}: a user id, when given, must not be empty.", nameof(userId));
        }

        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"Event '{name}' of account '{account}' at {occurredAt}: an event id, when given, must not be empty.", nameof(id));
        }

        Account = account;
        Name = name;
        OccurredAt = occurredAt;
        Value = value;
        UserId = userId;
        Id = id;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets what happened; <see langword="null"/> only for <c>default(BehaviorEvent)</c>.</summary>
    public string Name { get; }

    /// <summary>Gets when it happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>Gets its amount; 1 for an event that only happened.</summary>
    public decimal Value { get; }

    /// <summary>Gets the user who did it, or <see langword="null"/>.</summary>
    public string? UserId { get; }

    /// <summary>Gets the source system's id, or <see langword="null"/>.</summary>
    public string? Id { get; }

    /// <inheritdoc />
    public bool Equals(BehaviorEvent other) =>
        Account == other.Account && string.Equals(Name, other.Name, StringComparison.Ordinal) && OccurredAt == other.OccurredAt
        && Value.Equals(other.Value) && string.Equals(UserId, other.UserId, StringComparison.Ordinal) && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BehaviorEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Account, Name, OccurredAt, Value, UserId, Id);

    /// <summary>Returns "account name at instant (value, user)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Account} {Name} at {OccurredAt} (value {Value}{(UserId is null ? string.Empty : ", user " + UserId)})");

    /// <summary>Compares two events for equality.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(BehaviorEvent left, BehaviorEvent right) => left.Equals(right);

    /// <summary>Compares two events for inequality.</summary>
    /// <param name="left">The first event.</param>
    /// <param name="right">The second event.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(BehaviorEvent left, BehaviorEvent right) => !left.Equals(right);
}
