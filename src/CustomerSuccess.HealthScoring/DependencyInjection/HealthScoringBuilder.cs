using System;
using System.Diagnostics.CodeAnalysis;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds models and signal plugins to an account type's health scoring; returned by <c>AddHealthScoring</c>.</summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthScoringBuilder<TAccount>
{
    internal HealthScoringBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds or changes a named model in code (configuration can bind models too, under <c>Models</c>); validated at start
    /// with the rest of <see cref="HealthScoringOptions{TAccount}"/>.
    /// </summary>
    /// <param name="name">The model's name, such as "high-touch".</param>
    /// <param name="configure">Sets the model; runs after configuration binding registered earlier.</param>
    /// <returns>This builder.</returns>
    public HealthScoringBuilder<TAccount> AddModel(string name, Action<HealthModelOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure<HealthScoringOptions<TAccount>>(options =>
        {
            if (!options.Models.TryGetValue(name, out HealthModelOptions? model) || model is null)
            {
                model = new HealthModelOptions();
                options.Models[name] = model;
            }

            configure(model);
        });
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

    /// <summary>Adds a signal plugin type, created by the container (so it can take services); adding it twice adds it once.</summary>
    /// <typeparam name="TSignal">The signal type.</typeparam>
    /// <returns>This builder.</returns>
    public HealthScoringBuilder<TAccount> AddSignal<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSignal>()
        where TSignal : class, ISignal<TAccount>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISignal<TAccount>, TSignal>());
        return this;
    }
}
