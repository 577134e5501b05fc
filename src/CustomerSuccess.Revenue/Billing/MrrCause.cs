namespace CustomerSuccess.Revenue;

/// <summary>
/// What moved a subscription's MRR from one month to the next (docs/design.md section 3): the parts an account's
/// movement is split into, attributed in this order.
/// </summary>
public enum MrrCause
{
    /// <summary>A subscription began to contribute: started, converted from a trial, or reopened after a cancel.</summary>
    SubscriptionAdded,

    /// <summary>A subscription stopped contributing: cancelled, or back to a trial.</summary>
    SubscriptionRemoved,

    /// <summary>A subscription was paused.</summary>
    Paused,

    /// <summary>A paused subscription was resumed.</summary>
    Resumed,

    /// <summary>The price, interval or interval count changed (measured at the old quantity and discount).</summary>
    Price,

    /// <summary>The quantity changed (measured at the new price and the old discount).</summary>
    Quantity,

    /// <summary>The discount changed, began or ended.</summary>
    Discount,
}
