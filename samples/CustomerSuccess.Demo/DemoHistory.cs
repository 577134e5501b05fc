using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// The demo vendor's health history: a snapshot of every account's <see cref="AccountFacts"/> on the last day of each
/// month it paid in, over the demo's 24 months, and each account's churn outcome read from its MRR the way
/// <c>customersuccess outcomes</c> reads it. As seed 001 says, an account that is going to churn stops running its
/// essential process months before it leaves, while its usage falls only in its last two months: the backtest's lead-time
/// table shows the behaviour leading and usage lagging.
/// </summary>
/// <remarks>
/// The facts follow the revenue trajectory as well (shrinking accounts use fewer licences, open more cases, answer NPS lower
/// and pay later), and a few healthy accounts lapse for a while and recover while a few churners never lapse, so no
/// signal is a perfect predictor. Every snapshot holds nothing after the end of its day.
/// </remarks>
public sealed class DemoHistory
{
    // How far back each snapshot keeps the timeline: the longest window any demo signal or rule reads.
    private static readonly Duration CaseWindow = Duration.FromDays(90);
    private static readonly Period InvoiceWindow = Period.FromDays(120);
    private static readonly Duration MeetingWindow = Duration.FromDays(365);

    private DemoHistory(IReadOnlyList<HealthSnapshot<AccountFacts>> snapshots, IReadOnlyList<ChurnOutcome> outcomes, LocalDate observedUntil)
    {
        Snapshots = snapshots;
        Outcomes = outcomes;
        ObservedUntil = observedUntil;
        Latest = snapshots.Where(s => s.AsOf == observedUntil).ToDictionary(s => s.Account, s => s.State);
    }

    /// <summary>Gets one snapshot per account per month it paid in, dated the month's last day, by account then day.</summary>
    public IReadOnlyList<HealthSnapshot<AccountFacts>> Snapshots { get; }

    /// <summary>Gets every account's outcome: churned on the first day of the month after it last paid, unless it paid in the last month.</summary>
    public IReadOnlyList<ChurnOutcome> Outcomes { get; }

    /// <summary>Gets the last day the history observes: the last day of the demo's last month.</summary>
    public LocalDate ObservedUntil { get; }

    /// <summary>Gets the facts of every account paying in the last month, as of its last day (<see cref="DemoFacts.Generate"/>).</summary>
    public IReadOnlyDictionary<AccountId, AccountFacts> Latest { get; }

    /// <summary>Generates the history of a portfolio, from a fixed seed.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="seed">The seed; <see cref="WingtipDemo.DefaultSeed"/> for the built-in data.</param>
    /// <returns>The history.</returns>
    public static DemoHistory Generate(Portfolio portfolio, ulong seed = WingtipDemo.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var random = new DemoRandom(seed ^ 0x5EED_FAC7);
        int months = Months(portfolio.FirstMonth, portfolio.LastMonth) + 1;
        var mrr = new Dictionary<AccountId, decimal[]>();
        foreach (MrrRow row in portfolio.Snapshots)
        {
            if (!mrr.TryGetValue(row.Account, out decimal[]? amounts))
            {
                mrr[row.Account] = amounts = new decimal[months];
            }

            amounts[Months(portfolio.FirstMonth, row.Month)] = row.Mrr.Amount;
        }

        LocalDate observedUntil = portfolio.LastMonth.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
        var snapshots = new List<HealthSnapshot<AccountFacts>>();
        var outcomes = new List<ChurnOutcome>();
        foreach (PortfolioAccount account in portfolio.Accounts.OrderBy(a => a.Id))
        {
            if (!mrr.TryGetValue(account.Id, out decimal[]? amounts))
            {
                continue;
            }

            var timeline = new AccountTimeline(account, amounts, portfolio.FirstMonth, random);
            snapshots.AddRange(timeline.Snapshots());
            LocalDate? churnedOn = timeline.ChurnMonth is { } c ? portfolio.FirstMonth.PlusMonths(c).OnDayOfMonth(1) : null;
            outcomes.Add(new ChurnOutcome(account.Id, churnedOn, observedUntil));
        }

        return new DemoHistory(snapshots, outcomes, observedUntil);
    }

    /// <summary>The history the library's backtest, lead-time analysis and fitter read.</summary>
    /// <returns>The snapshots and outcomes as a <see cref="ChurnHistory{TAccount}"/>.</returns>
    public ChurnHistory<AccountFacts> ToChurnHistory() => new(Snapshots, Outcomes);

    private static int Months(YearMonth from, YearMonth to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    /// <summary>One account's 24 months: the events drawn month by month, then cut into point-in-time snapshots.</summary>
    private sealed class AccountTimeline
    {
        private readonly PortfolioAccount _account;
        private readonly decimal[] _mrr;
        private readonly YearMonth _firstMonth;
        private readonly DemoRandom _random;
        private readonly int _first;
        private readonly int _lastPaid;
        private readonly int? _exit;
        private readonly List<SupportCase> _cases = [];
        private readonly List<NpsResponse> _nps = [];
        private readonly List<Invoice> _invoices = [];
        private readonly List<Instant> _meetings = [];

        public AccountTimeline(PortfolioAccount account, decimal[] mrr, YearMonth firstMonth, DemoRandom random)
        {
            _account = account;
            _mrr = mrr;
            _firstMonth = firstMonth;
            _random = random;
            _first = Array.FindIndex(mrr, m => m > 0);
            _lastPaid = Array.FindLastIndex(mrr, m => m > 0);

            // The month an account stops paying for good is its churn; a gap it comes back from is not.
            ChurnMonth = _lastPaid < mrr.Length - 1 ? _lastPaid + 1 : null;

            // Some accounts still paying at the end are on their way out: they churn in the months after the data end,
            // so their last months already show it, though their outcome (observed until the end) is not churned.
            _exit = ChurnMonth ?? (random.Chance(0.06) ? mrr.Length + random.Next(0, 6) : null);
        }

        /// <summary>Gets the index of the first month of zero MRR that lasts to the end of the data, or null.</summary>
        public int? ChurnMonth { get; }

        public IEnumerable<HealthSnapshot<AccountFacts>> Snapshots()
        {
            // Seed 001: most accounts on their way out stop running the essential process four to nine months before they leave; a few
            // healthy accounts lapse for a while and recover (or are still lapsed when the data end), and a few churners
            // leave for reasons the behaviour does not see.
            (int From, int To) lapse = (int.MaxValue, int.MaxValue);
            if (_exit is { } exit)
            {
                if (_random.Chance(0.8))
                {
                    lapse = (Math.Max(_first, exit - _random.Next(4, 10)), exit);
                }
            }
            else if (_random.Chance(0.15))
            {
                int from = _random.Next(_first, _mrr.Length);
                lapse = (from, from + _random.Next(2, 7));
            }

            double diligence = _random.NextDouble();
            double adoption = 0.55 + (0.4 * _random.NextDouble());
            double temperament = (_random.NextDouble() - 0.5) * 0.3;
            int licences = _account.Segment switch
            {
                "Enterprise" => _random.Next(300, 1500),
                "MidMarket" => _random.Next(40, 250),
                "SMB" => _random.Next(10, 60),
                _ => _random.Next(3, 15),
            };
            bool answersNps = _random.Chance(0.85);
            int npsPhase = _random.Next(0, 3);
            bool sponsorTracked = _account.Segment is "Enterprise" or "MidMarket";
            bool usageFalls = _random.Chance(0.8);

            for (int m = _first; m <= _lastPaid; m++)
            {
                if (_mrr[m] == 0)
                {
                    continue;
                }

                bool lapsed = m >= lapse.From && m < lapse.To;
                bool leaving = _exit is { } last && m >= last - 2;
                double health = Math.Clamp(0.6 + Trend(m) + temperament - (lapsed ? 0.1 : 0) - (leaving ? 0.15 : 0), 0, 1);
                YearMonth month = _firstMonth.PlusMonths(m);
                Instant monthStart = month.OnDayOfMonth(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
                LocalDate lastDay = month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1);
                Instant end = lastDay.At(new LocalTime(23, 59, 59)).InUtc().ToInstant();
                int hoursInMonth = (int)(end - monthStart).TotalHours;

                int essentialWeeks = 0;
                double diligent = lapsed ? 0.1 + (0.2 * _random.NextDouble()) : Math.Clamp(0.55 + (0.4 * diligence) + (0.4 * Trend(m)), 0.3, 1);
                for (int week = 0; week < 8; week++)
                {
                    essentialWeeks += _random.Chance(diligent) ? 1 : 0;
                }

                double share = adoption + (0.3 * (health - 0.6)) + ((_random.NextDouble() - 0.5) * 0.2);
                share *= leaving && usageFalls ? 0.25 + (0.4 * _random.NextDouble()) : 1;
                int active = (int)Math.Round(licences * Math.Clamp(share, 0.02, 1));

                int caseCount = _random.Next(0, 2) + (int)((1 - health) * _random.Next(0, 4)) + (leaving ? _random.Next(1, 4) : 0);
                for (int i = 0; i < caseCount; i++)
                {
                    Instant opened = monthStart + Duration.FromHours(_random.Next(0, hoursInMonth));
                    bool stillOpen = _random.Chance(0.1 + (0.4 * (1 - health)));
                    _cases.Add(new SupportCase(opened, stillOpen ? null : opened + Duration.FromHours(_random.Next(2, 240)), _random.Next(1, 5)));
                }

                if (answersNps && (m + npsPhase) % 3 == 0)
                {
                    int score = Math.Clamp((int)Math.Round((health * 10) + ((_random.NextDouble() - 0.5) * 4)), 0, 10);
                    _nps.Add(new NpsResponse(monthStart + Duration.FromHours(_random.Next(0, hoursInMonth)), score));
                }

                LocalDate due = month.OnDayOfMonth(15);
                bool late = _random.Chance(leaving ? 0.6 : 0.05 + (0.3 * (1 - health)));
                LocalDate? paid = !late ? due.PlusDays(-_random.Next(0, 10))
                    : leaving && _random.Chance(0.5) ? null
                    : due.PlusDays(_random.Next(10, 80));
                _invoices.Add(new Invoice(due, paid));

                if (_random.Chance(!sponsorTracked ? 0.05 : lapsed ? 0.05 : 0.2 + (0.3 * health)))
                {
                    _meetings.Add(monthStart + Duration.FromHours(_random.Next(0, hoursInMonth)));
                }

                yield return new HealthSnapshot<AccountFacts>(_account.Id, lastDay, FactsAsOf(end, active, licences, essentialWeeks));
            }
        }

        // Revenue trend over six months, as the seed's health factors move with it.
        private double Trend(int m)
        {
            decimal now = _mrr[m];
            decimal before = m >= 6 ? _mrr[m - 6] : 0;
            return before == 0 ? 0.1 : Math.Clamp((double)((now - before) / before), -0.6, 0.6);
        }

        // What was known at the end of the snapshot's day: nothing later, and only as far back as a signal or rule reads.
        private AccountFacts FactsAsOf(Instant end, int active, int licences, int essentialWeeks)
        {
            LocalDate today = end.InUtc().Date;
            SupportCase[] cases = [.. _cases
                .Where(c => c.Opened <= end && c.Opened > end - CaseWindow)
                .Select(c => c.Closed is { } closed && closed > end ? new SupportCase(c.Opened, null, c.Priority) : c)];
            NpsResponse[] nps = [.. _nps.Where(n => n.At <= end).TakeLast(3)];
            Invoice[] invoices = [.. _invoices
                .Where(i => i.Due <= today && i.Due > today - InvoiceWindow)
                .Select(i => i.Paid is { } paid && paid > today ? new Invoice(i.Due, null) : i)];
            Instant[] meetings = [.. _meetings.Where(at => at <= end && at > end - MeetingWindow)];
            return new AccountFacts(_account.Id, active, licences, cases, nps, invoices, meetings, essentialWeeks);
        }
    }
}
