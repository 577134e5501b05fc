using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// Runs a portfolio request over a cluster: one grain per shard, placed by Orleans on any silo, each reading its shard
/// through the silos' <see cref="IPortfolioSource"/> and returning partial figures, merged here in shard order. A shard
/// whose call fails for a reason of the cluster (its silo stopped or died, no answer within
/// <see cref="PortfolioJobOptions.ShardTimeout"/>) runs again as a new grain,
/// up to <see cref="PortfolioJobOptions.MaxAttempts"/> times; a shard's figures are taken once, so none is counted twice.
/// Runs on a client or inside a grain; keeps no state between runs.
/// </summary>
public sealed class PortfolioJob
{
    private readonly IGrainFactory _grains;
    private readonly PortfolioJobOptions _options;

    /// <summary>Initializes a job runner.</summary>
    /// <param name="grains">The cluster's grain factory (a cluster client's, or a grain's own).</param>
    /// <param name="options">Shards and attempts; the defaults when <see langword="null"/>.</param>
    /// <exception cref="CustomerSuccessValidationException">The options are out of range.</exception>
    public PortfolioJob(IGrainFactory grains, PortfolioJobOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
        _options = options ?? new PortfolioJobOptions();
        _options.Validate();
    }

    /// <summary>Runs the request over every shard and merges their figures.</summary>
    /// <param name="request">What to compute.</param>
    /// <param name="cancellationToken">Stops waiting (shards already running finish on their silos).</param>
    /// <returns>The merged figures, with how each shard ran.</returns>
    /// <exception cref="CustomerSuccessValidationException">The request is invalid.</exception>
    /// <exception cref="PortfolioJobException">A shard's data was refused, or a shard failed on every attempt.</exception>
    public async Task<PortfolioResult> RunAsync(PortfolioRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        string job = Guid.NewGuid().ToString("N");
        int shards = _options.Shards;
        var results = new PortfolioShardResult?[shards];
        var attempts = new int[shards];
        var lastFailure = new Exception?[shards];
        var clock = Stopwatch.StartNew();
        for (int attempt = 1; attempt <= _options.MaxAttempts && results.Any(r => r is null); attempt++)
        {
            int[] pending = [.. Enumerable.Range(0, shards).Where(s => results[s] is null)];
            Task<PortfolioShardResult>[] calls = [.. pending.Select(s =>
            {
                attempts[s] = attempt;
                string key = string.Create(CultureInfo.InvariantCulture, $"{job}/{attempt}/{s}");
                return _grains.GetGrain<IPortfolioShardGrain>(key).ComputeAsync(request, new PortfolioShard(s, shards), cancellationToken)
                    .WaitAsync(_options.ShardTimeout, cancellationToken);
            })];

            for (int i = 0; i < calls.Length; i++)
            {
                try
                {
                    results[pending[i]] = await calls[i].ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    lastFailure[pending[i]] = e; // the cluster's fault: the shard runs again
                }
            }
        }

        if (Array.FindIndex(results, r => r is null) is int lost and >= 0)
        {
            throw new PortfolioJobException(
                string.Create(CultureInfo.InvariantCulture, $"{new PortfolioShard(lost, shards)} failed on all {_options.MaxAttempts} attempts; the last: {lastFailure[lost]?.Message}"),
                lastFailure[lost]);
        }

        if (results.FirstOrDefault(r => r!.Fault is not null) is { } refused)
        {
            throw new PortfolioJobException($"The job stopped: {refused.Fault}", null);
        }

        PortfolioPartial merged = results.Select(r => r!.Partial!).Aggregate((a, b) => a.Merge(b));
        return new PortfolioResult(merged, attempts, [.. results.Select(r => r!.Silo ?? string.Empty)], clock.Elapsed);
    }
}
