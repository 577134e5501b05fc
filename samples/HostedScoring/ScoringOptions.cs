using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace HostedScoring;

/// <summary>The worker's schedule and what it evaluates: the "Scoring" section of appsettings.json.</summary>
public sealed class ScoringOptions
{
    /// <summary>Gets or sets the hours between runs.</summary>
    public int IntervalHours { get; set; } = 24;

    /// <summary>Gets or sets how many runs before the host stops; 0 runs until stopped.</summary>
    public int Runs { get; set; }

    /// <summary>Gets or sets the name of the behavior rule set to evaluate.</summary>
    public string RuleSet { get; set; } = string.Empty;

    /// <summary>Gets or sets the instant the clock reads at start-up, for the demo data (ISO 8601); the system clock when empty.</summary>
    public string? DemoStart { get; set; }

    /// <summary>Gets the plan template files, relative to the content root.</summary>
    public IList<string> PlanTemplates { get; } = [];
}

/// <summary>Validates the "Scoring" section at start, naming the setting at fault.</summary>
internal sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var failures = new List<string>();
        if (options.IntervalHours is < 1 or > 24 * 31)
        {
            failures.Add($"Scoring:IntervalHours must be 1 to 744 hours, not {options.IntervalHours}.");
        }

        if (options.Runs < 0)
        {
            failures.Add($"Scoring:Runs must be 0 (run until stopped) or more, not {options.Runs}.");
        }

        if (string.IsNullOrWhiteSpace(options.RuleSet))
        {
            failures.Add("Scoring:RuleSet is required: name a rule set under BehaviorRules.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
