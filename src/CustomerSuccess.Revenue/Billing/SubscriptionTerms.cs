using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A subscription's whole state as a start, change or trial sets it: the price of one unit for one interval (before discount,
/// excluding tax), the interval, the quantity and the discount.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct SubscriptionTerms : IEquatable<SubscriptionTerms>
{
    private readonly int _intervalCountMinusOne;
    private readonly decimal _quantityMinusOne;
    private readonly bool _hasDiscount;

    /// <summary>Initializes terms.</summary>
    /// <param name="amount">The price of one unit for one interval, before discount, excluding tax; zero or more.</param>
    /// <param name="interval">The interval the price is for.</param>
    /// <param name="intervalCount">How many intervals one price covers (3 months for a quarterly plan); at least 1.</param>
    /// <param name="quantity">The number of units (seats); zero or more.</param>
    /// <param name="discountPercent">The discount in percent of the price times the quantity, from 0 to 100.</param>
    /// <param name="discountAmount">A fixed discount per interval in the subscription's currency; zero or more.</param>
    /// <param name="discountUntil">The instant from which the discount no longer applies; <see langword="null"/> for forever.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the parameter names it.</exception>
    public SubscriptionTerms(Money amount, SubscriptionInterval interval, int intervalCount = 1, decimal quantity = 1, decimal discountPercent = 0, decimal discountAmount = 0, Instant? discountUntil = null)
    {
        if (amount.Currency.IsDefault)
        {
            throw new ArgumentException("The amount has no currency.", nameof(amount));
        }

        Check(amount.Amount >= 0, nameof(amount), amount.Amount, "The amount is negative; a price is zero or more.");
        Check(Enum.IsDefined(interval), nameof(interval), interval, "The interval is not day, week, month or year.");
        Check(intervalCount >= 1, nameof(intervalCount), intervalCount, "The interval count is less than 1.");
        Check(quantity >= 0, nameof(quantity), quantity, "The quantity is negative; it is zero or more.");
        Check(discountPercent is >= 0 and <= 100, nameof(discountPercent), discountPercent, "The discount percent is outside 0 to 100.");
        Check(discountAmount >= 0, nameof(discountAmount), discountAmount, "The discount amount is negative; it is zero or more.");
        Amount = amount;
        Interval = interval;
        _intervalCountMinusOne = intervalCount - 1;
        _quantityMinusOne = quantity - 1;
        DiscountPercent = discountPercent;
        DiscountAmount = discountAmount;
        DiscountUntil = discountUntil;
        _hasDiscount = discountPercent != 0 || discountAmount != 0;
    }

    /// <summary>Gets the price of one unit for one interval, before discount, excluding tax.</summary>
    public Money Amount { get; }

    /// <summary>Gets the currency the subscription is billed in.</summary>
    public Currency Currency => Amount.Currency;

    /// <summary>Gets the interval the price is for.</summary>
    public SubscriptionInterval Interval { get; }

    /// <summary>Gets how many intervals one price covers; 1 for default terms too.</summary>
    public int IntervalCount => _intervalCountMinusOne + 1;

    /// <summary>Gets the number of units; 1 for default terms too.</summary>
    public decimal Quantity => _quantityMinusOne + 1;

    /// <summary>Gets the discount in percent.</summary>
    public decimal DiscountPercent { get; }

    /// <summary>Gets the fixed discount per interval.</summary>
    public decimal DiscountAmount { get; }

    /// <summary>Gets the instant from which the discount no longer applies; <see langword="null"/> for forever.</summary>
    public Instant? DiscountUntil { get; }

    /// <summary>Gets whether the terms carry a discount.</summary>
    public bool HasDiscount => _hasDiscount;

    /// <summary>
    /// The monthly amount of these terms in a month that ends at <paramref name="monthEnd"/> (the first instant of the next
    /// month): per-interval net = amount x quantity x (1 - percent / 100) - fixed discount, floored at 0, the discount applied
    /// only when it lasts to the month's end; times the interval's factor, multiplied before dividing; rounded to the
    /// currency's minor units, midpoint to even, with that many decimals.
    /// </summary>
    /// <param name="monthEnd">The first instant of the following month.</param>
    /// <param name="discounts">Whether the discount is deducted.</param>
    /// <returns>The rounded monthly amount.</returns>
    /// <exception cref="OverflowException">The amount is beyond what a decimal holds.</exception>
    public decimal MonthlyAmount(Instant monthEnd, DiscountPolicy discounts) =>
        discounts == DiscountPolicy.Deduct && HasDiscount && (DiscountUntil is not { } until || until >= monthEnd)
            ? Monthly(Amount, Interval, IntervalCount, Quantity, DiscountPercent, DiscountAmount)
            : Monthly(Amount, Interval, IntervalCount, Quantity);

    /// <summary>The monthly amount of a price, interval and quantity with no discount, rounded as MRR is.</summary>
    internal static decimal Monthly(Money amount, SubscriptionInterval interval, int intervalCount, decimal quantity) =>
        ToMonthly(amount.Amount * quantity, amount.Currency, interval, intervalCount);

    /// <summary>The same less a discount: percent of the gross, then the fixed amount, floored at 0.</summary>
    internal static decimal Monthly(Money amount, SubscriptionInterval interval, int intervalCount, decimal quantity, decimal discountPercent, decimal discountAmount) =>
        ToMonthly(Math.Max(0m, (amount.Amount * quantity * (100m - discountPercent) / 100m) - discountAmount), amount.Currency, interval, intervalCount);

    // Per-interval net to a month: multiplied before dividing, rounded to the currency's minor units, midpoint to even.
    private static decimal ToMonthly(decimal net, Currency currency, SubscriptionInterval interval, int n)
    {
        decimal monthly = interval switch
        {
            SubscriptionInterval.Month => n == 1 ? net : net / n,
            SubscriptionInterval.Year => net / (12m * n),
            SubscriptionInterval.Week => net * 52m / (12m * n),
            _ => net * 365m / (12m * n),
        };

        // Adding a zero with the currency's scale makes 100 print as 100.00, whatever scale the price had.
        return Math.Round(monthly, currency.MinorUnits, MidpointRounding.ToEven) + new decimal(0, 0, 0, false, (byte)currency.MinorUnits);
    }

    /// <inheritdoc/>
    public bool Equals(SubscriptionTerms other) =>
        Amount == other.Amount && Interval == other.Interval && IntervalCount == other.IntervalCount && Quantity == other.Quantity
        && DiscountPercent == other.DiscountPercent && DiscountAmount == other.DiscountAmount && DiscountUntil == other.DiscountUntil;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubscriptionTerms other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Interval, IntervalCount, Quantity, DiscountPercent, DiscountAmount, DiscountUntil);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Quantity} x {Amount} per {(IntervalCount == 1 ? "" : IntervalCount + " ")}{Interval.ToString().ToLowerInvariant()}{(HasDiscount ? $" less {DiscountPercent}% and {DiscountAmount}{(DiscountUntil is { } u ? $" until {u}" : "")}" : "")}");

    /// <summary>Compares two terms.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SubscriptionTerms left, SubscriptionTerms right) => left.Equals(right);

    /// <summary>Compares two terms.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SubscriptionTerms left, SubscriptionTerms right) => !left.Equals(right);

    private static void Check(bool ok, string name, object value, string message)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, message);
        }
    }
}
