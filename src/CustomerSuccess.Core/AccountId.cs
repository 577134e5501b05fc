using System;
using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess;

/// <summary>
/// Identifies one customer account: the unit that revenue, health, behaviors and success plans are
/// measured for. The text is kept exactly as given (ids from a CRM or billing system are
/// case-sensitive) and compared ordinally.
/// </summary>
/// <remarks>
/// A valid id is 1 to <see cref="MaxLength"/> characters, has no leading or trailing whitespace and no
/// control characters. <c>default(AccountId)</c> is not a valid id; <see cref="IsDefault"/> tells it apart.
/// This type is immutable and thread-safe.
/// </remarks>
public readonly struct AccountId : IEquatable<AccountId>, IComparable<AccountId>, IComparable, IParsable<AccountId>
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    /// <summary>Creates an account id from its text.</summary>
    /// <param name="value">The id as the source system spells it.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id; the message says why.</exception>
    public AccountId(string value)
    {
        string? problem = IdentifierText.AccountIdProblem(value);
        if (problem is not null)
        {
            throw new ArgumentException($"'{value}' is not a valid account id: {problem}.", nameof(value));
        }

        _value = value;
    }

    /// <summary>Gets the id's text; the empty string for <c>default(AccountId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(AccountId)</c>, which identifies no account.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses an account id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid id; the message says why.</exception>
    public static AccountId Parse(string s)
    {
        string? problem = IdentifierText.AccountIdProblem(s);
        return problem is null
            ? new AccountId(s)
            : throw new FormatException($"'{s}' is not a valid account id: {problem}.");
    }

    /// <summary>Tries to parse an account id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out AccountId result)
    {
        if (IdentifierText.AccountIdProblem(s) is null)
        {
            result = new AccountId(s!);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool IParsable<AccountId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AccountId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    static AccountId IParsable<AccountId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    public bool Equals(AccountId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AccountId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ordinally; <c>default(AccountId)</c> sorts first.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this id sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(AccountId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        AccountId other => CompareTo(other),
        _ => throw new ArgumentException($"Expected an {nameof(AccountId)}, got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the id's text, which <see cref="Parse"/> reads back.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when both hold the same text.</returns>
    public static bool operator ==(AccountId left, AccountId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(AccountId left, AccountId right) => !left.Equals(right);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;
}
