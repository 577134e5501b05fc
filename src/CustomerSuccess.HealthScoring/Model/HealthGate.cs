using System;
using System.Globalization;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A rule that overrides the weighted average when a signal crosses a threshold: an invoice 90 days overdue caps the
/// score at red whatever the usage says. Floors apply first, then caps, so a cap always holds.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthGate
{
    /// <summary>Initializes a gate.</summary>
    /// <param name="signal">The signal whose raw value is compared; a missing value never fires the gate.</param>
    /// <param name="comparison">How the raw value is compared.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="effect">Cap or floor.</param>
    /// <param name="limit">The score limit, 0 to 100.</param>
    /// <param name="reason">Why, as an explanation shows it.</param>
    public HealthGate(SignalId signal, GateComparison comparison, double threshold, GateEffect effect, double limit, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Signal = signal;
        Comparison = comparison;
        Threshold = threshold;
        Effect = effect;
        Limit = limit;
        Reason = reason;
    }

    /// <summary>Gets the signal compared.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets how the raw value is compared.</summary>
    public GateComparison Comparison { get; }

    /// <summary>Gets the threshold.</summary>
    public double Threshold { get; }

    /// <summary>Gets whether the gate caps or floors.</summary>
    public GateEffect Effect { get; }

    /// <summary>Gets the score limit.</summary>
    public double Limit { get; }

    /// <summary>Gets why the gate exists.</summary>
    public string Reason { get; }

    /// <summary>Returns whether a raw value fires the gate.</summary>
    /// <param name="raw">The raw value.</param>
    /// <returns><see langword="true"/> when the comparison holds.</returns>
    public bool Fires(double raw) => Comparison switch
    {
        GateComparison.AtLeast => raw >= Threshold,
        GateComparison.Above => raw > Threshold,
        GateComparison.AtMost => raw <= Threshold,
        _ => raw < Threshold,
    };

    /// <summary>Formats as "cap at 39.9 when invoice.days_past_due >= 90 (reason)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Effect.ToString().ToLowerInvariant()} at {Limit} when {Signal} {Comparison switch { GateComparison.AtLeast => ">=", GateComparison.Above => ">", GateComparison.AtMost => "<=", _ => "<" }} {Threshold} ({Reason})");
}
