namespace CustomerSuccess.Revenue;

/// <summary>Revenue lost in a CMRR bridge under one churn reason or one avoidability.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CmrrLoss
{
    internal CmrrLoss(string key, Money cancellations, int cancelledLines, Money downgrades, int downgradedRenewals)
    {
        Key = key;
        Cancellations = cancellations;
        CancelledLines = cancelledLines;
        Downgrades = downgrades;
        DowngradedRenewals = downgradedRenewals;
    }

    /// <summary>Gets the churn reason ("(none)" when not recorded) or the avoidability.</summary>
    public string Key { get; }

    /// <summary>Gets the monthly value cancelled.</summary>
    public Money Cancellations { get; }

    /// <summary>Gets the number of lines cancelled.</summary>
    public int CancelledLines { get; }

    /// <summary>Gets the monthly value lost to downgrades (quantity and price).</summary>
    public Money Downgrades { get; }

    /// <summary>Gets the number of renewals that lost value.</summary>
    public int DowngradedRenewals { get; }
}
