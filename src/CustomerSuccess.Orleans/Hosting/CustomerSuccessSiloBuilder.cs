using System;
using System.Diagnostics.CodeAnalysis;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Orleans;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Hosting;

/// <summary>Adds what the silo's portfolio shards read, and where its account grains keep their state.</summary>
public sealed class CustomerSuccessSiloBuilder
{
    internal CustomerSuccessSiloBuilder(ISiloBuilder silo)
    {
        Silo = silo;
    }

    /// <summary>Gets the silo builder.</summary>
    public ISiloBuilder Silo { get; }

    /// <summary>Registers the portfolio source every shard on this silo reads (one per silo; a later one replaces it).</summary>
    /// <typeparam name="TSource">The source, built from the silo's services.</typeparam>
    /// <returns>This builder.</returns>
    public CustomerSuccessSiloBuilder AddPortfolioSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>()
        where TSource : class, IPortfolioSource
    {
        Silo.Services.Replace(ServiceDescriptor.Singleton<IPortfolioSource, TSource>());
        return this;
    }

    /// <summary>Registers the portfolio source every shard on this silo reads (one per silo; a later one replaces it).</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessSiloBuilder AddPortfolioSource(IPortfolioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Silo.Services.Replace(ServiceDescriptor.Singleton(source));
        return this;
    }

    /// <summary>
    /// Keeps the account grains' state (grain storage <see cref="CustomerSuccessCluster.StorageName"/>) in the silo's
    /// <see cref="IAccountStateStore"/>: the project's SQLite or PostgreSQL store when the silo's services add it
    /// (<c>AddSqliteStore</c>, <c>AddPostgreSqlStore</c>), so the cluster's live state, its alerts and the batch runs share
    /// one database. Encoded with Orleans' own serializer; each write names the version it read.
    /// </summary>
    /// <returns>This builder.</returns>
    public CustomerSuccessSiloBuilder UseAccountStateStore()
    {
        Silo.Services.AddGrainStorage(CustomerSuccessCluster.StorageName, (services, _) =>
            new AccountStateGrainStorage(services.GetRequiredService<IAccountStateStore>(), new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        return this;
    }

    /// <summary>Keeps the account grains' state in a given <see cref="IAccountStateStore"/> (see <see cref="UseAccountStateStore()"/>).</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public CustomerSuccessSiloBuilder UseAccountStateStore(IAccountStateStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Silo.Services.AddGrainStorage(CustomerSuccessCluster.StorageName, (services, _) =>
            new AccountStateGrainStorage(store, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
        return this;
    }
}
