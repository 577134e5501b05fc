using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// Thrown when an <see cref="ExchangeRateTable"/> has no rate for a currency pair in a month.
/// The message names the pair and the month so the missing row can be added to the rate source.
/// </summary>
public sealed class MissingExchangeRateException : KeyNotFoundException
{
    /// <summary>Initializes a new instance naming the pair and month.</summary>
    /// <param name="from">The currency converted from.</param>
    /// <param name="to">The currency converted to.</param>
    /// <param name="month">The month a rate was needed for.</param>
    public MissingExchangeRateException(Currency from, Currency to, YearMonth month)
        : base($"No exchange rate from {from} to {to} for {month:uuuu'-'MM}. Add a {from}/{to} (or {to}/{from}) rate for that month to the table.")
    {
        From = from;
        To = to;
        Month = month;
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public MissingExchangeRateException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public MissingExchangeRateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the default message.</summary>
    public MissingExchangeRateException()
        : base("No exchange rate for the currency pair and month.")
    {
    }

    /// <summary>Gets the currency converted from.</summary>
    public Currency From { get; }

    /// <summary>Gets the currency converted to.</summary>
    public Currency To { get; }

    /// <summary>Gets the month a rate was needed for.</summary>
    public YearMonth Month { get; }
}
