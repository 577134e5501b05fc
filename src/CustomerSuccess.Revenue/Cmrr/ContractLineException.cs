using System;

namespace CustomerSuccess.Revenue;

/// <summary>A contract line is invalid on its own or contradicts the rest of the ledger. Names the line and the field.</summary>
public sealed class ContractLineException : ArgumentException
{
    /// <summary>Initializes a new instance naming the line and field.</summary>
    /// <param name="lineId">The id of the line at fault.</param>
    /// <param name="field">The field at fault, as named in the contract file (such as "end" or "renews").</param>
    /// <param name="problem">What is wrong.</param>
    public ContractLineException(string lineId, string field, string problem)
        : base($"Contract line '{lineId}', field '{field}': {problem}.")
    {
        LineId = lineId;
        Field = field;
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public ContractLineException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ContractLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the default message.</summary>
    public ContractLineException()
        : base("A contract line is invalid.")
    {
    }

    /// <summary>Gets the id of the line at fault, when known.</summary>
    public string? LineId { get; }

    /// <summary>Gets the field at fault, when known.</summary>
    public string? Field { get; }
}
