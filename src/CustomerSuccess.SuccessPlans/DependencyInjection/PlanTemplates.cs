using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.SuccessPlans;

/// <summary>The plan templates registered with <c>AddSuccessPlans().AddTemplate(...)</c>, by name and by segment.</summary>
public sealed class PlanTemplates
{
    private readonly Dictionary<string, PlanTemplate> _byName;

    /// <summary>Initializes the templates; resolved from the service provider.</summary>
    /// <param name="registrations">The registered templates.</param>
    /// <exception cref="CustomerSuccessValidationException">Two templates share a name.</exception>
    public PlanTemplates(IEnumerable<PlanTemplateRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        _byName = new Dictionary<string, PlanTemplate>(StringComparer.Ordinal);
        foreach (PlanTemplateRegistration registration in registrations)
        {
            if (!_byName.TryAdd(registration.Template.Name, registration.Template))
            {
                throw new CustomerSuccessValidationException($"Plan template '{registration.Template.Name}' is registered twice.");
            }
        }
    }

    /// <summary>Gets the templates.</summary>
    public IReadOnlyCollection<PlanTemplate> All => new System.Collections.ObjectModel.ReadOnlyCollection<PlanTemplate>([.. _byName.Values]);

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
