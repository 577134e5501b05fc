using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Orleans;

/// <summary>
/// Where a silo reads its shard of the portfolio: the MRR history, scores and behavior of the accounts the shard holds
/// (<see cref="PortfolioShard.Holds"/>), from the warehouse, a store or files every silo can reach. Registered once per
/// silo (<c>siloBuilder.AddCustomerSuccess(o => ...).AddPortfolioSource&lt;T&gt;()</c>); called on any silo, any number
/// of times for one shard (a shard re-runs when its silo is lost), so it reads and never writes.
/// </summary>
/// <remarks>
/// Error contract: throw to fail the job (bad data: the job reports the shard and the message and does not retry);
/// cancellation means the silo is going away, and the shard runs again elsewhere.
/// </remarks>
public interface IPortfolioSource
{
    /// <summary>Reads one shard's accounts.</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="request">What the job computes, so that a source reads only what it needs.</param>
    /// <param name="cancellationToken">Cancelled when the silo stops.</param>
    /// <returns>The shard's slice of the portfolio; an account outside the shard is a fault of the source.</returns>
    ValueTask<PortfolioSlice> ReadAsync(PortfolioShard shard, PortfolioRequest request, CancellationToken cancellationToken);
}
