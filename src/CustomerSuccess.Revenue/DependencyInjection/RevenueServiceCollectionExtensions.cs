using System;
using System.Linq;
using CustomerSuccess.Revenue;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the revenue definitional choices (<see cref="MrrOptions"/>), validated at start.</summary>
public static class RevenueServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MrrOptions"/> with validation at start; resolve <c>IOptions&lt;MrrOptions&gt;</c> and pass its value to
    /// <see cref="MrrHistory.FromRows(System.Collections.Generic.IEnumerable{MrrRow}, MrrOptions?)"/> or a history builder. The flags and
    /// policies bind from configuration with <c>services.Configure&lt;MrrOptions&gt;(section)</c>. Calling it more than once is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRevenue(this IServiceCollection services) =>
        services.AddRevenue(static _ => { });

    /// <summary>
    /// Registers <see cref="MrrOptions"/> set by <paramref name="configure"/> (after any configuration binding registered earlier),
    /// validated at start. Set the reporting currency and the exchange rates here, in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options in code.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRevenue(this IServiceCollection services, Action<MrrOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<MrrOptions> options = services.AddOptions<MrrOptions>().Configure(configure);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<MrrOptions>) && d.ImplementationType == typeof(MrrOptionsValidator)))
        {
            // Once: ValidateOnStart registers its start-up validator again on every call.
            options.ValidateOnStart();
            services.AddSingleton<IValidateOptions<MrrOptions>, MrrOptionsValidator>();
        }

        return services;
    }
}
