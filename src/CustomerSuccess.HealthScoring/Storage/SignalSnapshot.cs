using System;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>One signal's part in a stored score: what it measured, what its curve made of it, what it added.</summary>
public sealed class SignalSnapshot : IEquatable<SignalSnapshot>
{
    /// <summary>Creates a signal's record.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="raw">The raw value; missing with its reason when the signal could not be measured.</param>
    /// <param name="curveScore">The curve's score of the raw value, 0 to 100; <see langword="null"/> when missing.</param>
    /// <param name="weight">The weight it had after missing signals' weights were spread.</param>
    /// <param name="contribution">Its points in the score (curve score times weight).</param>
    /// <exception cref="ArgumentException"><paramref name="signal"/> is the default id.</exception>
    public SignalSnapshot(SignalId signal, SignalValue raw, double? curveScore, double weight, double contribution)
    {
        if (signal.IsDefault)
        {
            throw new ArgumentException("A signal's record needs the signal's id.", nameof(signal));
        }

        Signal = signal;
        Raw = raw;
        CurveScore = curveScore;
        Weight = weight;
        Contribution = contribution;
    }

    /// <summary>Gets the signal.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets the raw value, or the reason it is missing.</summary>
    public SignalValue Raw { get; }

    /// <summary>Gets the curve's score of the raw value; <see langword="null"/> when the value is missing.</summary>
    public double? CurveScore { get; }

    /// <summary>Gets the weight the signal had in this score.</summary>
    public double Weight { get; }

    /// <summary>Gets the signal's points in the score.</summary>
    public double Contribution { get; }

    /// <summary>The record of one signal of an explanation.</summary>
    /// <param name="contribution">The signal's contribution.</param>
    /// <returns>The record.</returns>
    public static SignalSnapshot Of(SignalContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return new SignalSnapshot(contribution.Id, contribution.Raw, contribution.CurveScore, contribution.EffectiveWeight, contribution.Contribution);
    }

    /// <inheritdoc/>
    public bool Equals(SignalSnapshot? other) =>
        other is not null && Signal == other.Signal && Raw == other.Raw && Nullable.Equals(CurveScore, other.CurveScore)
        && Weight.Equals(other.Weight) && Contribution.Equals(other.Contribution);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignalSnapshot);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Signal, Raw, CurveScore, Weight, Contribution);

    /// <inheritdoc/>
    public override string ToString() => $"{Signal} = {Raw} -> {CurveScore?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "missing"} x {Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}
