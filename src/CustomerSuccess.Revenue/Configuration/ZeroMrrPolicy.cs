namespace CustomerSuccess.Revenue;

/// <summary>How an explicit MRR row of 0 counts.</summary>
public enum ZeroMrrPolicy
{
    /// <summary>A $0 row is the same as no row: moving to a free plan is churn, and the account is no longer a customer.</summary>
    Churn = 0,

    /// <summary>A $0 row keeps the account a customer: moving to a free plan is a contraction of all its MRR, not churn.</summary>
    Contraction = 1,
}
