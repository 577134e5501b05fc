using System;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>A signal plugin threw while measuring an account: a bug in the signal. Names the signal and the account.</summary>
public sealed class SignalMeasurementException : Exception
{
    /// <summary>Initializes a new instance naming the signal and account.</summary>
    /// <param name="signal">The signal that threw.</param>
    /// <param name="account">The account, as its <c>ToString()</c> shows it.</param>
    /// <param name="innerException">What the signal threw.</param>
    public SignalMeasurementException(SignalId signal, string? account, Exception innerException)
        : base($"Signal '{signal}' failed to measure account '{account}': {innerException?.Message} Signals should return SignalValue.Missing(reason) for missing data.", innerException)
    {
        Signal = signal;
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public SignalMeasurementException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SignalMeasurementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with the default message.</summary>
    public SignalMeasurementException()
        : base("A signal failed to measure an account.")
    {
    }

    /// <summary>Gets the signal that threw, when known.</summary>
    public SignalId Signal { get; }
}
