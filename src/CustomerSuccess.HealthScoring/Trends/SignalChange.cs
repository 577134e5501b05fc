using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>One signal's share of a score change.</summary>
public sealed class SignalChange
{
    /// <summary>Initializes a new <see cref="SignalChange"/>.</summary>
    /// <param name="id">The signal.</param>
    /// <param name="delta">Its contribution now minus its contribution then, in points.</param>
    public SignalChange(SignalId id, double delta)
    {
        Id = id;
        Delta = delta;
    }

    /// <summary>Gets the signal.</summary>
    public SignalId Id { get; }

    /// <summary>Gets the change: its contribution now minus its contribution then, in points.</summary>
    public double Delta { get; }
}
