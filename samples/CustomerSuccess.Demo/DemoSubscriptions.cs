using System;
using System.Collections.Generic;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// The demo vendor's billing system: the subscription event log behind each account's monthly revenue path. Seats at a
/// price per seat, monthly and annual plans, discounts that end (an expansion in the month a discount runs out), trials
/// before a start, pauses that resume, cancellations at period end, and a second subscription (an add-on) for some
/// accounts. The demo's MRR is this log's month-end MRR, to the cent.
/// </summary>
internal sealed class DemoSubscriptions
{
    private readonly DemoRandom _random;
    private readonly YearMonth _firstMonth;
    private readonly List<SubscriptionEvent> _events = [];
    private readonly Dictionary<string, Instant> _last = new(StringComparer.Ordinal);

    private DemoSubscriptions(DemoRandom random, YearMonth firstMonth)
    {
        _random = random;
        _firstMonth = firstMonth;
    }

    /// <summary>The log that gives each account the monthly MRR path it has.</summary>
    /// <param name="paths">Each account's MRR per month from <paramref name="firstMonth"/> (0 when it does not pay), and its currency.</param>
    /// <param name="firstMonth">The first month of the paths.</param>
    /// <param name="random">The demo's generator.</param>
    /// <returns>The events, by account and subscription, each subscription's in time order.</returns>
    public static List<SubscriptionEvent> For(IEnumerable<(PortfolioAccount Account, Currency Currency, decimal[] Mrr)> paths, YearMonth firstMonth, DemoRandom random)
    {
        var log = new DemoSubscriptions(random, firstMonth);
        foreach ((PortfolioAccount account, Currency currency, decimal[] mrr) in paths)
        {
            log.Add(account, currency, mrr);
        }

        return log._events;
    }

    private Instant MonthStart(int k) => _firstMonth.PlusMonths(k).OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    // A moment inside month k, after its first day (so that a trial on the 1st can come before a start).
    private Instant Within(int k) => MonthStart(k) + Duration.FromDays(_random.Next(1, 26)) + Duration.FromMinutes(_random.Next(0, 24 * 60));

    private void Add(PortfolioAccount account, Currency currency, decimal[] mrr)
    {
        bool annual = account.Segment is "Enterprise" || (account.Segment is "MidMarket" && _random.Chance(0.4));
        bool withAddOn = account.Segment is "Enterprise" or "MidMarket" && _random.Chance(0.12);
        var main = new Subscription($"{account.Id}-main", annual);
        var addOn = new Subscription($"{account.Id}-addon", annual: false);
        for (int k = 0; k < mrr.Length; k++)
        {
            decimal before = k == 0 ? 0 : mrr[k - 1];
            if (mrr[k] == before)
            {
                continue;
            }

            if (mrr[k] == 0)
            {
                Stop(account, k, mrr, main, addOn);
                continue;
            }

            // The add-on, when there is one, is a fixed part of the revenue while the account pays more than twice it.
            decimal addOnPrice = withAddOn ? Math.Round(mrr[k] / 5, 0, MidpointRounding.ToEven) : 0;
            if (before == 0 && addOn.Open)
            {
                addOnPrice = 0;
            }

            bool keepAddOn = addOn.Active && mrr[k] > 2 * addOn.Monthly;
            decimal mainMonthly = keepAddOn ? mrr[k] - addOn.Monthly : before == 0 && addOnPrice > 0 && mrr[k] > 2 * addOnPrice ? mrr[k] - addOnPrice : mrr[k];
            if (addOn.Active && !keepAddOn)
            {
                Emit(SubscriptionEvent.Cancel(account.Id, addOn.Id, Within(k)));
                addOn.Active = false;
            }

            if (main.Discounted is { } expiry && expiry == k && mrr[k] - (keepAddOn ? addOn.Monthly : 0) == main.ListMonthly)
            {
                main.Discounted = null; // the discount ran out: the expansion needs no event
                main.Monthly = main.ListMonthly;
            }
            else
            {
                Set(account, currency, k, mrr, main, mainMonthly, before == 0);
            }

            if (before == 0 && !keepAddOn && mainMonthly != mrr[k])
            {
                addOn.Monthly = mrr[k] - mainMonthly;
                Emit(SubscriptionEvent.Start(account.Id, addOn.Id, Within(k), new SubscriptionTerms(new Money(addOn.Monthly, currency), SubscriptionInterval.Month)));
                addOn.Active = addOn.Open = true;
            }
        }
    }

    // Sets the main subscription to pay `monthly` from month k: a start (after a trial, or reopening), a resume, or a change.
    private void Set(PortfolioAccount account, Currency currency, int k, decimal[] mrr, Subscription main, decimal monthly, bool starting)
    {
        if (starting && main.Paused)
        {
            // Back from a pause: resumed on its old plan, and moved to the new one in the same month when the price differs.
            main.Paused = false;
            Emit(SubscriptionEvent.Resume(account.Id, main.Id, Within(k)));
            if (monthly == main.Monthly)
            {
                return;
            }

            starting = false;
        }

        SubscriptionTerms terms = Terms(currency, k, mrr, main, monthly);
        if (starting && !main.Open && _random.Chance(0.3))
        {
            Emit(SubscriptionEvent.Trial(account.Id, main.Id, MonthStart(k) + Duration.FromHours(_random.Next(1, 20)), terms));
        }

        Emit(starting ? SubscriptionEvent.Start(account.Id, main.Id, Within(k), terms) : SubscriptionEvent.Change(account.Id, main.Id, Within(k), terms));
        main.Open = true;
        main.Monthly = monthly;
        main.Terms = terms;
    }

    private SubscriptionTerms Terms(Currency currency, int k, decimal[] mrr, Subscription main, decimal monthly)
    {
        // When the next move is up, sometimes it is a discount running out: the list price is the later revenue and the
        // discount, a fixed amount per interval, lasts into that month.
        main.Discounted = null;
        int next = k + 1;
        while (next < mrr.Length && mrr[next] == mrr[k])
        {
            next++;
        }

        decimal list = monthly;
        decimal off = 0;
        Instant? until = null;
        if (next < mrr.Length && mrr[next] > mrr[k] && mrr[next] - mrr[k] < monthly && _random.Chance(0.35))
        {
            list = monthly + (mrr[next] - mrr[k]);
            off = mrr[next] - mrr[k];
            until = MonthStart(next) + Duration.FromDays(_random.Next(0, 20));
            main.Discounted = next;
            main.ListMonthly = list;
        }

        int factor = main.Annual ? 12 : 1;
        int seats = Seats(list, off, currency);
        return new SubscriptionTerms(new Money(list * factor / seats, currency), main.Annual ? SubscriptionInterval.Year : SubscriptionInterval.Month,
            quantity: seats, discountAmount: off * factor, discountUntil: until);
    }

    // Seats when the price divides evenly into a whole number of minor units per seat; otherwise one.
    private int Seats(decimal list, decimal off, Currency currency)
    {
        decimal scale = currency.MinorUnits == 0 ? 1 : 100;
        foreach (int seats in new[] { 25, 20, 12, 10, 8, 5, 4, 3, 2 })
        {
            if (_random.Chance(0.5) && list * scale % seats == 0 && off >= 0)
            {
                return seats;
            }
        }

        return 1;
    }

    private void Stop(PortfolioAccount account, int k, decimal[] mrr, Subscription main, Subscription addOn)
    {
        // A gap of up to six months that comes back is mostly a pause; otherwise a cancellation at period end.
        int back = k;
        while (back < mrr.Length && mrr[back] == 0)
        {
            back++;
        }

        bool pause = back < mrr.Length && back - k <= 6 && !addOn.Open && main.Monthly == mrr[k - 1] && main.Terms is { DiscountUntil: null } && _random.Chance(0.7);
        if (addOn.Active)
        {
            Emit(SubscriptionEvent.Cancel(account.Id, addOn.Id, MonthStart(k)));
            addOn.Active = false;
        }

        if (pause)
        {
            Emit(SubscriptionEvent.Pause(account.Id, main.Id, MonthStart(k) + Duration.FromHours(_random.Next(0, 48))));
            main.Paused = true;
        }
        else
        {
            Emit(SubscriptionEvent.Cancel(account.Id, main.Id, MonthStart(k)));
        }

        main.Discounted = null;
    }

    // One subscription's events must be at distinct, increasing instants: one drawn at or before the last moves just after it.
    private void Emit(SubscriptionEvent e)
    {
        if (_last.TryGetValue(e.Subscription, out Instant last) && e.EffectiveAt <= last)
        {
            Instant at = last + Duration.FromMinutes(1);
            e = e.Kind switch
            {
                SubscriptionEventKind.Start => SubscriptionEvent.Start(e.Account, e.Subscription, at, e.Terms),
                SubscriptionEventKind.Change => SubscriptionEvent.Change(e.Account, e.Subscription, at, e.Terms),
                SubscriptionEventKind.Trial => SubscriptionEvent.Trial(e.Account, e.Subscription, at, e.Terms),
                SubscriptionEventKind.Pause => SubscriptionEvent.Pause(e.Account, e.Subscription, at),
                SubscriptionEventKind.Resume => SubscriptionEvent.Resume(e.Account, e.Subscription, at),
                _ => SubscriptionEvent.Cancel(e.Account, e.Subscription, at),
            };
        }

        _last[e.Subscription] = e.EffectiveAt;
        _events.Add(e);
    }

    private sealed class Subscription(string id, bool annual)
    {
        public string Id { get; } = id;

        public bool Annual { get; } = annual;

        public bool Open { get; set; }

        public bool Active { get; set; }

        public bool Paused { get; set; }

        public decimal Monthly { get; set; }

        public decimal ListMonthly { get; set; }

        public int? Discounted { get; set; }

        public SubscriptionTerms? Terms { get; set; }
    }
}
