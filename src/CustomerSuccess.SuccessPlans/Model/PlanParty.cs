namespace CustomerSuccess.SuccessPlans;

/// <summary>Which side a person in a plan is on.</summary>
public enum PlanParty
{
    /// <summary>The customer.</summary>
    Customer = 1,

    /// <summary>The vendor.</summary>
    Vendor = 2,
}
