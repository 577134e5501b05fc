using System;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>One signal's place in a health model: its curve, weight, group and missing-value policy.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthSignalDefinition
{
    /// <summary>Initializes a definition.</summary>
    /// <param name="id">The id of the signal that measures the raw value.</param>
    /// <param name="curve">Maps the raw value to a score.</param>
    /// <param name="weight">The weight within the group, zero or more.</param>
    /// <param name="group">The group, such as "adoption" or "support".</param>
    /// <param name="missing">What a missing value does.</param>
    /// <param name="substituteScore">The score used for a missing value under <see cref="MissingSignalPolicy.Substitute"/>.</param>
    public HealthSignalDefinition(SignalId id, IScoreCurve curve, double weight = 1, string group = "default", MissingSignalPolicy missing = MissingSignalPolicy.Skip, double substituteScore = 0)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        Id = id;
        Curve = curve;
        Weight = weight;
        Group = group;
        Missing = missing;
        SubstituteScore = substituteScore;
    }

    /// <summary>Gets the id of the signal.</summary>
    public SignalId Id { get; }

    /// <summary>Gets the curve that maps the raw value to a score.</summary>
    public IScoreCurve Curve { get; }

    /// <summary>Gets the weight within the group.</summary>
    public double Weight { get; }

    /// <summary>Gets the group.</summary>
    public string Group { get; }

    /// <summary>Gets what a missing value does.</summary>
    public MissingSignalPolicy Missing { get; }

    /// <summary>Gets the score of a missing value under <see cref="MissingSignalPolicy.Substitute"/>.</summary>
    public double SubstituteScore { get; }
}
