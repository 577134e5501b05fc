using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>A score's change between two explanations, attributed.</summary>
public sealed class ScoreChange
{
    /// <summary>Initializes a new <see cref="ScoreChange"/>.</summary>
    /// <param name="change">The current score minus the earlier one.</param>
    /// <param name="bySignal">Each signal's change of contribution, in model order.</param>
    /// <param name="adjustments">The change from gates and overrides.</param>
    public ScoreChange(double change, IReadOnlyList<SignalChange> bySignal, double adjustments)
    {
        Change = change;
        BySignal = ReadOnlyViews.Copy(bySignal, nameof(bySignal));
        Adjustments = adjustments;
    }

    /// <summary>Gets the current score minus the earlier one.</summary>
    public double Change { get; }

    /// <summary>Gets the change of each signal's contribution, in model order.</summary>
    public IReadOnlyList<SignalChange> BySignal { get; }

    /// <summary>Gets the change from gates and overrides.</summary>
    public double Adjustments { get; }
}
