using System.Threading;
using System.Threading.Tasks;
using Cluster;
using Orleans.Runtime;

namespace CustomerSuccess.Orleans.Tests;

/// <summary>Every silo's portfolio source in the tests: the demo company's accounts of the shard. It can be held at a gate, so that a test stops a silo while shards run.</summary>
internal sealed class GatedDemoSource(ILocalSiloDetails silo) : IPortfolioSource
{
    private static int _reads;

    /// <summary>Gets, per shard read, the silo that read it (the latest read of a shard wins).</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<int, string> ReadOn { get; } = new();

    /// <summary>Gets or sets a shard the source refuses, as bad data would be (none when null).</summary>
    public static int? Refuse { get; set; }

    /// <summary>Gets or sets a gate every read waits at (none when null).</summary>
    public static TaskCompletionSource? Gate { get; set; }

    /// <summary>Gets the reads so far, across silos.</summary>
    public static int Reads => Volatile.Read(ref _reads);

    public async ValueTask<PortfolioSlice> ReadAsync(PortfolioShard shard, PortfolioRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        ReadOn[shard.Index] = silo.Name;
        if (Refuse == shard.Index)
        {
            throw new System.IO.InvalidDataException($"row 17 of the warehouse export for {shard} has no account id");
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return DemoPortfolio.Slice(shard.Holds);
    }
}
