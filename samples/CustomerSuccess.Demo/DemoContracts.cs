using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// Derives a contract ledger from the demo's MRR, so that each account's committed lines (archives aside) add up to its
/// MRR at the end of every month: a new line when an account starts or comes back, an add-on for an expansion, a
/// renewal (early or late) at each anniversary carrying that month's change, a mid-term renewal for a contraction, a
/// cancellation notice with a churn reason when it churns, and now and then a first-time archive.
/// </summary>
internal sealed class DemoContracts(DemoRandom random)
{
    private static readonly (string Reason, Avoidability Avoidability)[] ChurnReasons =
    [
        ("budget cuts", Avoidability.Avoidable), ("moved to a competitor", Avoidability.Avoidable), ("product fit", Avoidability.Avoidable),
        ("champion left", Avoidability.Avoidable), ("acquired", Avoidability.Unavoidable), ("went out of business", Avoidability.Unavoidable),
    ];

    private static readonly (string Reason, Avoidability Avoidability)[] DowngradeReasons =
    [
        ("fewer seats needed", Avoidability.Avoidable), ("price renegotiation", Avoidability.Avoidable), ("budget cuts", Avoidability.Avoidable),
        ("division sold", Avoidability.Unavoidable),
    ];

    private readonly List<ContractLine> _lines = [];

    public IReadOnlyList<ContractLine> Lines => _lines;

    /// <summary>Adds the lines of one account from its MRR per month (0 when not paying), the first month's value already under contract.</summary>
    public void AddAccount(PortfolioAccount account, Currency currency, YearMonth first, decimal[] mrr)
    {
        var state = new AccountState(account, currency, BillingFor(account.Segment));
        for (int i = 0; i < mrr.Length; i++)
        {
            LocalDate day = first.PlusMonths(i).OnDayOfMonth(1);
            decimal before = i == 0 ? 0m : mrr[i - 1];
            decimal now = mrr[i];
            if (account.Id == WingtipDemo.Financiality && before == 0m && now > 0m)
            {
                // Seed 002: signed June 30 for $29,000 ARR, billed yearly.
                state.Main = Add(state, ContractOrderType.New, new LocalDate(2026, 6, 30), day, 1m, 29_000m, BillingInterval.Year);
                continue;
            }

            if (before == 0m && now > 0m)
            {
                // Accounts already paying when the data starts signed up to a year earlier; their anniversaries spread over the year.
                LocalDate start = i == 0 ? day.PlusMonths(-random.Next(0, 12)) : day;
                state.Main = AddMain(state, ContractOrderType.New, start, start, now, renews: null, reason: default);
                state.AddOns.Clear();
                continue;
            }

            if (before > 0m && now == 0m)
            {
                Cancel(state, day);
                continue;
            }

            if (now == 0m)
            {
                continue;
            }

            if (state.Main!.End < day)
            {
                Renew(state, day, now);
            }
            else if (now > before)
            {
                state.AddOns.Add(Add(state, ContractOrderType.AddOn, day, day, 1m, now - before, BillingInterval.Month, end: state.Main.End));
            }
            else if (now < before)
            {
                Contract(state, day, before - now);
            }
        }
    }

    private static BillingInterval BillingFor(string segment) => segment switch
    {
        "Enterprise" or "MidMarket" => BillingInterval.Year,
        "SMB" => BillingInterval.Quarter,
        _ => BillingInterval.Month,
    };

    private void Renew(AccountState state, LocalDate day, decimal total)
    {
        // The anniversary: every line renews for a year; the add-ons as they are, the main line carrying the month's change.
        // Most renewals are signed 30 to 60 days early; one in five is signed late, keeping its term dates.
        LocalDate signed = random.Chance(0.8) ? day.PlusDays(-random.Next(30, 61)) : day.PlusDays(random.Next(3, 26));
        LocalDate end = day.PlusYears(1).PlusDays(-1);
        decimal addOns = state.AddOns.Sum(l => l.MonthlyValue.Amount);
        if (total <= addOns)
        {
            // Rare: the account shrank below its add-ons; they lapse into the main line.
            foreach (ContractLine addOn in state.AddOns)
            {
                _lines[_lines.IndexOf(addOn)] = addOn.WithCancellation(LocalDate.Max(signed, day), "consolidated at renewal", Avoidability.Unspecified);
            }

            state.AddOns.Clear();
            addOns = 0m;
        }

        for (int i = 0; i < state.AddOns.Count; i++)
        {
            ContractLine addOn = state.AddOns[i];
            state.AddOns[i] = Add(state, ContractOrderType.Renewal, signed, day, addOn.Quantity, addOn.UnitPrice.Amount, addOn.Billing, addOn.LineId, end);
        }

        decimal main = total - addOns;
        (string? reason, Avoidability avoidability) = main < state.Main!.MonthlyValue.Amount ? random.Pick(DowngradeReasons) : default;
        state.Main = AddMain(state, ContractOrderType.Renewal, signed, day, main, renews: state.Main.LineId, (reason, avoidability), end);
    }

    private void Contract(AccountState state, LocalDate day, decimal decrease)
    {
        ContractLine main = state.Main!;
        decimal mainValue = main.MonthlyValue.Amount;
        if (mainValue > decrease)
        {
            state.Main = AddMain(state, ContractOrderType.Renewal, day.PlusDays(-random.Next(5, 20)), day, mainValue - decrease, renews: main.LineId, random.Pick(DowngradeReasons), end: main.End);
            return;
        }

        // Rare: the decrease is larger than the main line, so add-ons are dropped and any excess is bought back as an add-on.
        (string reason, Avoidability avoidability) = random.Pick(DowngradeReasons);
        decimal dropped = 0m;
        foreach (ContractLine addOn in state.AddOns.OrderByDescending(l => l.MonthlyValue.Amount).ToArray())
        {
            if (dropped >= decrease)
            {
                break;
            }

            _lines[_lines.IndexOf(addOn)] = addOn.WithCancellation(day, reason, avoidability);
            state.AddOns.Remove(addOn);
            dropped += addOn.MonthlyValue.Amount;
        }

        if (dropped > decrease)
        {
            state.AddOns.Add(Add(state, ContractOrderType.AddOn, day, day, 1m, dropped - decrease, BillingInterval.Month, end: main.End));
        }
    }

    private void Cancel(AccountState state, LocalDate day)
    {
        (string reason, Avoidability avoidability) = random.Pick(ChurnReasons);
        LocalDate notice = day;
        foreach (ContractLine line in state.AddOns.Append(state.Main!))
        {
            _lines[_lines.IndexOf(line)] = line.WithCancellation(notice, reason, avoidability);
        }

        ContractLine main = state.Main!;
        state.AddOns.Clear();
        if (state.Billing == BillingInterval.Year && random.Chance(0.2))
        {
            // A first-time archive: read-only access at a tenth of the former fee.
            Add(state, ContractOrderType.Archive, day, day, 1m, Math.Round(main.MonthlyValue.Amount * 12m * 0.1m, 2), BillingInterval.Year);
        }
    }

    private ContractLine AddMain(AccountState state, ContractOrderType type, LocalDate signed, LocalDate start, decimal monthlyValue, string? renews, (string? Reason, Avoidability Avoidability) reason, LocalDate? end = null)
    {
        // Ten units to start; a renewal scales the units with the value (a price renegotiation keeps them), and the unit
        // price carries the value exactly (up to rounding far below a cent).
        int months = (int)state.Billing;
        decimal quantity = renews is null ? 10m
            : reason.Reason == "price renegotiation" ? state.Main!.Quantity
            : Math.Clamp(Math.Round(state.Main!.Quantity * monthlyValue / state.Main.MonthlyValue.Amount), 1m, 1_000m);
        decimal unitPrice = Math.Round(monthlyValue * months / quantity, 6);
        return Add(state, type, signed, start, quantity, unitPrice, state.Billing, renews, end, reason.Reason, reason.Avoidability);
    }

    private ContractLine Add(
        AccountState state, ContractOrderType type, LocalDate signed, LocalDate start, decimal quantity, decimal unitPrice, BillingInterval billing,
        string? renews = null, LocalDate? end = null, string? reason = null, Avoidability avoidability = Avoidability.Unspecified)
    {
        var line = new ContractLine
        {
            LineId = $"{state.Account.Id}-{++state.Count:D2}",
            Account = state.Account.Id,
            OrderType = type,
            SignedOn = signed,
            Start = start,
            End = end is { } e && e >= start ? e : start.PlusYears(1).PlusDays(-1),
            Quantity = quantity,
            UnitPrice = new Money(unitPrice, state.Currency),
            Billing = billing,
            Renews = renews,
            ChurnReason = reason,
            Avoidability = avoidability,
        };
        _lines.Add(line);
        return line;
    }

    private sealed class AccountState(PortfolioAccount account, Currency currency, BillingInterval billing)
    {
        public PortfolioAccount Account { get; } = account;

        public Currency Currency { get; } = currency;

        public BillingInterval Billing { get; } = billing;

        public ContractLine? Main { get; set; }

        public List<ContractLine> AddOns { get; } = [];

        public int Count { get; set; }
    }
}
