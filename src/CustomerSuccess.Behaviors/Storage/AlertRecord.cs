using System;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// An alert as kept in an alert log: what was raised, when, with what message and evidence (as text), and whether and by
/// whom it was acknowledged. The log's latest alert of an identity is what a rule's cooldown is measured from.
/// </summary>
public sealed class AlertRecord : IEquatable<AlertRecord>
{
    /// <summary>Creates a record.</summary>
    /// <param name="identity">The rule, account and key.</param>
    /// <param name="kind">Risk or opportunity.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="raisedAt">When it was raised.</param>
    /// <param name="message">The rendered message.</param>
    /// <param name="evidence">The evidence, as <see cref="Alert.EvidenceText"/> gives it.</param>
    /// <param name="acknowledgedAt">When it was acknowledged; <see langword="null"/> while open.</param>
    /// <param name="acknowledgedBy">Who acknowledged it; with <paramref name="acknowledgedAt"/> only.</param>
    /// <exception cref="ArgumentException">The identity has no rule or account, or an acknowledgement lacks its instant or author.</exception>
    public AlertRecord(AlertIdentity identity, RuleKind kind, AlertSeverity severity, Instant raisedAt, string message, string evidence, Instant? acknowledgedAt = null, string? acknowledgedBy = null)
    {
        if (string.IsNullOrEmpty(identity.RuleId) || identity.Account.IsDefault)
        {
            throw new ArgumentException("An alert's identity names its rule and account.", nameof(identity));
        }

        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(evidence);
        if (acknowledgedAt.HasValue == string.IsNullOrWhiteSpace(acknowledgedBy))
        {
            throw new ArgumentException("An acknowledgement has both its instant and who acknowledged.", nameof(acknowledgedBy));
        }

        Identity = identity;
        Kind = kind;
        Severity = severity;
        RaisedAt = raisedAt;
        Message = message;
        Evidence = evidence;
        AcknowledgedAt = acknowledgedAt;
        AcknowledgedBy = acknowledgedBy;
    }

    /// <summary>Gets the rule, account and key.</summary>
    public AlertIdentity Identity { get; }

    /// <summary>Gets risk or opportunity.</summary>
    public RuleKind Kind { get; }

    /// <summary>Gets the severity.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets when it was raised.</summary>
    public Instant RaisedAt { get; }

    /// <summary>Gets the rendered message.</summary>
    public string Message { get; }

    /// <summary>Gets the evidence as text.</summary>
    public string Evidence { get; }

    /// <summary>Gets when it was acknowledged; <see langword="null"/> while open.</summary>
    public Instant? AcknowledgedAt { get; }

    /// <summary>Gets who acknowledged it.</summary>
    public string? AcknowledgedBy { get; }

    /// <summary>Gets whether it is still open (not acknowledged).</summary>
    public bool IsOpen => AcknowledgedAt is null;

    /// <summary>The record of a raised alert.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns>The open record.</returns>
    public static AlertRecord Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertRecord(alert.Identity, alert.Kind, alert.Severity, alert.RaisedAt, alert.Message, alert.EvidenceText());
    }

    /// <summary>
    /// The alert again, for <see cref="BehaviorEvaluator.Alerts"/>'s <c>earlier</c> alerts, which read only the identity and
    /// the instant: the evidence list is empty (the evidence is kept as text, in <see cref="Evidence"/>).
    /// </summary>
    /// <returns>The alert.</returns>
    public Alert ToAlert() => new(Identity, Kind, Severity, RaisedAt, Message, []);

    /// <summary>The same record, acknowledged.</summary>
    /// <param name="at">When.</param>
    /// <param name="by">By whom.</param>
    /// <returns>The acknowledged record.</returns>
    public AlertRecord AcknowledgeAt(Instant at, string by) => new(Identity, Kind, Severity, RaisedAt, Message, Evidence, at, by);

    /// <inheritdoc/>
    public bool Equals(AlertRecord? other) =>
        other is not null && Identity == other.Identity && Kind == other.Kind && Severity == other.Severity && RaisedAt == other.RaisedAt
        && string.Equals(Message, other.Message, StringComparison.Ordinal) && string.Equals(Evidence, other.Evidence, StringComparison.Ordinal)
        && AcknowledgedAt == other.AcknowledgedAt && string.Equals(AcknowledgedBy, other.AcknowledgedBy, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AlertRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Identity, RaisedAt);

    /// <inheritdoc/>
    public override string ToString() => $"{Identity} at {RaisedAt}{(IsOpen ? "" : $", acknowledged by {AcknowledgedBy}")}: {Message}";
}
