using System;

namespace CustomerSuccess.SuccessPlans;

/// <summary>One registered template; registered by <see cref="Microsoft.Extensions.DependencyInjection.SuccessPlansBuilder.AddTemplate"/>.</summary>
public sealed class PlanTemplateRegistration
{
    /// <summary>Initializes a registration.</summary>
    /// <param name="template">The template.</param>
    public PlanTemplateRegistration(PlanTemplate template) => Template = template ?? throw new ArgumentNullException(nameof(template));

    /// <summary>Gets the template.</summary>
    public PlanTemplate Template { get; }
}
