using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// Health facts for every account paying in the demo's last month, drawn so that they track the account's revenue
/// trajectory: accounts that shrank over the last six months tend to use fewer licences, open more cases, answer NPS
/// lower and pay later, as seed 002's health factors would show.
/// </summary>
public static class DemoFacts
{
    /// <summary>Gets the instant the facts are as of: the end of the demo's last month.</summary>
    public static Instant AsOf { get; } = Instant.FromUtc(2026, 10, 31, 23, 59, 59);

    /// <summary>Generates the facts for a portfolio, from a fixed seed.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>One entry per account paying in the last month, by account id.</returns>
    public static IReadOnlyDictionary<AccountId, AccountFacts> Generate(Portfolio portfolio, ulong seed = WingtipDemo.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var random = new DemoRandom(seed ^ 0x5EED_FAC7);
        YearMonth last = portfolio.LastMonth;
        YearMonth sixBefore = last.PlusMonths(-6);
        var mrr = portfolio.Snapshots.Where(s => s.Month == last || s.Month == sixBefore).ToDictionary(s => (s.Account, s.Month), s => s.Mrr.Amount);
        var facts = new Dictionary<AccountId, AccountFacts>();
        foreach (PortfolioAccount account in portfolio.Accounts.OrderBy(a => a.Id))
        {
            if (!mrr.TryGetValue((account.Id, last), out decimal now))
            {
                continue;
            }

            // Health propensity in [0, 1]: revenue trend over six months, plus noise.
            decimal before = mrr.GetValueOrDefault((account.Id, sixBefore));
            double trend = before == 0 ? 0.1 : Math.Clamp((double)((now - before) / before), -0.6, 0.6);
            double health = Math.Clamp(0.6 + trend + ((random.NextDouble() - 0.5) * 0.6), 0, 1);
            facts[account.Id] = Draw(account, health, random);
        }

        return facts;
    }

    private static AccountFacts Draw(PortfolioAccount account, double health, DemoRandom random)
    {
        int licences = account.Segment switch { "Enterprise" => random.Next(300, 1500), "MidMarket" => random.Next(40, 250), "SMB" => random.Next(10, 60), _ => random.Next(3, 15) };
        int active = (int)Math.Round(licences * Math.Clamp((0.25 + (0.75 * health)) + ((random.NextDouble() - 0.5) * 0.2), 0.05, 1));

        var cases = new List<SupportCase>();
        int caseCount = random.Next(0, 3) + (int)((1 - health) * random.Next(0, 8));
        for (int i = 0; i < caseCount; i++)
        {
            Instant opened = AsOf - Duration.FromHours(random.Next(1, 90 * 24));
            bool stillOpen = random.Chance(0.15 + (0.4 * (1 - health)));
            cases.Add(new SupportCase(opened, stillOpen ? null : opened + Duration.FromHours(random.Next(2, 240)), random.Next(1, 5)));
        }

        var nps = new List<NpsResponse>();
        if (random.Chance(0.85))
        {
            for (int q = 2; q >= 0; q--)
            {
                int score = Math.Clamp((int)Math.Round((health * 10) + ((random.NextDouble() - 0.5) * 4)), 0, 10);
                nps.Add(new NpsResponse(AsOf - Duration.FromDays((q * 90) + random.Next(5, 60)), score));
            }
        }

        var invoices = new List<Invoice>();
        LocalDate today = AsOf.InUtc().Date;
        for (int m = 1; m <= 4; m++)
        {
            LocalDate due = today.PlusMonths(-m).With(DateAdjusters.StartOfMonth).PlusDays(14);
            bool late = random.Chance(0.05 + (0.5 * (1 - health)));
            LocalDate? paid = late ? (random.Chance(0.5) ? null : due.PlusDays(random.Next(10, 80))) : due.PlusDays(-random.Next(0, 10));
            invoices.Add(new Invoice(due, paid is { } p && p > today ? null : paid));
        }

        var meetings = new List<Instant>();
        int meetingCount = account.Segment is "Enterprise" or "MidMarket" ? random.Next(0, 4) + (int)(health * 3) : random.Next(0, 2);
        for (int i = 0; i < meetingCount; i++)
        {
            meetings.Add(AsOf - Duration.FromDays(random.Next(5, 365)));
        }

        return new AccountFacts(account.Id, active, licences, cases, nps, invoices, meetings);
    }
}
