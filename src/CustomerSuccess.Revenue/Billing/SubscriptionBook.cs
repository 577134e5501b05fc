using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// A billing system's subscription log, checked and ordered, from which month-end MRR follows (docs/design.md section 3,
/// "From billing data to MRR"): the state of a subscription in a month is the one its last event before the first instant
/// of the next month set; an active one contributes its monthly amount, rounded per subscription and month.
/// </summary>
/// <remarks>Immutable and thread-safe once built. Build one with <see cref="CreateBuilder"/>.</remarks>
public sealed partial class SubscriptionBook
{
    private readonly SubscriptionMrrOptions _options;
    private readonly AccountId[] _accounts;
    private readonly string[] _subscriptions;
    private readonly int[] _accountOf;      // per subscription
    private readonly int[] _start;          // per subscription: its first event in the sorted arrays; one more entry at the end
    private readonly long[] _ticks;         // per event, sorted by subscription then time (may be longer than the events)
    private readonly int[] _contributing;   // per event: the terms in effect after it when active or paused, else -1
    private readonly byte[] _status;        // per event: the subscription's status after it
    private readonly TermsTable _terms;
    private readonly int[] _accountOrder;   // account indexes by id, ordinal

    private const int StatusNotOpen = 0, StatusActive = 1, StatusTrial = 2, StatusPaused = 3, StatusCancelled = 4;

    private SubscriptionBook(SubscriptionMrrOptions options, AccountId[] accounts, string[] subscriptions, int[] accountOf, int[] start, long[] ticks, int[] contributing, byte[] status, TermsTable terms)
    {
        _options = options;
        _accounts = accounts;
        _subscriptions = subscriptions;
        _accountOf = accountOf;
        _start = start;
        _ticks = ticks;
        _contributing = contributing;
        _status = status;
        _terms = terms;
        _accountOrder = AccountOrder(accounts);
        if (EventCount > 0)
        {
            long first = long.MaxValue, last = long.MinValue;
            foreach (long t in ticks.AsSpan(0, EventCount))
            {
                first = Math.Min(first, t);
                last = Math.Max(last, t);
            }

            FirstMonth = MonthOf(first);
            LastMonth = MonthOf(last);
        }
    }

    // Account indexes by id, ordinal. Exports often list accounts in id order already: then there is nothing to sort.
    private static int[] AccountOrder(AccountId[] accounts)
    {
        int[] order = new int[accounts.Length];
        bool sorted = true;
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            sorted = sorted && (i == 0 || string.CompareOrdinal(accounts[i - 1].Value, accounts[i].Value) < 0);
        }

        if (!sorted)
        {
            string[] ids = Array.ConvertAll(accounts, a => a.Value);
            Array.Sort(ids, order, StringComparer.Ordinal);
        }

        return order;
    }

    /// <summary>Gets the month of the earliest event, in the reporting zone; <see langword="null"/> for an empty log.</summary>
    public YearMonth? FirstMonth { get; }

    /// <summary>Gets the month of the latest event, in the reporting zone; <see langword="null"/> for an empty log.</summary>
    public YearMonth? LastMonth { get; }

    /// <summary>Gets the number of subscriptions.</summary>
    public int SubscriptionCount => _accountOf.Length;

    /// <summary>Gets the number of events.</summary>
    public int EventCount => _start[^1];

    /// <summary>Starts an empty log.</summary>
    /// <param name="options">The reporting zone and the discount policy; the defaults when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="CustomerSuccessValidationException">An option is invalid.</exception>
    public static Builder CreateBuilder(SubscriptionMrrOptions? options = null) => new(options);

    /// <summary>The month-end MRR rows from the month of the earliest event to the month of the latest.</summary>
    /// <returns>The rows; empty for an empty log.</returns>
    /// <exception cref="OverflowException">An account's MRR is beyond what a decimal holds; the message names the account and month.</exception>
    public IReadOnlyList<MrrRow> Rows() => FirstMonth is { } first && LastMonth is { } last ? Rows(first, last) : [];

    /// <summary>
    /// The month-end MRR rows of a range of months: one per account, month and currency with MRR above 0, the sum of its
    /// subscriptions' rounded monthly amounts, sorted by account id (ordinal), month and currency. Events before the range
    /// set the state it opens with.
    /// </summary>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month, not before <paramref name="from"/>.</param>
    /// <returns>The rows, ready for <see cref="MrrHistory.FromRows(IEnumerable{MrrRow}, MrrOptions)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="OverflowException">An account's MRR is beyond what a decimal holds; the message names the account and month.</exception>
    public IReadOnlyList<MrrRow> Rows(YearMonth from, YearMonth to)
    {
        var rows = new List<MrrRow>();
        YearMonth[] months = [.. Enumerable.Range(0, MonthCount(from, to)).Select(from.PlusMonths)];
        ForEachAccount(from, to, SubscriptionsByAccount(), (account, totals) =>
        {
            for (int k = 0; k < months.Length; k++)
            {
                foreach ((Currency currency, decimal[] total) in totals)
                {
                    if (total[k] > 0)
                    {
                        rows.Add(new MrrRow(_accounts[account], months[k], new Money(total[k], currency)));
                    }
                }
            }
        });
        return rows;
    }

    /// <summary>The month-end MRR of a range of months as a history, for movements, retention and cohorts.</summary>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month.</param>
    /// <param name="options">How the history reports; the defaults when <see langword="null"/>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">An account's subscriptions are in more than one currency (a history holds one per account).</exception>
    /// <exception cref="OverflowException">An account's MRR is beyond what a decimal holds; the message names the account and month.</exception>
    public MrrHistory ToMrrHistory(YearMonth from, YearMonth to, MrrOptions? options = null)
    {
        // Accounts come in id order, each once, its months in order: they go straight into the history's columns.
        (int[] First, int[] Subscriptions) byAccount = SubscriptionsByAccount();
        var builder = new MrrHistory.OrderedBuilder(options, RowBound(from, to, byAccount));
        int first = MonthIndex.Of(from);
        ForEachAccount(from, to, byAccount, (account, totals) =>
        {
            foreach ((Currency currency, decimal[] total) in totals)
            {
                builder.Add(_accounts[account], currency, first, total);
            }
        });
        return builder.Build();
    }

    // Account by account in id order: its subscriptions' rounded amounts added up per currency (currencies in code order).
    private void ForEachAccount(YearMonth from, YearMonth to, (int[] First, int[] Subscriptions) byAccount, Action<int, List<(Currency Currency, decimal[] Amounts)>> visit)
    {
        int months = MonthCount(from, to);
        long[] ends = MonthEndTicks(MonthEnds(from, months));
        (int[] first, int[] subscriptions) = byAccount;
        decimal[] amounts = new decimal[months];
        var totals = new List<(Currency Currency, decimal[] Amounts)>(1);
        var spare = new Stack<decimal[]>();
        foreach (int account in _accountOrder)
        {
            foreach ((Currency _, decimal[] used) in totals)
            {
                spare.Push(used);
            }

            totals.Clear();
            for (int i = first[account]; i < first[account + 1]; i++)
            {
                int s = subscriptions[i];
                if (!MonthlyAmounts(s, ends, amounts, out Currency currency, out int firstActive, out int lastActive))
                {
                    continue;
                }

                int t = 0;
                while (t < totals.Count && totals[t].Currency != currency)
                {
                    t++;
                }

                if (t == totals.Count)
                {
                    // The account's first subscription in this currency: its amounts are the total so far, copied, not added.
                    decimal[] fresh = spare.Count > 0 ? spare.Pop() : new decimal[months];
                    fresh.AsSpan(0, firstActive).Clear();
                    amounts.AsSpan(firstActive, lastActive - firstActive + 1).CopyTo(fresh.AsSpan(firstActive));
                    fresh.AsSpan(lastActive + 1).Clear();
                    totals.Add((currency, fresh));
                    continue;
                }

                decimal[] total = totals[t].Amounts;
                int k = firstActive;
                try
                {
                    for (; k <= lastActive; k++)
                    {
                        total[k] += amounts[k]; // decimal addition throws on overflow, it never wraps
                    }
                }
                catch (OverflowException e)
                {
                    throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                        $"The MRR of account '{_accounts[account]}' in {from.PlusMonths(k):uuuu'-'MM} is beyond what a decimal holds."), e);
                }
            }

            if (totals.Count > 1)
            {
                totals.Sort((a, b) => string.CompareOrdinal(a.Currency.Code, b.Currency.Code));
            }

            if (totals.Count > 0)
            {
                visit(account, totals);
            }
        }
    }

    // At least the rows of a range, from two events a subscription instead of a walk over its months: a subscription can
    // contribute only from the month of its first event on, and only until the month of its last when that last leaves
    // it inactive; an account has at most the range's months. Overlapping subscriptions, pauses and trials make it more
    // than the rows, never less; the history's columns are sized once by it.
    private int RowBound(YearMonth from, YearMonth to, (int[] First, int[] Subscriptions) byAccount)
    {
        int months = MonthCount(from, to);
        long[] ends = MonthEndTicks(MonthEnds(from, months));
        (int[] first, int[] subscriptions) = byAccount;
        long rows = 0;
        for (int a = 0; a < _accounts.Length; a++)
        {
            long accountRows = 0;
            for (int i = first[a]; i < first[a + 1] && accountRows < months; i++)
            {
                int s = subscriptions[i], last = _start[s + 1] - 1;
                int firstMonth = MonthsEndedBy(ends, _ticks[_start[s]]);
                int lastMonth = _status[last] == StatusActive ? months - 1 : MonthsEndedBy(ends, _ticks[last]) - 1;
                accountRows += Math.Max(0, lastMonth - firstMonth + 1);
            }

            rows += Math.Min(accountRows, months);
        }

        return (int)Math.Min(rows, Array.MaxLength);
    }

    // How many of the month ends are at or before an instant (ticks): the index of the first month whose state it sets.
    private static int MonthsEndedBy(long[] ends, long ticks)
    {
        // The span's generic search compares longs inline; Array.BinarySearch goes through a comparer (twice a
        // subscription: it showed in the profile). The ends ascend strictly: a match is the one end at that instant.
        int index = ends.AsSpan().BinarySearch<long, long>(ticks);
        return index >= 0 ? index + 1 : ~index;
    }

    // Each account's subscriptions, by a counting sort: subscriptions[first[a]..first[a + 1]] are account a's.
    private (int[] First, int[] Subscriptions) SubscriptionsByAccount()
    {
        int[] first = new int[_accounts.Length + 1];
        foreach (int account in _accountOf)
        {
            first[account + 1]++;
        }

        for (int a = 0; a < _accounts.Length; a++)
        {
            first[a + 1] += first[a];
        }

        int[] next = (int[])first.Clone();
        int[] subscriptions = new int[_accountOf.Length];
        for (int s = 0; s < _accountOf.Length; s++)
        {
            subscriptions[next[_accountOf[s]]++] = s;
        }

        return (first, subscriptions);
    }

    private static long[] MonthEndTicks(Instant[] ends)
    {
        long[] ticks = new long[ends.Length];
        for (int k = 0; k < ends.Length; k++)
        {
            ticks[k] = ends[k].ToUnixTimeTicks();
        }

        return ticks;
    }

    // One subscription's rounded monthly amount in each month from its first contributing month to its last (the months
    // between them that it does not contribute hold 0); false when it never contributes in the range. The amount is worked
    // out again only when the state or the discount's reach changes, not every month.
    private bool MonthlyAmounts(int subscription, long[] ends, decimal[] amounts, out Currency currency, out int first, out int last)
    {
        (currency, first, last) = (default, -1, -1);
        var walk = new MonthEndWalk(this, subscription);
        int priced = -1;
        bool pricedDiscount = false;
        decimal amount = 0;
        for (int k = 0; k < ends.Length; k++)
        {
            long boundary = ends[k];
            walk.AdvanceTo(boundary);
            int state = walk.Status == StatusActive ? walk.Terms : -1;
            if (state < 0)
            {
                amounts[k] = 0;
                if (walk.Done && first >= 0)
                {
                    break; // no event left to reopen it
                }

                continue;
            }

            bool discounted = _terms.DiscountApplies(state, boundary, _options.Discounts);
            if (state != priced || discounted != pricedDiscount)
            {
                amount = Amount(subscription, state, boundary, _terms.Quantity(state), discounted ? state : -1);
                (priced, pricedDiscount) = (state, discounted);
                currency = _terms.Currency(state);
            }

            amounts[k] = amount;
            first = first < 0 ? k : first;
            last = k;
        }

        return first >= 0;
    }

    // One subscription's events walked month end by month end: its status, and its terms while active or paused, as
    // the last event before each boundary left them. Causes, row bounds and monthly amounts all walk this way.
    private struct MonthEndWalk(SubscriptionBook book, int subscription)
    {
        private readonly int _end = book._start[subscription + 1];
        private int _next = book._start[subscription];

        public int Status { get; private set; } = StatusNotOpen;

        public int Terms { get; private set; } = -1;

        /// <summary>Gets whether every event has been applied: the state holds to the end of time.</summary>
        public readonly bool Done => _next == _end;

        public void AdvanceTo(long boundary)
        {
            while (_next < _end && book._ticks[_next] < boundary)
            {
                (Status, Terms) = (book._status[_next], book._contributing[_next]);
                _next++;
            }
        }
    }

    // A subscription's monthly amount in a month ending at monthEnd (ticks) at a terms' price, with a quantity and the
    // discount of other terms (none when negative); an overflow is named by the subscription and month.
    private decimal Amount(int subscription, int terms, long monthEnd, decimal quantity, int discountOf)
    {
        try
        {
            return _terms.Monthly(terms, quantity, discountOf);
        }
        catch (OverflowException e)
        {
            LocalDate day = (Instant.FromUnixTimeTicks(monthEnd) - Duration.FromTicks(1)).InZone(_options.Zone).Date;
            SubscriptionTerms named = _terms[terms];
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"The MRR of subscription '{_subscriptions[subscription]}' of account '{_accounts[_accountOf[subscription]]}' in {day:uuuu'-'MM} is beyond what a decimal holds ({named.Quantity} x {named.Amount})."), e);
        }
    }

    private Instant[] MonthEnds(YearMonth from, int months)
    {
        var ends = new Instant[months];
        for (int k = 0; k < months; k++)
        {
            ends[k] = _options.Zone.AtStartOfDay(from.PlusMonths(k + 1).OnDayOfMonth(1)).ToInstant();
        }

        return ends;
    }

    private static int MonthCount(YearMonth from, YearMonth to)
    {
        int months = MonthIndex.Of(to) - MonthIndex.Of(from) + 1;
        return months >= 1 ? months : throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The last month {to:uuuu'-'MM} is before the first, {from:uuuu'-'MM}."));
    }

    private YearMonth MonthOf(long ticks)
    {
        LocalDate date = Instant.FromUnixTimeTicks(ticks).InZone(_options.Zone).Date;
        return new YearMonth(date.Year, date.Month);
    }
}
