using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>A rule that fired for an account (and user) as of an instant, with the evidence that made it fire.</summary>
/// <remarks>Immutable. Callers that store alerts can rebuild them with the constructor to pass as earlier alerts for cooldowns.</remarks>
public sealed class Alert
{
    /// <summary>Initializes an alert.</summary>
    /// <param name="identity">The rule, account and key.</param>
    /// <param name="kind">Risk, opportunity or trigger.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="raisedAt">The as-of instant of the evaluation that raised it.</param>
    /// <param name="message">The rendered message; empty when the rule has none.</param>
    /// <param name="evidence">What every leaf observed.</param>
    public Alert(AlertIdentity identity, RuleKind kind, AlertSeverity severity, Instant raisedAt, string message, IReadOnlyList<LeafEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(identity.RuleId, nameof(identity));
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(evidence);
        Identity = identity;
        Kind = kind;
        Severity = severity;
        RaisedAt = raisedAt;
        Message = message;
        Evidence = ReadOnlyViews.Copy(evidence, nameof(evidence));
    }

    /// <summary>Gets what makes this alert the same as another.</summary>
    public AlertIdentity Identity { get; }

    /// <summary>Gets the rule's id.</summary>
    public string RuleId => Identity.RuleId;

    /// <summary>Gets the account.</summary>
    public AccountId Account => Identity.Account;

    /// <summary>Gets the user for per-user rules.</summary>
    public string? Key => Identity.Key;

    /// <summary>Gets the kind.</summary>
    public RuleKind Kind { get; }

    /// <summary>Gets the severity.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the as-of instant that raised it.</summary>
    public Instant RaisedAt { get; }

    /// <summary>Gets the rendered message; empty when the rule has none.</summary>
    public string Message { get; }

    /// <summary>Gets the evidence.</summary>
    public IReadOnlyList<LeafEvidence> Evidence { get; }

    /// <summary>Returns the evidence joined with "; ", the command line's evidence column.</summary>
    /// <returns>The text.</returns>
    public string EvidenceText() => string.Join("; ", Evidence);

    /// <summary>Returns "identity kind severity: evidence".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Identity} {BehaviorRule.KindName(Kind)} {BehaviorRule.SeverityName(Severity)}: {EvidenceText()}";
}
