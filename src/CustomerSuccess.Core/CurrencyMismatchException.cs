using System;

namespace CustomerSuccess;

/// <summary>
/// Thrown when two amounts in different currencies are added, subtracted or compared.
/// Convert one of them first with an <see cref="ExchangeRateTable"/>.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Initializes a new instance naming both currencies.</summary>
    /// <param name="left">The currency of the left operand.</param>
    /// <param name="right">The currency of the right operand.</param>
    /// <param name="operation">What was attempted, such as "add" or "compare".</param>
    public CurrencyMismatchException(Currency left, Currency right, string operation)
        : base($"Cannot {operation} {left} and {right}: the amounts are in different currencies. Convert one with an {nameof(ExchangeRateTable)} first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the default message.</summary>
    public CurrencyMismatchException()
        : base("The amounts are in different currencies.")
    {
    }

    /// <summary>Gets the currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>Gets the currency of the right operand.</summary>
    public Currency Right { get; }
}
