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
/// whose call fails for a reason of the cluster (its silo stopped or died, the call timed out) runs again as a new grain,
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
                return _grains.GetGrain<IPortfolioShardGrain>(key).ComputeAsync(request, new PortfolioShard(s, shards), cancellationToken);
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

/// <summary>How a portfolio job splits and retries.</summary>
public sealed class PortfolioJobOptions
{
    /// <summary>Gets or sets the number of shards.</summary>
    /// <value>Default 16: a few per silo on a small cluster, so that a lost silo costs a few shards' time again.</value>
    public int Shards { get; set; } = 16;

    /// <summary>Gets or sets how many times a shard is tried before the job fails.</summary>
    /// <value>Default 3.</value>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Checks the options.</summary>
    /// <exception cref="CustomerSuccessValidationException">A value is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Shards is < 1 or > 1_000_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PortfolioJobOptions.Shards is {Shards}; use 1 to 1,000,000."));
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PortfolioJobOptions.MaxAttempts is {MaxAttempts}; use 1 to 100."));
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
    }
}

/// <summary>The merged figures of a portfolio job, and how its shards ran.</summary>
public sealed class PortfolioResult
{
    internal PortfolioResult(PortfolioPartial figures, int[] attempts, string[] silos, TimeSpan elapsed)
    {
        Figures = figures;
        Attempts = ReadOnlyViews.Wrap(attempts);
        Silos = ReadOnlyViews.Wrap(silos);
        Elapsed = elapsed;
    }

    /// <summary>Gets the figures, merged over every shard.</summary>
    public PortfolioPartial Figures { get; }

    /// <summary>Gets, per shard, the attempt whose figures were taken (1 unless the shard ran again).</summary>
    public IReadOnlyList<int> Attempts { get; }

    /// <summary>Gets, per shard, the name of the silo that computed its figures.</summary>
    public IReadOnlyList<string> Silos { get; }

    /// <summary>Gets the job's wall-clock time, from the first call to the last answer.</summary>
    public TimeSpan Elapsed { get; }
}

/// <summary>A portfolio job could not complete: a shard's data was refused, or a shard failed on every attempt.</summary>
public sealed class PortfolioJobException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public PortfolioJobException()
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What failed.</param>
    public PortfolioJobException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure, if any.</param>
    public PortfolioJobException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
