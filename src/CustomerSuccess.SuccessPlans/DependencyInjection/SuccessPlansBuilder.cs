using System;
using CustomerSuccess.SuccessPlans;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds plan templates.</summary>
public sealed class SuccessPlansBuilder
{
    internal SuccessPlansBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a template (one per segment, say); read them back from <see cref="PlanTemplates"/>.</summary>
    /// <param name="template">The template, for instance read with <see cref="SuccessPlanJson.DeserializeTemplate"/>.</param>
    /// <returns>This builder.</returns>
    public SuccessPlansBuilder AddTemplate(PlanTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Services.AddSingleton(new PlanTemplateRegistration(template));
        return this;
    }
}
