using System;
using System.Linq;
using CustomerSuccess.HealthScoring;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers health scoring for an account type: its models, signal plugins and model selection, validated at start.</summary>
public static class HealthScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HealthScorers{TAccount}"/> and the validation of <see cref="HealthScoringOptions{TAccount}"/> at start;
    /// bind the options from configuration or add models on the returned builder. Calling it again for the same account type
    /// registers nothing twice.
    /// </summary>
    /// <typeparam name="TAccount">The account type the signals read.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add models and signals.</returns>
    public static HealthScoringBuilder<TAccount> AddHealthScoring<TAccount>(this IServiceCollection services) =>
        services.AddHealthScoring<TAccount>(static _ => { });

    /// <summary>Registers health scoring for an account type with its options set in code (after configuration binding registered earlier).</summary>
    /// <typeparam name="TAccount">The account type the signals read.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the models, the default model and the selection rules.</param>
    /// <returns>A builder to add models and signals.</returns>
    public static HealthScoringBuilder<TAccount> AddHealthScoring<TAccount>(this IServiceCollection services, Action<HealthScoringOptions<TAccount>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<HealthScoringOptions<TAccount>> options = services.AddOptions<HealthScoringOptions<TAccount>>().Configure(configure);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<HealthScoringOptions<TAccount>>) && d.ImplementationType == typeof(HealthScoringOptionsValidator<TAccount>)))
        {
            // Once per account type: ValidateOnStart registers its start-up validator again on every call.
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<HealthScoringOptions<TAccount>>, HealthScoringOptionsValidator<TAccount>>();
        }

        services.TryAddSingleton<HealthScorers<TAccount>>();
        return new HealthScoringBuilder<TAccount>(services);
    }
}
