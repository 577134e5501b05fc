using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>A signal the fit gave no weight, and why.</summary>
public sealed class DroppedSignal
{
    /// <summary>Initializes a new <see cref="DroppedSignal"/>.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="coefficient">Its unconstrained logistic coefficient on the curve score (negative means a higher score lowers churn).</param>
    /// <param name="reason">Why it was dropped.</param>
    public DroppedSignal(SignalId signal, double coefficient, string reason)
    {
        Signal = signal;
        Coefficient = coefficient;
        Reason = reason;
    }

    /// <summary>Gets the signal.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets its unconstrained logistic coefficient on the curve score (negative means a higher score lowers churn).</summary>
    public double Coefficient { get; }

    /// <summary>Gets why it was dropped.</summary>
    public string Reason { get; }
}
