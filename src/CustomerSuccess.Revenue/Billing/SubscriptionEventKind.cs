namespace CustomerSuccess.Revenue;

/// <summary>What a subscription event does (docs/design.md section 3, "From billing data to MRR").</summary>
public enum SubscriptionEventKind
{
    /// <summary>Opens the subscription (or reopens it after a cancel) with the terms it carries; it is active.</summary>
    Start,

    /// <summary>Sets the subscription's whole terms (price, interval, quantity, discount); it is active afterwards.</summary>
    Change,

    /// <summary>Opens the subscription, or sets its terms, as a trial: it contributes no MRR until a start or change.</summary>
    Trial,

    /// <summary>Pauses the subscription: no MRR until it is resumed.</summary>
    Pause,

    /// <summary>Returns a paused subscription to its state before the pause.</summary>
    Resume,

    /// <summary>Ends the subscription: no MRR from its effective instant; a later start reopens it.</summary>
    Cancel,
}
