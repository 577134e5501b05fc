using System;
using System.Diagnostics.CodeAnalysis;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers health scoring: named models, signal plugins, model selection, validated at start.</summary>
public static class HealthScoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HealthScorers{TAccount}"/> and the validation of every model added to the returned builder.
    /// Calling it again for the same account type returns a builder over the same registrations.
    /// </summary>
    /// <typeparam name="TAccount">The account type the signals read.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add models and signals.</returns>
    public static HealthScoringBuilder<TAccount> AddHealthScoring<TAccount>(this IServiceCollection services) =>
        services.AddHealthScoring<TAccount>(static _ => { });

    /// <summary>Registers health scoring with model selection set in code.</summary>
    /// <typeparam name="TAccount">The account type the signals read.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the default model and the selection rules; bind them from configuration with <c>services.Configure&lt;HealthScoringOptions&gt;(section)</c>.</param>
    /// <returns>A builder to add models and signals.</returns>
    public static HealthScoringBuilder<TAccount> AddHealthScoring<TAccount>(this IServiceCollection services, Action<HealthScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        HealthModelRegistry<TAccount> registry = FindRegistry<TAccount>(services);
        services.TryAddSingleton<HealthScorers<TAccount>>();
        services.AddOptions<HealthScoringOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthModelOptions>, HealthModelOptionsValidator<TAccount>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthScoringOptions>, HealthScoringOptionsValidator<TAccount>>());
        return new HealthScoringBuilder<TAccount>(services, registry);
    }

    private static HealthModelRegistry<TAccount> FindRegistry<TAccount>(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(HealthModelRegistry<TAccount>) && descriptor.ImplementationInstance is HealthModelRegistry<TAccount> existing)
            {
                return existing;
            }
        }

        var registry = new HealthModelRegistry<TAccount>();
        services.AddSingleton(registry);
        return registry;
    }
}

/// <summary>Adds named models and signal plugins to health scoring.</summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthScoringBuilder<TAccount>
{
    private readonly HealthModelRegistry<TAccount> _registry;

    internal HealthScoringBuilder(IServiceCollection services, HealthModelRegistry<TAccount> registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a named model, validated at start. Bind it from configuration with
    /// <c>services.Configure&lt;HealthModelOptions&gt;(name, section)</c>, set it here, or both.
    /// </summary>
    /// <param name="name">The model's name, such as "high-touch".</param>
    /// <param name="configure">Sets the model in code; runs after configuration binding registered earlier.</param>
    /// <returns>This builder.</returns>
    public HealthScoringBuilder<TAccount> AddModel(string name, Action<HealthModelOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _registry.Add(name);
        OptionsBuilder<HealthModelOptions> options = Services.AddOptions<HealthModelOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        return this;
    }

    /// <summary>Adds a signal plugin instance.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>This builder.</returns>
    public HealthScoringBuilder<TAccount> AddSignal(ISignal<TAccount> signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Services.AddSingleton(signal);
        return this;
    }

    /// <summary>Adds a signal plugin type, created by the container (so it can take services).</summary>
    /// <typeparam name="TSignal">The signal type.</typeparam>
    /// <returns>This builder.</returns>
    public HealthScoringBuilder<TAccount> AddSignal<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSignal>()
        where TSignal : class, ISignal<TAccount>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISignal<TAccount>, TSignal>());
        return this;
    }
}
