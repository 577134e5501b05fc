using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Revenue;

// Causes: each account's month-over-month MRR change split into what moved each of its subscriptions.
public sealed partial class SubscriptionBook
{
    /// <summary>
    /// Every account's MRR change of each month after the first of a range, split into causes (docs/design.md section 3):
    /// per subscription, one that begins or stops contributing is an addition or removal (a pause or resume when that is
    /// what it was); one that contributes in both months splits its change into price at the old quantity and discount,
    /// then quantity at the new price and the old discount, then discount. Each step is rounded as MRR is, so the parts
    /// of an account's month add up to its change exactly.
    /// </summary>
    /// <param name="from">The first month: the one the second is measured against.</param>
    /// <param name="to">The last month.</param>
    /// <returns>The non-zero parts, by account id (ordinal), month, currency and cause.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="OverflowException">A sum is beyond what a decimal holds.</exception>
    public IReadOnlyList<MrrCausePart> Causes(YearMonth from, YearMonth to)
    {
        int months = MonthCount(from, to);
        Instant[] ends = MonthEnds(from, months);
        var parts = new Dictionary<(int Account, int Month, Currency Currency, MrrCause Cause), decimal>();
        var status = new int[months];
        var terms = new int[months];
        for (int s = 0; s < _accountOf.Length; s++)
        {
            States(s, ends, status, terms);
            for (int k = 1; k < months; k++)
            {
                Attribute(s, k, status, terms, ends, parts);
            }
        }

        var byAccount = new Dictionary<int, List<(int Month, Currency Currency, MrrCause Cause, decimal Change)>>();
        foreach (((int account, int month, Currency currency, MrrCause cause), decimal change) in parts)
        {
            if (change == 0)
            {
                continue;
            }

            if (!byAccount.TryGetValue(account, out var list))
            {
                byAccount[account] = list = [];
            }

            list.Add((month, currency, cause, change));
        }

        var result = new List<MrrCausePart>();
        foreach (int account in _accountOrder)
        {
            if (byAccount.TryGetValue(account, out var list))
            {
                list.Sort((a, b) => a.Month != b.Month ? a.Month.CompareTo(b.Month)
                    : a.Currency != b.Currency ? string.CompareOrdinal(a.Currency.Code, b.Currency.Code)
                    : a.Cause.CompareTo(b.Cause));
                foreach ((int month, Currency currency, MrrCause cause, decimal change) in list)
                {
                    result.Add(new MrrCausePart(_accounts[account], from.PlusMonths(month), cause, new Money(change, currency)));
                }
            }
        }

        return result;
    }

    // The status and terms (while active or paused) of one subscription at each month's end.
    private void States(int subscription, Instant[] ends, int[] status, int[] terms)
    {
        var walk = new MonthEndWalk(this, subscription);
        for (int k = 0; k < ends.Length; k++)
        {
            walk.AdvanceTo(ends[k].ToUnixTimeTicks());
            (status[k], terms[k]) = (walk.Status, walk.Terms);
        }
    }

    private void Attribute(int s, int k, int[] status, int[] terms, Instant[] ends, Dictionary<(int, int, Currency, MrrCause), decimal> parts)
    {
        bool before = status[k - 1] == StatusActive, now = status[k] == StatusActive;
        if (!before && !now)
        {
            return;
        }

        DiscountPolicy policy = _options.Discounts;
        int account = _accountOf[s];
        long priorEnd = ends[k - 1].ToUnixTimeTicks(), end = ends[k].ToUnixTimeTicks();
        if (!now)
        {
            int old = terms[k - 1];
            decimal amount = Amount(s, old, priorEnd, _terms.Quantity(old), _terms.DiscountApplies(old, priorEnd, policy) ? old : -1);
            Add(parts, (account, k, _terms.Currency(old), status[k] == StatusPaused ? MrrCause.Paused : MrrCause.SubscriptionRemoved), -amount);
            return;
        }

        int next = terms[k];
        Currency currency = _terms.Currency(next);
        int nextDiscount = _terms.DiscountApplies(next, end, policy) ? next : -1;
        if (!before)
        {
            Add(parts, (account, k, currency, status[k - 1] == StatusPaused ? MrrCause.Resumed : MrrCause.SubscriptionAdded), Amount(s, next, end, _terms.Quantity(next), nextDiscount));
            return;
        }

        // Both months contribute: price, then quantity, then discount, each a rounded step, so they telescope exactly.
        int prior = terms[k - 1];
        int priorDiscount = _terms.DiscountApplies(prior, priorEnd, policy) ? prior : -1;
        decimal priorQuantity = _terms.Quantity(prior), nextQuantity = _terms.Quantity(next);
        decimal a = Amount(s, prior, priorEnd, priorQuantity, priorDiscount);
        decimal b = Amount(s, next, end, priorQuantity, priorDiscount);
        decimal c = Amount(s, next, end, nextQuantity, priorDiscount);
        decimal d = Amount(s, next, end, nextQuantity, nextDiscount);
        Add(parts, (account, k, currency, MrrCause.Price), b - a);
        Add(parts, (account, k, currency, MrrCause.Quantity), c - b);
        Add(parts, (account, k, currency, MrrCause.Discount), d - c);
    }

    private static void Add(Dictionary<(int, int, Currency, MrrCause), decimal> parts, (int, int, Currency, MrrCause) key, decimal change)
    {
        if (change != 0)
        {
            parts[key] = checked(parts.GetValueOrDefault(key) + change);
        }
    }
}
