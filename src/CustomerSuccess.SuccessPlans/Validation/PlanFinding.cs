namespace CustomerSuccess.SuccessPlans;

/// <summary>One thing a plan lacks, with a message that names the plan and the part at fault.</summary>
public sealed class PlanFinding
{
    /// <summary>Initializes a new <see cref="PlanFinding"/>.</summary>
    /// <param name="kind">What is lacking.</param>
    /// <param name="message">The message.</param>
    /// <param name="subject">The metric or milestone at fault, when there is one.</param>
    public PlanFinding(FindingKind kind, string message, string? subject = null)
    {
        Kind = kind;
        Message = message;
        Subject = subject;
    }

    /// <summary>Gets the kind of finding: what is lacking.</summary>
    public FindingKind Kind { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }

    /// <summary>Gets the metric or milestone at fault, when there is one.</summary>
    public string? Subject { get; }

    /// <summary>Gets whether the finding makes the plan red.</summary>
    public bool IsRed => Kind is FindingKind.NoExecutiveSponsor or FindingKind.NoMeasurableMetric or FindingKind.NoTarget;
}
