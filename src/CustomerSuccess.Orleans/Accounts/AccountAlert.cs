using CustomerSuccess.Behaviors;
using NodaTime;
using NodaTime.Text;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// An alert an account grain raised, as it travels on the alert stream and in replies: the rule, the account (and the
/// user, for a per-user rule), kind, severity, when, the message and the evidence in text. Immutable.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.account-alert")]
public sealed class AccountAlert
{
    /// <summary>Gets the rule's id.</summary>
    [Id(0)]
    public required string RuleId { get; init; }

    /// <summary>Gets the account's id.</summary>
    [Id(1)]
    public required string Account { get; init; }

    /// <summary>Gets the user a per-user rule raised it for, or <see langword="null"/>.</summary>
    [Id(2)]
    public string? Key { get; init; }

    /// <summary>Gets "risk" or "opportunity".</summary>
    [Id(3)]
    public required string Kind { get; init; }

    /// <summary>Gets "info", "warning" or "danger".</summary>
    [Id(4)]
    public required string Severity { get; init; }

    /// <summary>Gets the as-of instant of the evaluation that raised it, in extended ISO form (every nanosecond).</summary>
    [Id(5)]
    public required string RaisedAt { get; init; }

    /// <summary>Gets the rule's message for the account.</summary>
    [Id(6)]
    public required string Message { get; init; }

    /// <summary>Gets the evidence, each leaf as "leaf = observed (condition)", joined with "; ".</summary>
    [Id(7)]
    public required string Evidence { get; init; }

    /// <summary>Gets <see cref="RaisedAt"/> as an instant.</summary>
    public Instant RaisedAtInstant => InstantPattern.ExtendedIso.Parse(RaisedAt).Value;

    /// <summary>Gets "rule/account[/user] severity at instant".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{RuleId}/{Account}{(Key is null ? string.Empty : "/" + Key)} {Severity} at {RaisedAt}";

    internal static AccountAlert Of(Alert alert) => new()
    {
        RuleId = alert.RuleId,
        Account = alert.Account.Value,
        Key = alert.Key,
        Kind = alert.Kind == RuleKind.Risk ? "risk" : "opportunity",
        Severity = alert.Severity switch { AlertSeverity.Danger => "danger", AlertSeverity.Warning => "warning", _ => "info" },
        RaisedAt = InstantPattern.ExtendedIso.Format(alert.RaisedAt),
        Message = alert.Message,
        Evidence = alert.EvidenceText(),
    };
}
