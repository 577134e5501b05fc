using System;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>One rule as plain options data.</summary>
public sealed class BehaviorRuleOptions
{
    /// <summary>Gets or sets the rule's id.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the kind: risk, opportunity or trigger.</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the severity: info, warning or danger.</summary>
    public string? Severity { get; set; }

    /// <summary>Gets or sets the cooldown, such as "7d" or "forever"; none when empty.</summary>
    public string? Cooldown { get; set; }

    /// <summary>Gets or sets whether the predicate is judged per user.</summary>
    public bool PerUser { get; set; }

    /// <summary>Gets or sets the message template.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets the predicate in text form.</summary>
    public string? When { get; set; }

    internal BehaviorRule ToRule()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw new ArgumentException("Id is required.");
        }

        if (Kind is null || !BehaviorRule.TryKind(Kind, out RuleKind kind))
        {
            throw new ArgumentException($"Kind '{Kind}' is not risk, opportunity or trigger.");
        }

        if (Severity is null || !BehaviorRule.TrySeverity(Severity, out AlertSeverity severity))
        {
            throw new ArgumentException($"Severity '{Severity}' is not info, warning or danger.");
        }

        if (string.IsNullOrWhiteSpace(When))
        {
            throw new ArgumentException("When is required: the predicate in text form.");
        }

        Duration cooldown;
        try
        {
            cooldown = string.IsNullOrWhiteSpace(Cooldown) ? Duration.Zero
                : Cooldown == "forever" ? BehaviorRule.Forever
                : BehaviorJson.DurationValue(Cooldown, "Cooldown");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException(e.Message, e);
        }

        BehaviorPredicate when;
        try
        {
            when = BehaviorPredicate.Parse(When);
        }
        catch (BehaviorSyntaxException e)
        {
            throw new ArgumentException($"When: {e.Message}", e);
        }

        return new BehaviorRule(Id, kind, severity, when, cooldown, PerUser, Message);
    }
}
