using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One monthly MRR snapshot (docs/design.md section 3, input A): an account's monthly recurring revenue in one month, in the
/// account's own currency, with an optional group (segment, region, CSM, ...) the account belonged to that month.
/// A month with no row for an account means its MRR was 0.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct MrrRow : IEquatable<MrrRow>
{
    private readonly string? _group;

    /// <summary>Initializes a snapshot.</summary>
    /// <param name="account">The account.</param>
    /// <param name="month">The month.</param>
    /// <param name="mrr">The MRR, zero or more, in the account's billing currency.</param>
    /// <param name="group">The account's group in that month for breakdowns, such as its segment; empty for none.</param>
    /// <exception cref="ArgumentException">The account is missing, the MRR is negative or has no currency; the message names the account and month.</exception>
    public MrrRow(AccountId account, YearMonth month, Money mrr, string? group = null)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An MRR row for {month:uuuu'-'MM} has no account."), nameof(account));
        }

        if (mrr.Currency.IsDefault)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"MRR of account '{account}' for {month:uuuu'-'MM} has no currency."), nameof(mrr));
        }

        if (mrr.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(mrr), mrr.Amount,
                string.Create(CultureInfo.InvariantCulture, $"MRR of account '{account}' for {month:uuuu'-'MM} is negative ({mrr}); MRR is zero or more."));
        }

        Account = account;
        Month = month;
        Mrr = mrr;
        _group = group;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the month.</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the MRR in the account's own currency.</summary>
    public Money Mrr { get; }

    /// <summary>Gets the group the account belonged to that month; empty when the rows are not grouped.</summary>
    public string Group => _group ?? string.Empty;

    /// <inheritdoc />
    public bool Equals(MrrRow other) =>
        Account == other.Account && Month == other.Month && Mrr == other.Mrr && string.Equals(Group, other.Group, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MrrRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Account, Month, Mrr, Group);

    /// <summary>Formats as "acct-1 2026-06 2416.67 USD [MidMarket]".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Account} {Month:uuuu'-'MM} {Mrr}{(Group.Length > 0 ? " [" + Group + "]" : string.Empty)}");

    /// <summary>Compares two rows for equality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when all fields are equal.</returns>
    public static bool operator ==(MrrRow left, MrrRow right) => left.Equals(right);

    /// <summary>Compares two rows for inequality.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(MrrRow left, MrrRow right) => !left.Equals(right);
}
