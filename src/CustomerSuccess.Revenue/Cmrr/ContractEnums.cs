namespace CustomerSuccess.Revenue;

/// <summary>The order type of a contract line (seed 002, law 8: "capturing order type (new, add-on, renewal)").</summary>
public enum ContractOrderType
{
    /// <summary>A new customer's first contract; committed from the day it is signed.</summary>
    New = 1,

    /// <summary>An additional purchase by an existing customer; committed from the day it is signed.</summary>
    AddOn = 2,

    /// <summary>A renewal replacing an earlier line (<see cref="ContractLine.Renews"/>); counts when it is due, or when signed if late.</summary>
    Renewal = 3,

    /// <summary>Read-only access to a former customer's data at a fraction of the former fee; the first one is a "first-time archive".</summary>
    Archive = 4,
}

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

/// <summary>Whether lost revenue could have been kept (seed 002: unavoidable churn is "death and marriage").</summary>
public enum Avoidability
{
    /// <summary>Not recorded.</summary>
    Unspecified = 0,

    /// <summary>The customer could have been kept: the loss is the customer-success team's to prevent.</summary>
    Avoidable = 1,

    /// <summary>The customer could not have been kept (acquired, closed down, merged).</summary>
    Unavoidable = 2,
}
