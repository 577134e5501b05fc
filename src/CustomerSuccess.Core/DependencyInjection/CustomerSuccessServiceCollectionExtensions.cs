using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services every CustomerSuccess package relies on.</summary>
/// <remarks>
/// Every package registers itself the same way: <c>AddX()</c>; <c>AddX(Action&lt;XOptions&gt; configure)</c> when it has
/// options; <c>AddX(string name, Action&lt;XOptions&gt; configure)</c> when it has named instances. Each is idempotent, and
/// returns a builder when more can be registered on it (models, signals, templates), the service collection otherwise.
/// See docs/configuration.md.
/// </remarks>
public static class CustomerSuccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the system <see cref="IClock"/>, unless one is registered already (such as a fake clock in tests).
    /// Calling it more than once is harmless. Core has no options: the reporting currency is <c>MrrOptions.ReportingCurrency</c>
    /// and the time zone of calendar windows travels on each <see cref="CustomerSuccess.Signals.SignalContext"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddCustomerSuccessCore(this IServiceCollection services)
    {
        System.ArgumentNullException.ThrowIfNull(services);
#pragma warning disable RS0030 // The one place allowed to choose the system clock: everything else is handed this IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        return services;
    }
}
