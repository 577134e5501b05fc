using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// How subscription events become month-end MRR. Each choice on which billing analytics vendors disagree is a setting here
/// with a documented default; docs/revenue.md compares them with ChartMogul, Stripe, ProfitWell and Baremetrics.
/// </summary>
public sealed class SubscriptionMrrOptions
{
    /// <summary>Gets or sets the time zone months begin and end in, and in which an event given as a date starts.</summary>
    /// <value><see cref="DateTimeZone.Utc"/>.</value>
    public DateTimeZone Zone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets whether discounts are deducted from MRR.</summary>
    /// <value><see cref="DiscountPolicy.Deduct"/>: MRR is what the customer pays.</value>
    public DiscountPolicy Discounts { get; set; } = DiscountPolicy.Deduct;

    /// <summary>Checks every setting and copies the options, so that later changes to this instance change nothing built from it.</summary>
    /// <returns>The copy.</returns>
    /// <exception cref="CustomerSuccessValidationException">A setting is invalid; the exception lists every one, by name.</exception>
    internal SubscriptionMrrOptions Snapshot()
    {
        var problems = new List<string>();
        if (Zone is null)
        {
            problems.Add($"{nameof(SubscriptionMrrOptions)}.{nameof(Zone)} is null; use DateTimeZone.Utc.");
        }

        if (!System.Enum.IsDefined(Discounts))
        {
            problems.Add($"{nameof(SubscriptionMrrOptions)}.{nameof(Discounts)} '{Discounts}' is not a known policy (Deduct, Ignore).");
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
        return new SubscriptionMrrOptions { Zone = Zone!, Discounts = Discounts };
    }
}
