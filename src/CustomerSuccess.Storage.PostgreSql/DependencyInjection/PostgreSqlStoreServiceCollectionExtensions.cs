using System;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using CustomerSuccess.Storage.PostgreSql;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store as every store interface of the capability packages.</summary>
public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL store with options configured elsewhere (for example bound from configuration with
    /// <c>services.Configure&lt;PostgreSqlStoreOptions&gt;(section)</c>); the options are validated at start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services) =>
        services.AddPostgreSqlStore(static _ => { });

    /// <summary>Registers the PostgreSQL store on a database.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">The Npgsql connection string; the tables are created on first use.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddPostgreSqlStore(options => options.ConnectionString = connectionString);
    }

    /// <summary>Registers the PostgreSQL store, configured by an action; the options are validated at start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<PostgreSqlStoreOptions> options = services.AddOptions<PostgreSqlStoreOptions>().Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(PostgreSqlStore)))
        {
            return services; // registered once; this call's configuration is added above
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>();
        services.AddSingleton(provider => new PostgreSqlStore(provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.AddSingleton<IScoreSnapshotStore>(provider => provider.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IOverrideStore>(provider => provider.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IAlertLog>(provider => provider.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IAccountStateStore>(provider => provider.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IPlanStore>(provider => provider.GetRequiredService<PostgreSqlStore>());
        return services;
    }
}
