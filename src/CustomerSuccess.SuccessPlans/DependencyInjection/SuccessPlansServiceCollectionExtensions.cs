using System;
using System.Collections.Generic;
using CustomerSuccess.SuccessPlans;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers success-plan options and named plan templates, validated at start.</summary>
public static class SuccessPlansServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SuccessPlanOptions"/> (bind them with <c>services.Configure&lt;SuccessPlanOptions&gt;(section)</c>)
    /// with validation at start, and <see cref="PlanTemplates"/> for the templates added with
    /// <see cref="SuccessPlansBuilder.AddTemplate"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>A builder to add templates.</returns>
    public static SuccessPlansBuilder AddSuccessPlans(this IServiceCollection services, Action<SuccessPlanOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<SuccessPlanOptions> options = services.AddOptions<SuccessPlanOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SuccessPlanOptions>, SuccessPlanOptionsValidator>());
        services.TryAddSingleton<PlanTemplates>();
        return new SuccessPlansBuilder(services);
    }
}

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
