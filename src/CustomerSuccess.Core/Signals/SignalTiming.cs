namespace CustomerSuccess.Signals;

/// <summary>
/// Whether a signal warns early or late. Seed 001: usage falls after a customer has already failed (lagging);
/// the essential behaviors of successful customers, tracked early, lead. A model can be read for how early it warns.
/// </summary>
/// <remarks>
/// <see cref="Lagging"/> is the default value on purpose: most health-score inputs lag, so a signal whose author
/// made no claim is not credited with warning early.
/// </remarks>
public enum SignalTiming
{
    /// <summary>Moves after the outcome is already under way (usage decline, overdue invoices, support escalations).</summary>
    Lagging = 0,

    /// <summary>Moves before the outcome (adoption of the essential behaviors, success-plan progress, sponsor engagement).</summary>
    Leading = 1,
}
