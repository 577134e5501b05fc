using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerSuccess;

/// <summary>
/// An exact amount of money: a <see cref="decimal"/> and its ISO 4217 <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// <para>
/// Addition, subtraction and ordering are defined only within one currency; mixing currencies throws a
/// <see cref="CurrencyMismatchException"/> naming both, because a sum of dollars and euros has no meaning
/// until a rate is chosen (<see cref="ExchangeRateTable.Convert(Money, Currency, NodaTime.YearMonth)"/>).
/// Equality never throws: amounts in different currencies are simply not equal.
/// </para>
/// <para>
/// Arithmetic is exact decimal arithmetic and is never rounded implicitly, so retention identities
/// reconcile to the cent; call <see cref="Round()"/> or <see cref="Allocate(int)"/> where a cash amount is needed.
/// Equality is numeric: 1.0 USD equals 1.00 USD. This type is immutable and thread-safe.
/// </para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    /// <summary>Initializes a new amount.</summary>
    /// <param name="amount">The amount, in units of <paramref name="currency"/> (dollars, not cents).</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(Currency)</c>.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("An amount of money needs a currency; default(Currency) is none.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount, in units of <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Returns zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Adds amounts that share one currency.</summary>
    /// <param name="values">The amounts.</param>
    /// <param name="currency">The currency of every amount, and of the result when <paramref name="values"/> is empty.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    public static Money Sum(IEnumerable<Money> values, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        Money total = Zero(currency);
        foreach (Money value in values)
        {
            total += value;
        }

        return total;
    }

    /// <summary>Adds two amounts in one currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public Money Add(Money other)
    {
        RequireSameCurrency(other, "add");
        return new Money(Amount + other.Amount, Currency);
    }

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public Money Subtract(Money other)
    {
        RequireSameCurrency(other, "subtract");
        return new Money(Amount - other.Amount, Currency);
    }

    /// <summary>Scales the amount by a factor, without rounding.</summary>
    /// <param name="factor">The factor, such as 12 to annualise a monthly amount.</param>
    /// <returns>The scaled amount.</returns>
    public Money Multiply(decimal factor) => new(Amount * factor, Currency);

    /// <summary>Divides the amount by a divisor, without rounding.</summary>
    /// <param name="divisor">The divisor, not zero.</param>
    /// <returns>The divided amount.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public Money Divide(decimal divisor) => new(Amount / divisor, Currency);

    /// <summary>Returns the amount with its sign flipped.</summary>
    /// <returns>The negated amount.</returns>
    public Money Negate() => new(-Amount, Currency);

    /// <summary>Rounds to the currency's minor unit (cents for USD), halves away from zero as invoices do.</summary>
    /// <returns>The rounded amount.</returns>
    public Money Round() => Round(Currency.MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to the currency's minor unit with the given midpoint rule.</summary>
    /// <param name="mode">How to round a value exactly halfway between two minor units.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode) => Round(Currency.MinorUnits, mode);

    /// <summary>Rounds to a number of decimal places with the given midpoint rule.</summary>
    /// <param name="decimals">Decimal places, 0 to 28.</param>
    /// <param name="mode">How to round a value exactly halfway.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(int decimals, MidpointRounding mode) => new(Math.Round(Amount, decimals, mode), Currency);

    /// <summary>
    /// Splits the amount into <paramref name="parts"/> amounts in the currency's minor unit that differ by at
    /// most one minor unit and add up exactly to this amount: $29,000.00 a year over 12 months is eight months
    /// of $2,416.67 and four of $2,416.66. The parts that carry the extra minor unit come first.
    /// </summary>
    /// <param name="parts">How many parts, at least 1.</param>
    /// <returns>The parts, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The amount has more decimal places than the currency's minor unit; round it first.</exception>
    public Money[] Allocate(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        decimal unit = MinorUnit();
        decimal units = Amount / unit;
        if (units != decimal.Truncate(units))
        {
            throw new InvalidOperationException(
                $"Cannot allocate {this} exactly: it has more decimal places than {Currency}'s minor unit ({Currency.MinorUnits}). Round it first.");
        }

        decimal baseUnits = decimal.Truncate(units / parts);
        decimal remainder = units - (baseUnits * parts);
        decimal step = Math.Sign(remainder);
        int bumped = (int)Math.Abs(remainder);
        var result = new Money[parts];
        for (int i = 0; i < parts; i++)
        {
            decimal partUnits = i < bumped ? baseUnits + step : baseUnits;
            result[i] = new Money(partUnits * unit, Currency);
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Orders two amounts in one currency.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this amount is less than, equal to or greater than the other.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other, "compare");
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Expected {nameof(Money)}, got {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Formats as the invariant amount followed by the code, such as "1234.56 USD".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount with a numeric format string, followed by the currency code.</summary>
    /// <param name="format">A <see cref="decimal"/> format string such as "N2"; <see langword="null"/> for the exact amount.</param>
    /// <param name="formatProvider">The culture for the number; <see langword="null"/> for the current culture.</param>
    /// <returns>The formatted amount, such as "1,234.56 USD".</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Amount.ToString(format, formatProvider) + " " + Currency.ToString();

    /// <summary>Adds two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Scales an amount.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The scaled amount.</returns>
    public static Money operator *(Money left, decimal right) => left.Multiply(right);

    /// <summary>Scales an amount.</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The amount.</param>
    /// <returns>The scaled amount.</returns>
    public static Money operator *(decimal left, Money right) => right.Multiply(left);

    /// <summary>Divides an amount.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor, not zero.</param>
    /// <returns>The divided amount.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static Money operator /(Money left, decimal right) => left.Divide(right);

    /// <summary>Compares two amounts for equality; amounts in different currencies are not equal.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when currency and amount are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when currency or amount differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Orders two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Orders two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Orders two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private decimal MinorUnit() => Currency.MinorUnits switch
    {
        0 => 1m,
        2 => 0.01m,
        3 => 0.001m,
        4 => 0.0001m,
        int n => 1m / (decimal)Math.Pow(10, n),
    };

    private void RequireSameCurrency(Money other, string operation)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, operation);
        }
    }
}
