using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One entry of a billing system's subscription log (docs/design.md section 3): a start, change or trial with the
/// subscription's whole terms after it, or a pause, resume or cancel, effective at an instant.
/// </summary>
/// <remarks>Immutable and thread-safe. Create events with the static methods, one per kind.</remarks>
public readonly struct SubscriptionEvent : IEquatable<SubscriptionEvent>
{
    private readonly SubscriptionTerms _terms;

    private SubscriptionEvent(AccountId account, string subscription, Instant effectiveAt, SubscriptionEventKind kind, SubscriptionTerms terms)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException("A subscription event has no account.", nameof(account));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subscription);
        Account = account;
        Subscription = subscription;
        EffectiveAt = effectiveAt;
        Kind = kind;
        _terms = terms;
    }

    /// <summary>Gets the account the subscription belongs to.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the subscription's id, unique across accounts.</summary>
    public string Subscription { get; }

    /// <summary>Gets the instant the event takes effect.</summary>
    public Instant EffectiveAt { get; }

    /// <summary>Gets what the event does.</summary>
    public SubscriptionEventKind Kind { get; }

    /// <summary>Gets whether the event carries terms: a start, change or trial.</summary>
    public bool HasTerms => Kind is SubscriptionEventKind.Start or SubscriptionEventKind.Change or SubscriptionEventKind.Trial;

    /// <summary>Gets the subscription's terms after a start, change or trial.</summary>
    /// <exception cref="InvalidOperationException">The event is a pause, resume or cancel, which carries no terms.</exception>
    public SubscriptionTerms Terms => HasTerms ? _terms : throw new InvalidOperationException($"A {Kind.ToString().ToLowerInvariant()} event carries no terms.");

    /// <summary>A start: the subscription opens (or reopens after a cancel) with these terms.</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <param name="terms">The terms.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Start(AccountId account, string subscription, Instant effectiveAt, SubscriptionTerms terms) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Start, CheckTerms(terms));

    /// <summary>A change: the subscription's whole terms after it.</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <param name="terms">The terms.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Change(AccountId account, string subscription, Instant effectiveAt, SubscriptionTerms terms) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Change, CheckTerms(terms));

    /// <summary>A trial: the subscription opens, or is set, as a trial with these terms; no MRR until a start or change.</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <param name="terms">The terms the trial would convert at.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Trial(AccountId account, string subscription, Instant effectiveAt, SubscriptionTerms terms) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Trial, CheckTerms(terms));

    /// <summary>A pause: no MRR until a resume.</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Pause(AccountId account, string subscription, Instant effectiveAt) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Pause, default);

    /// <summary>A resume: back to the state before the pause.</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Resume(AccountId account, string subscription, Instant effectiveAt) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Resume, default);

    /// <summary>A cancel: no MRR from its effective instant (a cancellation at period end is effective at the period's end).</summary>
    /// <param name="account">The account.</param>
    /// <param name="subscription">The subscription's id.</param>
    /// <param name="effectiveAt">When it takes effect.</param>
    /// <returns>The event.</returns>
    public static SubscriptionEvent Cancel(AccountId account, string subscription, Instant effectiveAt) =>
        new(account, subscription, effectiveAt, SubscriptionEventKind.Cancel, default);

    /// <inheritdoc/>
    public bool Equals(SubscriptionEvent other) =>
        Account == other.Account && string.Equals(Subscription, other.Subscription, StringComparison.Ordinal) && EffectiveAt == other.EffectiveAt
        && Kind == other.Kind && _terms == other._terms;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubscriptionEvent other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Account, Subscription, EffectiveAt, Kind, _terms);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind.ToString().ToLowerInvariant()} of subscription '{Subscription}' of account '{Account}' at {EffectiveAt}{(HasTerms ? ": " + _terms : "")}");

    /// <summary>Compares two events.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SubscriptionEvent left, SubscriptionEvent right) => left.Equals(right);

    /// <summary>Compares two events.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SubscriptionEvent left, SubscriptionEvent right) => !left.Equals(right);

    private static SubscriptionTerms CheckTerms(SubscriptionTerms terms) =>
        terms.Currency.IsDefault ? throw new ArgumentException("default(SubscriptionTerms) has no price; create terms with their constructor.", nameof(terms)) : terms;
}
