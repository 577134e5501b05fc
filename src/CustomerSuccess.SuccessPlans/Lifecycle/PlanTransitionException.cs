using System;

namespace CustomerSuccess.SuccessPlans;

/// <summary>A lifecycle transition was refused; <see cref="Rule"/> says which rule it broke.</summary>
public sealed class PlanTransitionException : InvalidOperationException
{
    /// <summary>Initializes the exception.</summary>
    public PlanTransitionException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    public PlanTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PlanTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception for a broken rule.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="from">Its status.</param>
    /// <param name="to">The status asked for.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="detail">What exactly is wrong.</param>
    public PlanTransitionException(string planId, PlanStatus from, PlanStatus to, TransitionRule rule, string detail)
        : base($"Plan '{planId}' cannot go from {from} to {to}: {detail} (rule {rule}).")
    {
        PlanId = planId;
        From = from;
        To = to;
        Rule = rule;
    }

    /// <summary>Gets the plan's id.</summary>
    public string? PlanId { get; }

    /// <summary>Gets the plan's status.</summary>
    public PlanStatus From { get; }

    /// <summary>Gets the status asked for.</summary>
    public PlanStatus To { get; }

    /// <summary>Gets the rule broken.</summary>
    public TransitionRule Rule { get; }
}
