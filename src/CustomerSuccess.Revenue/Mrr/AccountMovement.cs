using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One account's MRR movement in one month against the month before, measured in the account's own currency
/// (so a currency swing is never an expansion or a contraction).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct AccountMovement : IEquatable<AccountMovement>
{
    internal AccountMovement(AccountId account, YearMonth month, MrrMovementKind kind, Money before, Money after)
    {
        Account = account;
        Month = month;
        Kind = kind;
        MrrBefore = before;
        MrrAfter = after;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the month the movement happened in (its MRR is compared with the month before).</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the kind of movement.</summary>
    public MrrMovementKind Kind { get; }

    /// <summary>Gets the MRR in the month before.</summary>
    public Money MrrBefore { get; }

    /// <summary>Gets the MRR in <see cref="Month"/>.</summary>
    public Money MrrAfter { get; }

    /// <summary>
    /// Gets the movement's amount, always zero or more: the new or reactivated MRR, the increase, the decrease, or
    /// the churned MRR (docs/design.md section 3).
    /// </summary>
    public Money Amount => Kind switch
    {
        MrrMovementKind.New or MrrMovementKind.Reactivation => MrrAfter,
        MrrMovementKind.Expansion => MrrAfter - MrrBefore,
        MrrMovementKind.Contraction => MrrBefore - MrrAfter,
        _ => MrrBefore,
    };

    /// <inheritdoc />
    public bool Equals(AccountMovement other) =>
        Account == other.Account && Month == other.Month && Kind == other.Kind && MrrBefore == other.MrrBefore && MrrAfter == other.MrrAfter;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccountMovement other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Account, Month, Kind, MrrBefore, MrrAfter);

    /// <summary>Formats as "acct-1 2026-07 expansion 500 USD (1000 USD -> 1500 USD)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Account} {Month:uuuu'-'MM} {Kind.ToString().ToLowerInvariant()} {Amount} ({MrrBefore} -> {MrrAfter})");

    /// <summary>Compares two movements for equality.</summary>
    /// <param name="left">The first movement.</param>
    /// <param name="right">The second movement.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(AccountMovement left, AccountMovement right) => left.Equals(right);

    /// <summary>Compares two movements for inequality.</summary>
    /// <param name="left">The first movement.</param>
    /// <param name="right">The second movement.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AccountMovement left, AccountMovement right) => !left.Equals(right);
}
