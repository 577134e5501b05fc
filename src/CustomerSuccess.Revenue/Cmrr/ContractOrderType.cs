namespace CustomerSuccess.Revenue;

/// <summary>The order type of a contract line (Customer Success by Mehta et al., law 8: "capturing order type (new, add-on, renewal)").</summary>
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
