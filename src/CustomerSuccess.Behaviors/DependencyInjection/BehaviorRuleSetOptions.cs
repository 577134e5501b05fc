using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A rule set as plain options data, so that it can live in appsettings.json and bind from configuration. Each rule's
/// predicate is its text form, such as <c>"count(support_case_opened, last 7d) &gt;= 5"</c>.
/// </summary>
public sealed class BehaviorRuleSetOptions
{
    /// <summary>Gets the rules, in order.</summary>
    public IList<BehaviorRuleOptions> Rules { get; } = [];

    /// <summary>Builds the rule set.</summary>
    /// <param name="name">The rule set's name, for messages.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentException">A rule is invalid; the message names the rule set, the rule's position and id, and the fault.</exception>
    public RuleSet ToRuleSet(string name)
    {
        var rules = new List<BehaviorRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Rules.Count; i++)
        {
            BehaviorRuleOptions rule = Rules[i];
            string where = string.Create(CultureInfo.InvariantCulture, $"Rule set '{name}', rule {i} ('{rule.Id}')");
            if (rule.Id is not null && !ids.TryAdd(rule.Id, i))
            {
                throw new ArgumentException($"{where}: the id is also used by rule {ids[rule.Id]}; ids must be unique.");
            }

            try
            {
                rules.Add(rule.ToRule());
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new ArgumentException($"{where}: {ArgumentProblem.Of(e)}", e);
            }
        }

        return new RuleSet(rules);
    }
}

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
