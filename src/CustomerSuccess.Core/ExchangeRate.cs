using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess;

/// <summary>One rate of an <see cref="ExchangeRateTable"/>: 1 <see cref="From"/> = <see cref="Rate"/> <see cref="To"/> during <see cref="Month"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct ExchangeRate : IEquatable<ExchangeRate>
{
    /// <summary>Initializes a rate. Use <see cref="ExchangeRateTable.Builder.Add(ExchangeRate)"/> to validate it into a table.</summary>
    /// <param name="from">The currency converted from.</param>
    /// <param name="to">The currency converted to.</param>
    /// <param name="month">The month the rate applies to.</param>
    /// <param name="rate">Units of <paramref name="to"/> per unit of <paramref name="from"/>.</param>
    public ExchangeRate(Currency from, Currency to, YearMonth month, decimal rate)
    {
        From = from;
        To = to;
        Month = month;
        Rate = rate;
    }

    /// <summary>Gets the currency converted from.</summary>
    public Currency From { get; }

    /// <summary>Gets the currency converted to.</summary>
    public Currency To { get; }

    /// <summary>Gets the month the rate applies to.</summary>
    public YearMonth Month { get; }

    /// <summary>Gets the units of <see cref="To"/> per unit of <see cref="From"/>.</summary>
    public decimal Rate { get; }

    /// <inheritdoc />
    public bool Equals(ExchangeRate other) =>
        From == other.From && To == other.To && Month == other.Month && Rate == other.Rate;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ExchangeRate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To, Month, Rate);

    /// <summary>Formats as "EUR/USD 2026-06 = 1.08".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From}/{To} {Month:uuuu'-'MM} = {Rate}");

    /// <summary>Compares two rates for equality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when pair, month and rate are equal.</returns>
    public static bool operator ==(ExchangeRate left, ExchangeRate right) => left.Equals(right);

    /// <summary>Compares two rates for inequality.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExchangeRate left, ExchangeRate right) => !left.Equals(right);
}
