using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerSuccess;

/// <summary>
/// An exact ratio (NRR, GRR, churn rate, progress) that is either a <see cref="decimal"/> value or
/// undefined because its denominator was zero.
/// </summary>
/// <remarks>
/// <para>
/// Undefined is not zero: a retention rate over a month with no opening revenue did not fall to 0%, it
/// has no value. Undefined cannot be read as a number by accident: <see cref="Value"/> throws, arithmetic
/// is not offered, and it formats as "undefined" rather than "0%" or "NaN". Two undefined ratios are equal
/// (unlike NaN), and undefined sorts before every defined value.
/// </para>
/// <para><c>default(Ratio)</c> is undefined. This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct Ratio : IEquatable<Ratio>, IComparable<Ratio>, IComparable, IFormattable
{
    /// <summary>The text an undefined ratio formats as.</summary>
    public const string UndefinedText = "undefined";

    private readonly decimal _value;
    private readonly bool _hasValue;

    private Ratio(decimal value)
    {
        _value = value;
        _hasValue = true;
    }

    /// <summary>Gets the undefined ratio.</summary>
    public static Ratio Undefined => default;

    /// <summary>Gets a value indicating whether the ratio has a value (its denominator was not zero).</summary>
    public bool HasValue => _hasValue;

    /// <summary>Gets the value as a fraction: 1.08 for 108%.</summary>
    /// <exception cref="InvalidOperationException">The ratio is undefined; check <see cref="HasValue"/> first.</exception>
    public decimal Value => _hasValue
        ? _value
        : throw new InvalidOperationException("The ratio is undefined (its denominator was zero), so it has no value; check HasValue first.");

    /// <summary>Returns <paramref name="numerator"/> / <paramref name="denominator"/>, undefined when the denominator is zero.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The ratio.</returns>
    public static Ratio Of(decimal numerator, decimal denominator) =>
        denominator == 0m ? default : new Ratio(numerator / denominator);

    /// <summary>Returns the ratio of two amounts in one currency, undefined when the denominator is zero.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Ratio Of(Money numerator, Money denominator)
    {
        if (numerator.Currency != denominator.Currency)
        {
            throw new CurrencyMismatchException(numerator.Currency, denominator.Currency, "divide");
        }

        return Of(numerator.Amount, denominator.Amount);
    }

    /// <summary>Returns the ratio of two counts (customers, logos), undefined when the denominator is zero.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>The ratio.</returns>
    public static Ratio Of(long numerator, long denominator) => Of((decimal)numerator, denominator);

    /// <summary>Wraps a known fraction, such as 1.08 for 108%.</summary>
    /// <param name="value">The fraction.</param>
    /// <returns>A defined ratio.</returns>
    public static Ratio FromValue(decimal value) => new(value);

    /// <summary>Gets the value when defined.</summary>
    /// <param name="value">The value, or 0 when undefined (do not use it then).</param>
    /// <returns><see langword="true"/> when the ratio is defined.</returns>
    public bool TryGetValue(out decimal value)
    {
        value = _value;
        return _hasValue;
    }

    /// <summary>Returns the value, or <see langword="null"/> when undefined.</summary>
    /// <returns>The value or <see langword="null"/>.</returns>
    public decimal? ToNullable() => _hasValue ? _value : null;

    /// <summary>Returns the value as a <see cref="double"/>, or <see langword="null"/> when undefined (never NaN).</summary>
    /// <returns>The value or <see langword="null"/>.</returns>
    public double? ToDouble() => _hasValue ? (double)_value : null;

    /// <summary>Formats as a percentage, such as "108.0%", or "undefined".</summary>
    /// <param name="decimals">Digits after the decimal point, 0 to 10.</param>
    /// <returns>The formatted percentage, in the invariant culture; use <c>ToString("P1", culture)</c> for another.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 10.</exception>
    public string ToPercentString(int decimals = 1) => FormatPercent(decimals, CultureInfo.InvariantCulture);

    private string FormatPercent(int decimals, IFormatProvider? provider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        if (!_hasValue)
        {
            return UndefinedText;
        }

        decimal percent = Math.Round(_value * 100m, decimals, MidpointRounding.AwayFromZero);
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return percent.ToString(format, provider ?? CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Formats as a percentage with one decimal, such as "108.0%", or "undefined".</summary>
    /// <returns>The formatted ratio.</returns>
    public override string ToString() => ToPercentString();

    /// <summary>
    /// Formats the ratio. "P" or "P<i>n</i>" formats as a percentage with <i>n</i> decimals (default 1), as
    /// <see cref="ToPercentString"/> does; any other format applies to the fraction as a <see cref="decimal"/>
    /// format. An undefined ratio is always "undefined".
    /// </summary>
    /// <param name="format">The format, or <see langword="null"/> for "P1".</param>
    /// <param name="formatProvider">The culture; <see langword="null"/> for the invariant culture.</param>
    /// <returns>The formatted ratio.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            return FormatPercent(1, formatProvider);
        }

        if (format[0] is 'P' or 'p')
        {
            int decimals = format.Length == 1 ? 1 : int.Parse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            return FormatPercent(decimals, formatProvider);
        }

        return _hasValue ? _value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture) : UndefinedText;
    }

    /// <inheritdoc />
    public bool Equals(Ratio other) => _hasValue == other._hasValue && _value == other._value;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Ratio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hasValue ? _value.GetHashCode() : -1;

    /// <summary>Orders ratios; undefined sorts before every defined value.</summary>
    /// <param name="other">The ratio to compare with.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(Ratio other) => (_hasValue, other._hasValue) switch
    {
        (true, true) => _value.CompareTo(other._value),
        (false, false) => 0,
        (false, true) => -1,
        (true, false) => 1,
    };

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Ratio other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(Ratio)}, got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Compares two ratios for equality; two undefined ratios are equal.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when both are undefined or both have the same value.</returns>
    public static bool operator ==(Ratio left, Ratio right) => left.Equals(right);

    /// <summary>Compares two ratios for inequality.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Ratio left, Ratio right) => !left.Equals(right);

    /// <summary>Orders two ratios; undefined sorts first.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Ratio left, Ratio right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ratios; undefined sorts first.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(Ratio left, Ratio right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ratios; undefined sorts first.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Ratio left, Ratio right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ratios; undefined sorts first.</summary>
    /// <param name="left">The first ratio.</param>
    /// <param name="right">The second ratio.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(Ratio left, Ratio right) => left.CompareTo(right) >= 0;
}
