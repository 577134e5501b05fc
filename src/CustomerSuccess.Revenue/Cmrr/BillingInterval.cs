namespace CustomerSuccess.Revenue;

/// <summary>How often a contract line is billed; its unit price is per interval and is normalised to monthly.</summary>
public enum BillingInterval
{
    /// <summary>Billed monthly: the monthly value is quantity x unit price.</summary>
    Month = 1,

    /// <summary>Billed quarterly: the monthly value is quantity x unit price / 3.</summary>
    Quarter = 3,

    /// <summary>Billed yearly: the monthly value is quantity x unit price / 12.</summary>
    Year = 12,
}
