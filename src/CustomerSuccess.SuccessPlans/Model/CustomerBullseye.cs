using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Seed 001's Customer Bullseye: the primary business objective at the centre, and the key processes that achieve it.
/// </summary>
public sealed record CustomerBullseye
{
    /// <summary>Initializes a bullseye.</summary>
    /// <param name="primaryBusinessObjective">The objective, in the customer's words.</param>
    /// <param name="keyProcesses">The processes that achieve it.</param>
    public CustomerBullseye(string primaryBusinessObjective, IEnumerable<string> keyProcesses)
    {
        ArgumentNullException.ThrowIfNull(keyProcesses);
        PrimaryBusinessObjective = primaryBusinessObjective ?? string.Empty;
        KeyProcesses = ReadOnlyViews.Wrap(keyProcesses.ToArray());
    }

    /// <summary>Gets the primary business objective.</summary>
    public string PrimaryBusinessObjective { get; }

    /// <summary>Gets the key processes.</summary>
    public IReadOnlyList<string> KeyProcesses { get; }

    /// <inheritdoc />
    public bool Equals(CustomerBullseye? other) =>
        other is not null && PrimaryBusinessObjective == other.PrimaryBusinessObjective && KeyProcesses.SequenceEqual(other.KeyProcesses);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PrimaryBusinessObjective, KeyProcesses.Count);
}
