namespace CustomerSuccess.Revenue;

/// <summary>Whether lost revenue could have been kept (Customer Success by Mehta et al.: unavoidable churn is "death and marriage").</summary>
public enum Avoidability
{
    /// <summary>Not recorded.</summary>
    Unspecified = 0,

    /// <summary>The customer could have been kept: the loss is the customer-success team's to prevent.</summary>
    Avoidable = 1,

    /// <summary>The customer could not have been kept (acquired, closed down, merged).</summary>
    Unavoidable = 2,
}
