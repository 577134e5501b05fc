using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One cause's part of an account's MRR change in a month: the sum over the account's subscriptions of what that cause
/// changed, signed (positive raises MRR). An account's parts in a month add up to its MRR change exactly.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct MrrCausePart : IEquatable<MrrCausePart>
{
    /// <summary>Initializes a part.</summary>
    /// <param name="account">The account.</param>
    /// <param name="month">The month, against the month before.</param>
    /// <param name="cause">The cause.</param>
    /// <param name="change">The change in MRR, signed; never zero in a book's parts.</param>
    public MrrCausePart(AccountId account, YearMonth month, MrrCause cause, Money change)
    {
        Account = account;
        Month = month;
        Cause = cause;
        Change = change;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the month.</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the cause.</summary>
    public MrrCause Cause { get; }

    /// <summary>Gets the change in MRR, signed: positive raises it.</summary>
    public Money Change { get; }

    /// <inheritdoc/>
    public bool Equals(MrrCausePart other) => Account == other.Account && Month == other.Month && Cause == other.Cause && Change == other.Change;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MrrCausePart other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Account, Month, Cause, Change);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Account} {Month:uuuu'-'MM} {Cause}: {Change}");

    /// <summary>Compares two parts.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MrrCausePart left, MrrCausePart right) => left.Equals(right);

    /// <summary>Compares two parts.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MrrCausePart left, MrrCausePart right) => !left.Equals(right);
}
