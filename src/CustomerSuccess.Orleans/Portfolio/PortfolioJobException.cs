using System;

namespace CustomerSuccess.Orleans;

/// <summary>A portfolio job could not complete: a shard's data was refused, or a shard failed on every attempt.</summary>
public sealed class PortfolioJobException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public PortfolioJobException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What failed.</param>
    public PortfolioJobException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure, if any.</param>
    public PortfolioJobException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
