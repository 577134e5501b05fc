using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// The demo vendor's product-analytics stream for the 90 days up to <see cref="DemoFacts.AsOf"/>: logins, page views (one
/// event per session, valued by pages viewed), key-feature use, support cases opened and NPS answers. Usage follows each
/// account's health facts and revenue trend, so shrinking accounts log in less over time and some of their users stop.
/// </summary>
/// <remarks>
/// Like a product-analytics sample, the stream tracks up to <see cref="TrackedUsersPerAccount"/> named users per account;
/// licence coverage comes from the facts (<see cref="Facts"/>), not from counting these users.
/// </remarks>
public static class DemoEvents
{
    /// <summary>The most users tracked per account.</summary>
    public const int TrackedUsersPerAccount = 6;

    /// <summary>The number of days of events before the as-of instant.</summary>
    public const int Days = 90;

    /// <summary>Generates the event stream.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="facts">Its health facts, from <see cref="DemoFacts.Generate"/>.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The events, by account, then user, then time.</returns>
    public static IReadOnlyList<BehaviorEvent> Generate(Portfolio portfolio, IReadOnlyDictionary<AccountId, AccountFacts> facts, ulong seed = WingtipDemo.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(facts);
        var random = new DemoRandom(seed ^ 0xE7E7_5EED);
        Instant end = DemoFacts.AsOf;
        Instant start = end - Duration.FromDays(Days);
        Dictionary<AccountId, double> trends = RevenueTrends(portfolio);
        var events = new List<BehaviorEvent>();
        foreach ((AccountId account, AccountFacts fact) in facts.OrderBy(f => f.Key))
        {
            double coverage = fact.Licences == 0 ? 0 : (double)fact.ActiveUsers / fact.Licences;
            double slope = trends.GetValueOrDefault(account);
            int users = Math.Clamp(fact.ActiveUsers, 1, TrackedUsersPerAccount);

            // Some shrinking accounts go quiet altogether: every tracked user stops in the last weeks.
            int quietFrom = slope < -0.25 && random.Chance(0.5) ? Days - random.Next(15, 35) : Days;
            for (int u = 1; u <= users; u++)
            {
                string user = $"{account}.u{u}";
                double baseRate = 0.1 + (0.5 * coverage * random.NextDouble());
                int stopDay = Math.Min(quietFrom, slope < -0.2 && random.Chance(0.5) ? Days - random.Next(10, 40) : Days);
                int joinDay = random.Chance(0.08) ? random.Next(0, Days - 10) : 0;
                for (int day = joinDay; day < stopDay; day++)
                {
                    double rate = Math.Clamp(baseRate * (1 + (slope * (day - (Days / 2.0)) / (Days / 2.0))), 0.02, 0.95);
                    if (!random.Chance(rate))
                    {
                        continue;
                    }

                    Instant login = start + Duration.FromDays(day) + Duration.FromMinutes(random.Next(7 * 60, 19 * 60));
                    events.Add(new BehaviorEvent(account, "login", login, 1, user));
                    events.Add(new BehaviorEvent(account, "page_view", login + Duration.FromMinutes(1), random.Next(1, 30), user));
                    if (random.Chance(0.3 + (0.4 * coverage)))
                    {
                        events.Add(new BehaviorEvent(account, "key_feature_use", login + Duration.FromMinutes(random.Next(2, 50)), 1, user));
                    }
                }
            }

            for (int i = 0; i < fact.SupportCases.Count; i++)
            {
                SupportCase supportCase = fact.SupportCases[i];
                if (supportCase.Opened > start)
                {
                    events.Add(new BehaviorEvent(account, "support_case_opened", supportCase.Opened, supportCase.Priority, id: $"{account}.case{i + 1}"));
                }
            }

            // An incident at some unhealthy accounts: a burst of cases this week, opened after the health facts were drawn.
            if (coverage < 0.6 && random.Chance(0.08))
            {
                int burst = random.Next(5, 8);
                for (int i = 0; i < burst; i++)
                {
                    events.Add(new BehaviorEvent(account, "support_case_opened", end - Duration.FromHours(random.Next(1, 6 * 24)), random.Next(1, 3), id: $"{account}.incident{i + 1}"));
                }
            }

            foreach (NpsResponse answer in fact.Nps.Where(n => n.At > start))
            {
                events.Add(new BehaviorEvent(account, "nps_response", answer.At, answer.Score, $"{account}.u1"));
            }
        }

        return events;
    }

    /// <summary>
    /// The facts the demo rule set reads besides events: licences sold, users active in the last 30 days, days the oldest
    /// unpaid invoice is past due, and the age in days of the oldest open P1/P2 support case.
    /// </summary>
    /// <param name="facts">The demo's health facts.</param>
    /// <returns>(account, fact, value) triples.</returns>
    public static IEnumerable<(AccountId Account, string Fact, decimal Value)> Facts(IReadOnlyDictionary<AccountId, AccountFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        LocalDate today = DemoFacts.AsOf.InUtc().Date;
        foreach ((AccountId account, AccountFacts fact) in facts.OrderBy(f => f.Key))
        {
            yield return (account, "licences", fact.Licences);
            yield return (account, "active_users", fact.ActiveUsers);
            int pastDue = fact.Invoices.Where(i => i.Paid is null && i.Due < today).Select(i => Period.Between(i.Due, today, PeriodUnits.Days).Days).DefaultIfEmpty(0).Max();
            yield return (account, "days_past_due", pastDue);
            double oldestOpen = fact.SupportCases.Where(c => c.Closed is null && c.Priority <= 2).Select(c => (DemoFacts.AsOf - c.Opened).TotalDays).DefaultIfEmpty(0).Max();
            yield return (account, "oldest_open_p1_p2_case_days", Math.Round((decimal)oldestOpen, 1));
        }
    }

    /// <summary>The demo's events and rule facts, ready to evaluate rules over: what the main job and the hosted sample read.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="facts">Its health facts, from <see cref="DemoFacts.Generate"/>.</param>
    /// <returns>The evaluator.</returns>
    public static BehaviorEvaluator CreateEvaluator(Portfolio portfolio, IReadOnlyDictionary<AccountId, AccountFacts> facts) =>
        new(EventStore.Create(Generate(portfolio, facts)), Behaviors.AccountFacts.Create(Facts(facts)));

    private static Dictionary<AccountId, double> RevenueTrends(Portfolio portfolio)
    {
        YearMonth last = portfolio.LastMonth;
        var now = portfolio.Snapshots.Where(s => s.Month == last).ToDictionary(s => s.Account, s => s.Mrr.Amount);
        var before = portfolio.Snapshots.Where(s => s.Month == last.PlusMonths(-6)).ToDictionary(s => s.Account, s => s.Mrr.Amount);
        return now.ToDictionary(
            n => n.Key,
            n => before.TryGetValue(n.Key, out decimal b) && b > 0 ? Math.Clamp((double)((n.Value - b) / b), -0.6, 0.6) : 0.1);
    }
}
