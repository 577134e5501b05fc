using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace CustomerSuccess.Orleans;

/// <summary>Computes one shard of one attempt of a portfolio job, on whichever silo Orleans places it.</summary>
[Alias("cs.portfolio-shard-grain")]
internal interface IPortfolioShardGrain : IGrainWithStringKey
{
    [Alias("compute")]
    Task<PortfolioShardResult> ComputeAsync(PortfolioRequest request, PortfolioShard shard, CancellationToken cancellationToken = default);
}

/// <summary>
/// A shard's figures, or the fault of its data. A fault is a value, not an exception, so that the job tells "the source
/// refused this shard" (fail the job) from "the silo went away" (run the shard again) without reading exception types
/// that crossed the wire.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.portfolio-shard-result")]
internal sealed class PortfolioShardResult
{
    [Id(0)]
    public PortfolioPartial? Partial { get; init; }

    [Id(1)]
    public string? Fault { get; init; }

    [Id(2)]
    public string? Silo { get; init; }
}

// One activation per (job, attempt, shard): an attempt lost with its silo is never answered, and its successor is a new
// grain, so no shard is counted twice. The grain deactivates as soon as it answers.
[PortfolioShardPlacement]
internal sealed class PortfolioShardGrain : Grain, IPortfolioShardGrain
{
    private readonly IPortfolioSource _source;
    private readonly ILocalSiloDetails _silo;

    public PortfolioShardGrain(IServiceProvider services, ILocalSiloDetails silo)
    {
        _source = services.GetService<IPortfolioSource>()
            ?? throw new InvalidOperationException("No portfolio source is registered on this silo: call siloBuilder.AddCustomerSuccess(...).AddPortfolioSource<T>().");
        _silo = silo;
    }

    public async Task<PortfolioShardResult> ComputeAsync(PortfolioRequest request, PortfolioShard shard, CancellationToken cancellationToken = default)
    {
        try
        {
            PortfolioSlice slice = await _source.ReadAsync(shard, request, cancellationToken).ConfigureAwait(true);
            return new PortfolioShardResult { Partial = PortfolioPartial.Of(request, slice), Silo = _silo.Name };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PortfolioShardResult { Fault = $"{shard}: {e.Message}", Silo = _silo.Name };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
