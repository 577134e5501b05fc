using System;
using System.Linq;
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
    /// <see cref="SuccessPlansBuilder.AddTemplate"/>. Calling it more than once is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add templates.</returns>
    public static SuccessPlansBuilder AddSuccessPlans(this IServiceCollection services) =>
        services.AddSuccessPlans(static _ => { });

    /// <summary>Registers success plans with <see cref="SuccessPlanOptions"/> set in code (after configuration binding registered earlier).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>A builder to add templates.</returns>
    public static SuccessPlansBuilder AddSuccessPlans(this IServiceCollection services, Action<SuccessPlanOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<SuccessPlanOptions> options = services.AddOptions<SuccessPlanOptions>().Configure(configure);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<SuccessPlanOptions>) && d.ImplementationType == typeof(SuccessPlanOptionsValidator)))
        {
            // Once: ValidateOnStart registers its start-up validator again on every call.
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<SuccessPlanOptions>, SuccessPlanOptionsValidator>();
        }

        services.TryAddSingleton<PlanTemplates>();
        return new SuccessPlansBuilder(services);
    }
}
