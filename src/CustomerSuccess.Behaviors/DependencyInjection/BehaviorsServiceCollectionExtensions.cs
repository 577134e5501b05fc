using System;
using CustomerSuccess.Behaviors;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers behavior rule sets, bound from configuration and validated at start.</summary>
public static class BehaviorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BehaviorRuleSets"/> and the validation of every rule set added to the returned builder.
    /// Calling it again returns a builder over the same registrations.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add rule sets.</returns>
    public static BehaviorRulesBuilder AddBehaviorRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        BehaviorRuleSetRegistry? registry = null;
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(BehaviorRuleSetRegistry) && descriptor.ImplementationInstance is BehaviorRuleSetRegistry existing)
            {
                registry = existing;
            }
        }

        if (registry is null)
        {
            registry = new BehaviorRuleSetRegistry();
            services.AddSingleton(registry);
        }

        services.TryAddSingleton<BehaviorRuleSets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BehaviorRuleSetOptions>, BehaviorRuleSetOptionsValidator>());
        return new BehaviorRulesBuilder(services, registry);
    }
}

/// <summary>Adds named rule sets.</summary>
public sealed class BehaviorRulesBuilder
{
    private readonly BehaviorRuleSetRegistry _registry;

    internal BehaviorRulesBuilder(IServiceCollection services, BehaviorRuleSetRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a named rule set, validated at start. Bind it from configuration with
    /// <c>services.Configure&lt;BehaviorRuleSetOptions&gt;(name, section)</c>, set it here, or both.
    /// </summary>
    /// <param name="name">The rule set's name.</param>
    /// <param name="configure">Sets rules in code; runs after configuration binding registered earlier.</param>
    /// <returns>This builder.</returns>
    public BehaviorRulesBuilder AddRuleSet(string name, Action<BehaviorRuleSetOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _registry.Add(name);
        OptionsBuilder<BehaviorRuleSetOptions> options = Services.AddOptions<BehaviorRuleSetOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        return this;
    }
}
