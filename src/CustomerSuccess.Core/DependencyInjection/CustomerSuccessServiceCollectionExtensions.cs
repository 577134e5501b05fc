using System;
using CustomerSuccess;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services every CustomerSuccess package relies on.</summary>
public static class CustomerSuccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the system <see cref="IClock"/> (unless one is registered already, such as a fake clock in tests)
    /// and <see cref="CustomerSuccessOptions"/> with validation at start. Calling it more than once is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddCustomerSuccessCore(this IServiceCollection services) =>
        services.AddCustomerSuccessCore(static _ => { });

    /// <summary>
    /// Registers the system <see cref="IClock"/> (unless one is registered already) and
    /// <see cref="CustomerSuccessOptions"/> configured by <paramref name="configure"/>, validated at start.
    /// Bind configuration with <c>services.Configure&lt;CustomerSuccessOptions&gt;(section)</c> as usual.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding registered earlier.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddCustomerSuccessCore(this IServiceCollection services, Action<CustomerSuccessOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

#pragma warning disable RS0030 // The one place allowed to choose the system clock: everything else is handed this IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.AddOptions<CustomerSuccessOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerSuccessOptions>, CustomerSuccessOptionsValidator>());
        return services;
    }
}
