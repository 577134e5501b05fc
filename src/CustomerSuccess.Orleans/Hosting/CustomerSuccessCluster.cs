using System;
using Orleans.Runtime;

namespace CustomerSuccess.Orleans;

/// <summary>The names an application registers providers under, and the alert streams' ids.</summary>
public static class CustomerSuccessCluster
{
    /// <summary>The grain storage the account grains keep their state in: register one under this name (memory, ADO.NET, any provider).</summary>
    public const string StorageName = "customer-success";

    /// <summary>The stream provider the alerts are published on: register one under this name when <see cref="CustomerSuccessClusterOptions.PublishAlerts"/> is on.</summary>
    public const string StreamProviderName = "customer-success";

    /// <summary>The stream namespace of the alert streams.</summary>
    public const string AlertStreamNamespace = "cs-alerts";

    /// <summary>Returns the alert stream an account's alerts go to: partition <see cref="PortfolioShard.Of"/> of the account among <paramref name="partitions"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="partitions">The configured <see cref="CustomerSuccessClusterOptions.AlertStreamPartitions"/>.</param>
    /// <returns>The stream id.</returns>
    public static StreamId AlertStreamOf(AccountId account, int partitions) => AlertStream(PortfolioShard.Of(account, partitions));

    /// <summary>Returns the id of one alert stream, for a subscriber of every partition.</summary>
    /// <param name="partition">The partition, in [0, partitions).</param>
    /// <returns>The stream id.</returns>
    public static StreamId AlertStream(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        return StreamId.Create(AlertStreamNamespace, partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
