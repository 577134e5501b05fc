using System;
using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess.Signals;

/// <summary>
/// Names a signal within a health model, such as <c>adoption.active_user_ratio</c> or <c>support.open_p1_age</c>.
/// The name appears in explanations, configuration and the text forms of rules, so it is restricted to a
/// portable alphabet.
/// </summary>
/// <remarks>
/// A valid id starts with a lower-case ASCII letter, continues with a-z, 0-9, '_', '.' or '-', and is at most
/// <see cref="MaxLength"/> characters. <c>default(SignalId)</c> is not a valid id; <see cref="IsDefault"/>
/// tells it apart. This type is immutable and thread-safe.
/// </remarks>
public readonly struct SignalId : IEquatable<SignalId>, IComparable<SignalId>, IComparable, IParsable<SignalId>
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <summary>Creates a signal id.</summary>
    /// <param name="value">The id, such as "nps.latest".</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id; the message says why.</exception>
    public SignalId(string value)
    {
        string? problem = IdentifierText.SignalIdProblem(value);
        if (problem is not null)
        {
            throw new ArgumentException($"'{value}' is not a valid signal id: {problem}.", nameof(value));
        }

        _value = value;
    }

    /// <summary>Gets the id's text; the empty string for <c>default(SignalId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(SignalId)</c>, which names no signal.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Parses a signal id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a valid id; the message says why.</exception>
    public static SignalId Parse(string s)
    {
        string? problem = IdentifierText.SignalIdProblem(s);
        return problem is null
            ? new SignalId(s)
            : throw new FormatException($"'{s}' is not a valid signal id: {problem}.");
    }

    /// <summary>Tries to parse a signal id.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="result">The id when parsing succeeded; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out SignalId result)
    {
        if (IdentifierText.SignalIdProblem(s) is null)
        {
            result = new SignalId(s!);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static bool IParsable<SignalId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SignalId result) =>
        TryParse(s, out result);

    /// <inheritdoc />
    static SignalId IParsable<SignalId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    public bool Equals(SignalId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SignalId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares ordinally; <c>default(SignalId)</c> sorts first.</summary>
    /// <param name="other">The id to compare with.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(SignalId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SignalId other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(SignalId)}, got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the id's text, which <see cref="Parse"/> reads back.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value;

    /// <summary>Compares two ids for equality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when both hold the same text.</returns>
    public static bool operator ==(SignalId left, SignalId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(SignalId left, SignalId right) => !left.Equals(right);

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(SignalId left, SignalId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(SignalId left, SignalId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(SignalId left, SignalId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids ordinally.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(SignalId left, SignalId right) => left.CompareTo(right) >= 0;
}
