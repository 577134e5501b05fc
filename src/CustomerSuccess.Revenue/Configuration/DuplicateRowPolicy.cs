namespace CustomerSuccess.Revenue;

/// <summary>What two rows for one account and month mean.</summary>
public enum DuplicateRowPolicy
{
    /// <summary>They are separate subscriptions of the account: their MRR adds up.</summary>
    Sum = 0,

    /// <summary>They are an error in the export: the second row is rejected, naming the account and month.</summary>
    Reject = 1,
}
