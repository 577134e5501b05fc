using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A subscription log that cannot be turned into MRR: an event out of order for its subscription (a change before the
/// start, a resume without a pause), two events at one instant, or a subscription that moves to another account or
/// currency. Names the event by its position in the order it was added, so a reader can name the line it came from.
/// </summary>
public sealed class SubscriptionEventException : ArgumentException
{
    /// <summary>Initializes a new exception.</summary>
    /// <param name="index">The 0-based position of the offending event in the order the events were added.</param>
    /// <param name="subscription">The subscription.</param>
    /// <param name="field">The field at fault: account_id, currency, effective_at or event.</param>
    /// <param name="problem">What is wrong, as a sentence.</param>
    public SubscriptionEventException(long index, string subscription, string field, string problem)
        : base(problem)
    {
        Index = index;
        Subscription = subscription;
        Field = field;
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message.</param>
    public SubscriptionEventException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SubscriptionEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new exception.</summary>
    public SubscriptionEventException()
    {
    }

    /// <summary>Gets the 0-based position of the offending event in the order the events were added; -1 when unknown.</summary>
    public long Index { get; } = -1;

    /// <summary>Gets the subscription, when known.</summary>
    public string? Subscription { get; }

    /// <summary>Gets the field at fault (account_id, currency, effective_at or event), when known.</summary>
    public string? Field { get; }
}
