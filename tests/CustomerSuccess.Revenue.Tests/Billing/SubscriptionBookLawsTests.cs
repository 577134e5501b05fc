using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Revenue.Tests;

/// <summary>The laws of subscription events to MRR (docs/design.md section 3), over random valid logs.</summary>
[Properties(Arbitrary = new[] { typeof(SubscriptionArbitraries), typeof(ExactLog), typeof(UsdLog) }, MaxTest = 300)]
public class SubscriptionBookLawsTests
{
    private static SubscriptionBook Book(IEnumerable<SubscriptionEvent> events, DiscountPolicy discounts = DiscountPolicy.Deduct)
    {
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder(new SubscriptionMrrOptions { Discounts = discounts });
        foreach (SubscriptionEvent e in events)
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    private static (string, YearMonth, decimal, string)[] Keyed(IEnumerable<MrrRow> rows) =>
        [.. rows.Select(r => (r.Account.Value, r.Month, r.Mrr.Amount, r.Mrr.Currency.Code))];

    [Property]
    public void Rows_EqualThePlainReference_ThatWalksEachSubscriptionMonthByMonth(SubscriptionLog log)
    {
        Assert.Equal(Reference(log.Events, DiscountPolicy.Deduct), Keyed(Book(log.Events).Rows(SubscriptionLog.First, SubscriptionLog.Last)));
        Assert.Equal(Reference(log.Events, DiscountPolicy.Ignore), Keyed(Book(log.Events, DiscountPolicy.Ignore).Rows(SubscriptionLog.First, SubscriptionLog.Last)));
    }

    [Property]
    public void Rows_DoNotDependOnTheOrderOfTheEvents(SubscriptionLog log)
    {
        var reversed = log.Events.Reverse().ToArray();

        // Grouped by subscription and in time order (a billing export's order) the builder takes its columns as they are;
        // in any other order it sorts them: both give the same book.
        var exported = log.Events.OrderBy(e => e.Subscription, StringComparer.Ordinal).ThenBy(e => e.EffectiveAt).ToArray();
        var webhooks = log.Events.OrderBy(e => e.EffectiveAt).ToArray();

        var expected = Keyed(Book(log.Events).Rows());
        Assert.Equal(expected, Keyed(Book(reversed).Rows()));
        Assert.Equal(expected, Keyed(Book(exported).Rows()));
        Assert.Equal(expected, Keyed(Book(webhooks).Rows()));
        Assert.Equal(Book(log.Events).Causes(SubscriptionLog.First, SubscriptionLog.Last).Select(c => c.ToString()), Book(exported).Causes(SubscriptionLog.First, SubscriptionLog.Last).Select(c => c.ToString()));
    }

    [Property]
    public void DiscountsIgnored_NeverGiveLowerMrr(SubscriptionLog log)
    {
        var deducted = Book(log.Events).Rows(SubscriptionLog.First, SubscriptionLog.Last).ToDictionary(r => (r.Account, r.Month, r.Mrr.Currency), r => r.Mrr.Amount);
        var ignored = Book(log.Events, DiscountPolicy.Ignore).Rows(SubscriptionLog.First, SubscriptionLog.Last).ToDictionary(r => (r.Account, r.Month, r.Mrr.Currency), r => r.Mrr.Amount);

        Assert.All(deducted, d => Assert.True(ignored.TryGetValue(d.Key, out decimal i) && i >= d.Value, $"{d.Key}: {d.Value} deducted, {i} ignored"));
    }

    [Property]
    public void ScalingEveryAmountByAWholeNumber_ScalesMrrByIt_WhenNothingIsRounded(ExactLog exact, PositiveInt factor)
    {
        int k = (factor.Get % 7) + 1;
        SubscriptionEvent[] scaled = [.. exact.Log.Events.Select(e => Scale(e, k))];

        var before = Book(exact.Log.Events).Rows(SubscriptionLog.First, SubscriptionLog.Last);
        var after = Book(scaled).Rows(SubscriptionLog.First, SubscriptionLog.Last);

        Assert.Equal(before.Select(r => (r.Account, r.Month, r.Mrr.Amount * k)), after.Select(r => (r.Account, r.Month, r.Mrr.Amount)));
    }

    [Property]
    public void TheHistoryFromTheRows_KeepsTheIdentity_OpeningPlusMovementsIsClosing(UsdLog usd)
    {
        // Accounts are billed in one currency here, as an MRR history needs.
        SubscriptionEvent[] events = [.. usd.Log.Events];
        MrrHistory history = Book(events).ToMrrHistory(SubscriptionLog.First, SubscriptionLog.Last);

        MrrMovementReport report = history.Movements(SubscriptionLog.First, SubscriptionLog.Last);
        Assert.Equal(17, report.Months.Count);
        foreach (YearMonth month in report.Months)
        {
            MrrMonthFigures f = report.Total(month);
            Assert.Equal(f.ClosingMrr, f.OpeningMrr + f.FxImpact + f.New + f.Reactivation + f.Expansion - f.Contraction - f.Churn);
        }
    }

    [Property]
    public void Causes_AddUpToEachAccountsChangeOfMrr_InEveryMonthAndCurrency(SubscriptionLog log)
    {
        foreach (DiscountPolicy policy in new[] { DiscountPolicy.Deduct, DiscountPolicy.Ignore })
        {
            SubscriptionBook book = Book(log.Events, policy);
            var mrr = book.Rows(SubscriptionLog.First, SubscriptionLog.Last).ToDictionary(r => (r.Account, r.Month, r.Mrr.Currency), r => r.Mrr.Amount);
            var causes = book.Causes(SubscriptionLog.First, SubscriptionLog.Last).GroupBy(p => (p.Account, p.Month, p.Change.Currency)).ToDictionary(g => g.Key, g => g.Sum(p => p.Change.Amount));

            Assert.All(causes.Keys, k => Assert.True(k.Month > SubscriptionLog.First));
            var changes = mrr.Keys.Concat(mrr.Keys.Select(k => (k.Account, k.Month.PlusMonths(1), k.Currency)))
                .Where(k => k.Item2 > SubscriptionLog.First && k.Item2 <= SubscriptionLog.Last).Distinct();
            foreach (var (account, month, currency) in changes)
            {
                decimal change = mrr.GetValueOrDefault((account, month, currency)) - mrr.GetValueOrDefault((account, month.PlusMonths(-1), currency));
                Assert.Equal(change, causes.GetValueOrDefault((account, month, currency)));
            }

            // Parts may cancel (a price rise and a drop to 0 seats in one change), but never where nothing contributed.
            Assert.All(causes.Where(c => c.Value != 0), c => Assert.True(mrr.ContainsKey(c.Key) || mrr.ContainsKey((c.Key.Account, c.Key.Month.PlusMonths(-1), c.Key.Currency)), $"{c.Key} has causes but no MRR either side"));
        }
    }

    private static SubscriptionEvent Scale(SubscriptionEvent e, int k)
    {
        if (!e.HasTerms)
        {
            return e;
        }

        SubscriptionTerms t = e.Terms;
        var terms = new SubscriptionTerms(t.Amount.Multiply(k), t.Interval, t.IntervalCount, t.Quantity, t.DiscountPercent, t.DiscountAmount * k, t.DiscountUntil);
        return e.Kind switch
        {
            SubscriptionEventKind.Start => SubscriptionEvent.Start(e.Account, e.Subscription, e.EffectiveAt, terms),
            SubscriptionEventKind.Change => SubscriptionEvent.Change(e.Account, e.Subscription, e.EffectiveAt, terms),
            _ => SubscriptionEvent.Trial(e.Account, e.Subscription, e.EffectiveAt, terms),
        };
    }

    // The definitions read literally: for each month, replay the subscription's events before the month's end from the
    // beginning, then price the state it is left in.
    private static (string, YearMonth, decimal, string)[] Reference(IEnumerable<SubscriptionEvent> events, DiscountPolicy discounts)
    {
        var sums = new SortedDictionary<(string Account, YearMonth Month, string Currency), decimal>(
            Comparer<(string Account, YearMonth Month, string Currency)>.Create((a, b) =>
                string.CompareOrdinal(a.Account, b.Account) is not 0 and var c ? c
                : a.Month != b.Month ? a.Month.CompareTo(b.Month)
                : string.CompareOrdinal(a.Currency, b.Currency)));
        foreach (var subscription in events.GroupBy(e => e.Subscription))
        {
            SubscriptionEvent[] ordered = [.. subscription.OrderBy(e => e.EffectiveAt)];
            for (YearMonth month = SubscriptionLog.First; month <= SubscriptionLog.Last; month = month.PlusMonths(1))
            {
                Instant end = month.PlusMonths(1).OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
                string status = "none";
                SubscriptionTerms? terms = null;
                (string Status, SubscriptionTerms? Terms) beforePause = ("none", null);
                foreach (SubscriptionEvent e in ordered.Where(e => e.EffectiveAt < end))
                {
                    switch (e.Kind)
                    {
                        case SubscriptionEventKind.Start:
                        case SubscriptionEventKind.Change:
                            (status, terms) = ("active", e.Terms);
                            break;
                        case SubscriptionEventKind.Trial:
                            (status, terms) = ("trial", e.Terms);
                            break;
                        case SubscriptionEventKind.Pause:
                            beforePause = (status, terms);
                            status = "paused";
                            break;
                        case SubscriptionEventKind.Resume:
                            (status, terms) = beforePause;
                            break;
                        default:
                            status = "cancelled";
                            break;
                    }
                }

                if (status == "active" && terms is { } t)
                {
                    decimal amount = Monthly(t, end, discounts);
                    var key = (ordered[0].Account.Value, month, t.Currency.Code);
                    sums[key] = sums.GetValueOrDefault(key) + amount;
                }
            }
        }

        return [.. sums.Where(s => s.Value > 0).Select(s => (s.Key.Account, s.Key.Month, s.Value, s.Key.Currency))];
    }

    private static decimal Monthly(SubscriptionTerms t, Instant end, DiscountPolicy discounts)
    {
        bool applies = discounts == DiscountPolicy.Deduct && (t.DiscountUntil is null || t.DiscountUntil >= end);
        decimal net = t.Amount.Amount * t.Quantity;
        if (applies)
        {
            net = Math.Max(0, (net * (1 - (t.DiscountPercent / 100))) - t.DiscountAmount);
        }

        decimal n = t.IntervalCount;
        decimal monthly = t.Interval switch
        {
            SubscriptionInterval.Day => net * 365 / (12 * n),
            SubscriptionInterval.Week => net * 52 / (12 * n),
            SubscriptionInterval.Month => net / n,
            _ => net / (12 * n),
        };
        return Math.Round(monthly, t.Currency.MinorUnits, MidpointRounding.ToEven);
    }
}
