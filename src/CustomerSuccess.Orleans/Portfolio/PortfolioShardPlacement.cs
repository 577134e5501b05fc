using System;
using System.Globalization;
using System.Threading.Tasks;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace CustomerSuccess.Orleans;

/// <summary>
/// Deals a job's shards out over the compatible silos in turn: shard <c>s</c> of attempt <c>a</c> goes to silo
/// <c>(s + a - 1) mod n</c> of the silos in address order. Orleans' default placement prefers the silo that receives the
/// call when the others are no less loaded, and a client's calls all arrive through a few gateways, so a job's shards
/// could all run on one silo; a compute job wants them spread, and a retried shard on a silo other than its last.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.portfolio-shard-placement")]
internal sealed class PortfolioShardPlacement : PlacementStrategy
{
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class PortfolioShardPlacementAttribute : PlacementAttribute
{
    public PortfolioShardPlacementAttribute()
        : base(new PortfolioShardPlacement())
    {
    }
}

internal sealed class PortfolioShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        // Sorted so that every silo deals the same hand: the gateway that places a shard varies from call to call.
        SiloAddress[] ordered = (SiloAddress[])silos.Clone();
        Array.Sort(ordered);
        long turn = Turn(target.GrainIdentity.Key.ToString());
        return Task.FromResult(ordered[(int)(turn % ordered.Length)]);
    }

    /// <summary>Shard + attempt - 1 from the key <c>job/attempt/shard</c> that <see cref="PortfolioJob"/> gives each grain.</summary>
    internal static long Turn(string key)
    {
        string[] parts = key.Split('/');
        return parts.Length == 3
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int attempt)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int shard)
            ? (long)shard + attempt - 1
            : (uint)StringComparer.Ordinal.GetHashCode(key); // not a job's key: anywhere, evenly
    }
}
