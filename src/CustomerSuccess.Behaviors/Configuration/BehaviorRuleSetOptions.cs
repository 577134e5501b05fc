using System;
using System.Collections.Generic;
using System.Globalization;

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
    /// <exception cref="CustomerSuccessValidationException">
    /// A rule is invalid; the exception lists every invalid rule, each naming the rule set, the rule's position and id, and the fault.
    /// </exception>
    public RuleSet ToRuleSet(string name)
    {
        var rules = new List<BehaviorRule>();
        var problems = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Rules.Count; i++)
        {
            BehaviorRuleOptions rule = Rules[i];
            string where = string.Create(CultureInfo.InvariantCulture, $"Rule set '{name}', rule {i} ('{rule?.Id}')");
            if (rule is null)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Rule set '{name}', rule {i}: the rule is empty."));
                continue;
            }

            if (rule.Id is not null && !ids.TryAdd(rule.Id, i))
            {
                problems.Add($"{where}: the id is also used by rule {ids[rule.Id]}; ids must be unique.");
                continue;
            }

            try
            {
                rules.Add(rule.ToRule());
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                problems.Add($"{where}: {ArgumentProblem.Of(e)}");
            }
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
        return new RuleSet(rules);
    }
}
