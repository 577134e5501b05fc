using System;
using CustomerSuccess.Behaviors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers named behavior rule sets, bound from configuration and validated at start.</summary>
public static class BehaviorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default rule set (name <see cref="Microsoft.Extensions.Options.Options.DefaultName"/>, bound with
    /// <c>services.Configure&lt;BehaviorRuleSetOptions&gt;(section)</c>) and <see cref="BehaviorRuleSets"/>, validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBehaviorRules(this IServiceCollection services) =>
        services.AddBehaviorRules(Microsoft.Extensions.Options.Options.DefaultName, static _ => { });

    /// <summary>Registers the default rule set with its rules set in code (after configuration binding registered earlier).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds or changes the rules.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBehaviorRules(this IServiceCollection services, Action<BehaviorRuleSetOptions> configure) =>
        services.AddBehaviorRules(Microsoft.Extensions.Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named rule set (bound with <c>services.Configure&lt;BehaviorRuleSetOptions&gt;(name, section)</c>, set here,
    /// or both) and <see cref="BehaviorRuleSets"/>, validated at start. Registering a name again adds its rules to the same set.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The rule set's name; <see langword="null"/> for <see cref="Microsoft.Extensions.Options.Options.DefaultName"/>.</param>
    /// <param name="configure">Adds or changes the rules; runs after configuration binding registered earlier.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBehaviorRules(this IServiceCollection services, string? name, Action<BehaviorRuleSetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        name ??= Microsoft.Extensions.Options.Options.DefaultName;
        OptionsBuilder<BehaviorRuleSetOptions> options = services.AddOptions<BehaviorRuleSetOptions>(name).Configure(configure);
        if (Registry(services).Add(name))
        {
            // Once per name: ValidateOnStart registers its start-up validator again on every call.
            options.ValidateOnStart();
        }

        services.TryAddSingleton<BehaviorRuleSets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BehaviorRuleSetOptions>, BehaviorRuleSetOptionsValidator>());
        return services;
    }

    // The names must be known before the provider is built (validation at start asks for each), so the registry is the
    // instance registered the first time, found again on later calls.
    private static BehaviorRuleSetRegistry Registry(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(BehaviorRuleSetRegistry) && descriptor.ImplementationInstance is BehaviorRuleSetRegistry existing)
            {
                return existing;
            }
        }

        var registry = new BehaviorRuleSetRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
