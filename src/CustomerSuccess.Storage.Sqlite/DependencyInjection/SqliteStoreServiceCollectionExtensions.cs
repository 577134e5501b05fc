using System;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.SuccessPlans;
using CustomerSuccess.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store as every store interface of the capability packages.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store with options configured elsewhere (for example bound from configuration with
    /// <c>services.Configure&lt;SqliteStoreOptions&gt;(section)</c>); the options are validated at start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services) =>
        services.AddSqliteStore(static _ => { });

    /// <summary>Registers the SQLite store on a file.</summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The database file's path; created with its schema on first use.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return services.AddSqliteStore(options => options.Path = path);
    }

    /// <summary>Registers the SQLite store, configured by an action; the options are validated at start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        OptionsBuilder<SqliteStoreOptions> options = services.AddOptions<SqliteStoreOptions>().Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(SqliteStore)))
        {
            return services; // registered once; this call's configuration is added above
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>();
        services.AddSingleton(provider => new SqliteStore(provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        services.AddSingleton<IScoreSnapshotStore>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IOverrideStore>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAlertLog>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAccountStateStore>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPlanStore>(provider => provider.GetRequiredService<SqliteStore>());
        return services;
    }
}
