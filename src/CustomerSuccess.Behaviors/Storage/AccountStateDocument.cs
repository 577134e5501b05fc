using System;

namespace CustomerSuccess.Behaviors;

/// <summary>An account's stored state (<see cref="IAccountStateStore"/>): the evaluator's encoded document and its version.</summary>
public sealed class AccountStateDocument
{
    /// <summary>Creates a stored state.</summary>
    /// <param name="document">The encoded state.</param>
    /// <param name="version">Its version: 1 for the first write, one more for each write after it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 1.</exception>
    public AccountStateDocument(ReadOnlyMemory<byte> document, long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Document = document;
        Version = version;
    }

    /// <summary>Gets the encoded state.</summary>
    public ReadOnlyMemory<byte> Document { get; }

    /// <summary>Gets its version.</summary>
    public long Version { get; }
}
