namespace CustomerSuccess.Revenue;

/// <summary>
/// How one account's monthly recurring revenue (MRR) moved from one month to the next. Together the movements
/// reconcile exactly: MRR(m) = MRR(m-1) + new + reactivation + expansion - contraction - churn.
/// </summary>
public enum MrrMovementKind
{
    /// <summary>MRR was 0 last month and is positive now, and the account had never paid before. Amount: this month's MRR.</summary>
    New = 1,

    /// <summary>As <see cref="New"/>, but the account paid in some earlier month. Amount: this month's MRR.</summary>
    Reactivation = 2,

    /// <summary>MRR was positive in both months and increased. Amount: the increase.</summary>
    Expansion = 3,

    /// <summary>MRR was positive in both months and decreased. Amount: the decrease.</summary>
    Contraction = 4,

    /// <summary>MRR was positive last month and is 0 now. Amount: last month's MRR.</summary>
    Churn = 5,
}
