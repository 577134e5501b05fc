using System;
using System.Globalization;

namespace CustomerSuccess.Behaviors;

/// <summary>An account's state was written by another writer since it was read (<see cref="IAccountStateStore"/>): nothing was written.</summary>
public sealed class AccountStateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccountStateConflictException()
        : this("The account's state changed since it was read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AccountStateConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AccountStateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a write that expected one version and found another.</summary>
    /// <param name="kind">What keeps the state.</param>
    /// <param name="account">The account.</param>
    /// <param name="expected">The version the writer read.</param>
    /// <param name="found">The version stored.</param>
    public AccountStateConflictException(string kind, AccountId account, long? expected, long? found)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The {kind} state of account '{account}' is at version {(found is { } f ? f.ToString(CultureInfo.InvariantCulture) : "none")}, not {(expected is { } e ? e.ToString(CultureInfo.InvariantCulture) : "none")} as read: another writer wrote it first; read it again."))
    {
        Expected = expected;
        Found = found;
    }

    /// <summary>Gets the version the writer read, when known.</summary>
    public long? Expected { get; }

    /// <summary>Gets the version stored, when known.</summary>
    public long? Found { get; }
}
