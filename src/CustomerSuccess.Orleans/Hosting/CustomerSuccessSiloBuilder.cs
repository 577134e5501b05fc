using System;
using System.Diagnostics.CodeAnalysis;
using CustomerSuccess.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Hosting;

/// <summary>Adds what the silo's portfolio shards read.</summary>
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
}
