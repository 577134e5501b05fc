namespace CustomerSuccess.Revenue;

/// <summary>The interval a subscription's price is for; the monthly amount is the interval's price times a factor.</summary>
public enum SubscriptionInterval
{
    /// <summary>Per day: monthly = net x 365 / (12 n).</summary>
    Day,

    /// <summary>Per week: monthly = net x 52 / (12 n).</summary>
    Week,

    /// <summary>Per month: monthly = net / n.</summary>
    Month,

    /// <summary>Per year: monthly = net / (12 n).</summary>
    Year,
}
