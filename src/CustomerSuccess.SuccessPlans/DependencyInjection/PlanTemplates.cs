using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.SuccessPlans;

/// <summary>The plan templates registered with <c>AddSuccessPlans().AddTemplate(...)</c>, by name and by segment.</summary>
public sealed class PlanTemplates
{
    private readonly Dictionary<string, PlanTemplate> _byName;

    /// <summary>Initializes the templates; resolved from the service provider.</summary>
    /// <param name="registrations">The registered templates.</param>
    /// <exception cref="ArgumentException">Two templates share a name.</exception>
    public PlanTemplates(IEnumerable<PlanTemplateRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        _byName = new Dictionary<string, PlanTemplate>(StringComparer.Ordinal);
        foreach (PlanTemplateRegistration registration in registrations)
        {
            if (!_byName.TryAdd(registration.Template.Name, registration.Template))
            {
                throw new ArgumentException($"Plan template '{registration.Template.Name}' is registered twice.", nameof(registrations));
            }
        }
    }

    /// <summary>Gets the templates.</summary>
    public IReadOnlyCollection<PlanTemplate> All => _byName.Values;

    /// <summary>Returns a template by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The template.</returns>
    /// <exception cref="KeyNotFoundException">No template has that name.</exception>
    public PlanTemplate Get(string name) => _byName.TryGetValue(name, out PlanTemplate? template)
        ? template
        : throw new KeyNotFoundException($"No plan template is registered as '{name}'; registered: {string.Join(", ", _byName.Keys.Select(k => "'" + k + "'"))}.");

    /// <summary>Returns the first template for a segment, or <see langword="null"/>.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The template.</returns>
    public PlanTemplate? ForSegment(string segment) => _byName.Values.FirstOrDefault(t => string.Equals(t.Segment, segment, StringComparison.Ordinal));
}

/// <summary>One registered template; registered by <c>AddTemplate</c>.</summary>
/// <param name="Template">The template.</param>
public sealed record PlanTemplateRegistration(PlanTemplate Template);

/// <summary>Validates <see cref="SuccessPlanOptions"/> at start, naming the setting at fault.</summary>
internal sealed class SuccessPlanOptionsValidator : IValidateOptions<SuccessPlanOptions>
{
    public ValidateOptionsResult Validate(string? name, SuccessPlanOptions options)
    {
        var failures = new List<string>();
        if (options.OnboardingSlaDays is < 1 or > 3650)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.OnboardingSlaDays)} must be 1 to 3650 days, not {options.OnboardingSlaDays}.");
        }

        if (options.KickoffWithinDays is < 0 or > 365)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.KickoffWithinDays)} must be 0 to 365 days, not {options.KickoffWithinDays}.");
        }

        if (options.KickoffToGoLiveDays is < 1 or > 3650)
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.KickoffToGoLiveDays)} must be 1 to 3650 days, not {options.KickoffToGoLiveDays}.");
        }

        if (!(options.AtRiskFrom is >= 0 and <= 1))
        {
            failures.Add($"{nameof(SuccessPlanOptions)}.{nameof(SuccessPlanOptions.AtRiskFrom)} must be a fraction from 0 to 1, not {options.AtRiskFrom}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
