using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using CustomerSuccess.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Hosting;

/// <summary>Adds CustomerSuccess to an Orleans silo: account grains, portfolio shards, options validated at start.</summary>
public static class CustomerSuccessSiloBuilderExtensions
{
    /// <summary>
    /// Adds the account grains and portfolio shards to the silo, with options (bound from configuration earlier, set
    /// here, or both) validated when the silo starts. The application registers grain storage named
    /// <see cref="CustomerSuccessCluster.StorageName"/> and, to publish alerts, a stream provider named
    /// <see cref="CustomerSuccessCluster.StreamProviderName"/>. Calling it again adds to the same options.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add a portfolio source with.</returns>
    public static CustomerSuccessSiloBuilder AddCustomerSuccess(this ISiloBuilder builder, Action<CustomerSuccessClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<CustomerSuccessClusterOptions> options = builder.Services.AddOptions<CustomerSuccessClusterOptions>().Configure(configure);
        if (!builder.Services.Any(d => d.ServiceType == typeof(AccountRuntime)))
        {
            options.ValidateOnStart(); // once: it registers its start-up check on every call
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerSuccessClusterOptions>, CustomerSuccessClusterOptionsValidator>());
        if (!builder.Services.Any(d => d.ServiceType == typeof(AccountRuntime)))
        {
            builder.AddPlacementDirector<PortfolioShardPlacement, PortfolioShardPlacementDirector>();
        }

        builder.Services.TryAddSingleton<AccountRuntime>();
        return new CustomerSuccessSiloBuilder(builder);
    }

    /// <summary>Adds the account grains and portfolio shards with the default options.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns>A builder to add a portfolio source with.</returns>
    public static CustomerSuccessSiloBuilder AddCustomerSuccess(this ISiloBuilder builder) => builder.AddCustomerSuccess(static _ => { });
}
