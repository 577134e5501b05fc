using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A log's terms, kept small: a billing book has few prices (its plan catalogue) and few discounted terms, so each terms
/// value is a price index, a discount index and a quantity (24 bytes instead of a 112-byte <see cref="SubscriptionTerms"/>);
/// for ten million events that is the difference between reading memory and waiting for it.
/// </summary>
internal sealed class TermsTable
{
    private const int NoDiscount = -1;

    private readonly Dictionary<Price, int> _priceIndex = [];
    private Price[] _prices = new Price[16];
    private int _priceCount;
    private Discount[] _discounts = new Discount[16];
    private int _discountCount;
    private Stored[] _terms = new Stored[1024];
    private int _count;
    private int _lastPrice = -1;

    /// <summary>Adds terms; returns their index.</summary>
    public int Add(in SubscriptionTerms terms)
    {
        // A subscription's next terms usually keep its price; the last price is checked before the dictionary is.
        var price = new Price(terms.Amount, terms.Interval, terms.IntervalCount);
        int priceIndex = _lastPrice >= 0 && _prices[_lastPrice].Equals(price) ? _lastPrice : PriceIndex(price);
        _lastPrice = priceIndex;
        int discount = NoDiscount;
        if (terms.HasDiscount)
        {
            if (_discountCount == _discounts.Length)
            {
                Array.Resize(ref _discounts, checked(_discounts.Length * 2));
            }

            discount = _discountCount;
            _discounts[_discountCount++] = new Discount(terms.DiscountPercent, terms.DiscountAmount, terms.DiscountUntil is { } until ? until.ToUnixTimeTicks() : long.MaxValue);
        }

        if (_count == _terms.Length)
        {
            _terms = Columns.Grown(_terms, _count, checked(_terms.Length * 2));
        }

        _terms[_count] = new Stored(priceIndex, discount, terms.Quantity);
        return _count++;
    }

    /// <summary>Makes room for <paramref name="count"/> terms values in all.</summary>
    public void EnsureCapacity(int count)
    {
        if (count > _terms.Length)
        {
            _terms = Columns.Grown(_terms, _count, count);
        }
    }

    public Currency Currency(int terms) => _prices[_terms[terms].Price].Amount.Currency;

    public decimal Quantity(int terms) => _terms[terms].Quantity;

    /// <summary>Whether the discount of <paramref name="terms"/> lowers the amount of a month ending at <paramref name="monthEnd"/> (ticks).</summary>
    public bool DiscountApplies(int terms, long monthEnd, DiscountPolicy policy) =>
        policy == DiscountPolicy.Deduct && _terms[terms].Discount is int d and >= 0 && _discounts[d].UntilTicks >= monthEnd;

    /// <summary>
    /// The monthly amount at the price of <paramref name="terms"/> with <paramref name="quantity"/> units, less the discount
    /// of <paramref name="discountOf"/> (none when negative).
    /// </summary>
    /// <exception cref="OverflowException">The amount is beyond what a decimal holds.</exception>
    public decimal Monthly(int terms, decimal quantity, int discountOf)
    {
        ref readonly Price price = ref _prices[_terms[terms].Price];
        int d = discountOf >= 0 ? _terms[discountOf].Discount : NoDiscount;
        return d >= 0
            ? SubscriptionTerms.Monthly(price.Amount, price.Interval, price.IntervalCount, quantity, _discounts[d].Percent, _discounts[d].Amount)
            : SubscriptionTerms.Monthly(price.Amount, price.Interval, price.IntervalCount, quantity);
    }

    /// <summary>The terms as they were added (for messages; the hot paths read the parts).</summary>
    public SubscriptionTerms this[int terms]
    {
        get
        {
            Stored stored = _terms[terms];
            Price price = _prices[stored.Price];
            if (stored.Discount < 0)
            {
                return new SubscriptionTerms(price.Amount, price.Interval, price.IntervalCount, stored.Quantity);
            }

            Discount discount = _discounts[stored.Discount];
            Instant? until = discount.UntilTicks == long.MaxValue ? null : Instant.FromUnixTimeTicks(discount.UntilTicks);
            return new SubscriptionTerms(price.Amount, price.Interval, price.IntervalCount, stored.Quantity, discount.Percent, discount.Amount, until);
        }
    }

    private int PriceIndex(Price price)
    {
        if (!_priceIndex.TryGetValue(price, out int index))
        {
            if (_priceCount == _prices.Length)
            {
                Array.Resize(ref _prices, checked(_prices.Length * 2));
            }

            _priceIndex.Add(price, index = _priceCount);
            _prices[_priceCount++] = price;
        }

        return index;
    }

    // Prices equal in value are one price (100 and 100.00 dollars a month): the monthly amount is the same for both.
    private readonly record struct Price(Money Amount, SubscriptionInterval Interval, int IntervalCount);

    private readonly record struct Discount(decimal Percent, decimal Amount, long UntilTicks);

    private readonly record struct Stored(int Price, int Discount, decimal Quantity);
}
