namespace CustomerSuccess.Revenue;

/// <summary>Whether a subscription's discount lowers its MRR (docs/revenue.md compares the vendors' choices).</summary>
public enum DiscountPolicy
{
    /// <summary>MRR is what the customer pays: the discount is deducted while it applies (ProfitWell's choice).</summary>
    Deduct,

    /// <summary>MRR is the list price: discounts are ignored.</summary>
    Ignore,
}
