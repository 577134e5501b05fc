using System;
using System.Collections.Generic;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Built-in signals for the health factors of Customer Success (Mehta et al.), as typed adapters over selectors of your own account type: mapping
/// an account takes a lambda per fact. Every one is point-in-time (facts after the as-of instant do not exist for it),
/// thread-safe, and reports missing data with a reason rather than 0.
/// </summary>
public static class HealthSignals
{
    /// <summary>Product adoption: active users / licences (0.8 is 80% of licences active). Leading.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "adoption.active_licences".</param>
    /// <param name="activeUsers">Active users as of now, or null when unknown.</param>
    /// <param name="licences">Licences sold, or null when unknown.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> ActiveLicenceShare<TAccount>(SignalId id, Func<TAccount, int?> activeUsers, Func<TAccount, int?> licences)
    {
        ArgumentNullException.ThrowIfNull(activeUsers);
        ArgumentNullException.ThrowIfNull(licences);
        return Signal.Create<TAccount>(id, SignalTiming.Leading, (account, _) =>
            (activeUsers(account), licences(account)) switch
            {
                (null, _) => SignalValue.Missing("active users are unknown"),
                (_, null or 0) => SignalValue.Missing("no licences sold"),
                ({ } active, { } sold) => SignalValue.Of(active / (double)sold),
            });
    }

    /// <summary>A measured value read straight from the account (key-feature usage, marketing engagement score). </summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id.</param>
    /// <param name="timing">Whether it leads or lags.</param>
    /// <param name="value">The value as of now, or null when there is none.</param>
    /// <param name="missingReason">What to say when <paramref name="value"/> is null.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> Value<TAccount>(SignalId id, SignalTiming timing, Func<TAccount, double?> value, string missingReason)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(missingReason);
        return Signal.Create<TAccount>(id, timing, (account, _) =>
            value(account) is { } v && double.IsFinite(v) ? SignalValue.Of(v) : SignalValue.Missing(missingReason));
    }

    /// <summary>How many events happened in the window before the as-of instant: support cases opened, marketing touches.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "support.cases_7d".</param>
    /// <param name="timing">Whether it leads or lags (support cases lag; marketing engagement leads).</param>
    /// <param name="events">When each event happened.</param>
    /// <param name="window">The window: events in (as-of - window, as-of] count.</param>
    /// <returns>The signal; 0 is a real value here (no event in the window).</returns>
    public static ISignal<TAccount> CountInWindow<TAccount>(SignalId id, SignalTiming timing, Func<TAccount, IEnumerable<Instant>> events, Duration window)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be longer than zero.");
        }

        return Signal.Create<TAccount>(id, timing, (account, context) =>
        {
            int count = 0;
            foreach (Instant at in events(account))
            {
                count += at > context.AsOf - window && at <= context.AsOf ? 1 : 0;
            }

            return SignalValue.Of(count);
        });
    }

    /// <summary>Support: the age in days of the oldest case of priority 1 to <paramref name="maxPriority"/> open as of now; 0 when none is open. Lagging.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "support.oldest_p1p2_days".</param>
    /// <param name="cases">The account's support cases.</param>
    /// <param name="maxPriority">The least urgent priority that counts (2 for P1 and P2).</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> OldestOpenCaseAge<TAccount>(SignalId id, Func<TAccount, IEnumerable<SupportCase>> cases, int maxPriority = 2)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return Signal.Create<TAccount>(id, SignalTiming.Lagging, (account, context) =>
        {
            Duration oldest = Duration.Zero;
            foreach (SupportCase c in cases(account))
            {
                bool open = c.Opened <= context.AsOf && (c.Closed is not { } closed || closed > context.AsOf);
                if (open && c.Priority <= maxPriority && context.AsOf - c.Opened > oldest)
                {
                    oldest = context.AsOf - c.Opened;
                }
            }

            return SignalValue.Of(oldest.TotalDays);
        });
    }

    /// <summary>NPS: the latest answer given by the as-of instant. Lagging.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "nps.latest".</param>
    /// <param name="responses">The account's answers.</param>
    /// <returns>The signal; missing ("no NPS response yet") before the first answer.</returns>
    public static ISignal<TAccount> NpsLatest<TAccount>(SignalId id, Func<TAccount, IEnumerable<NpsResponse>> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return Signal.Create<TAccount>(id, SignalTiming.Lagging, (account, context) =>
            LastTwo(responses(account), context.AsOf) is ({ } latest, _) ? SignalValue.Of(latest.Score) : SignalValue.Missing("no NPS response yet"));
    }

    /// <summary>NPS change: the latest answer minus the one before it. Lagging.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "nps.change".</param>
    /// <param name="responses">The account's answers.</param>
    /// <returns>The signal; missing until there are two answers.</returns>
    public static ISignal<TAccount> NpsChange<TAccount>(SignalId id, Func<TAccount, IEnumerable<NpsResponse>> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        return Signal.Create<TAccount>(id, SignalTiming.Lagging, (account, context) =>
            LastTwo(responses(account), context.AsOf) is ({ } latest, { } before)
                ? SignalValue.Of(latest.Score - before.Score)
                : SignalValue.Missing("fewer than two NPS responses"));
    }

    /// <summary>Invoice history: the most days any invoice is past due and unpaid as of today (in the context's zone); 0 when none is. Lagging.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "invoice.days_past_due".</param>
    /// <param name="invoices">The account's invoices.</param>
    /// <returns>The signal.</returns>
    public static ISignal<TAccount> DaysPastDue<TAccount>(SignalId id, Func<TAccount, IEnumerable<Invoice>> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return Signal.Create<TAccount>(id, SignalTiming.Lagging, (account, context) =>
        {
            LocalDate today = context.AsOfDate;
            int worst = 0;
            foreach (Invoice invoice in invoices(account))
            {
                bool unpaid = invoice.Paid is not { } paid || paid > today;
                if (unpaid && invoice.Due < today)
                {
                    worst = Math.Max(worst, Period.Between(invoice.Due, today, PeriodUnits.Days).Days);
                }
            }

            return SignalValue.Of(worst);
        });
    }

    /// <summary>Contract growth: current contract value / original - 1 (0.5 is 50% growth). Lagging.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "contract.growth".</param>
    /// <param name="original">The first contract's value, or null.</param>
    /// <param name="current">The current contract's value, or null.</param>
    /// <returns>The signal; missing without both values, or when the original is zero.</returns>
    /// <exception cref="CurrencyMismatchException">An account's two values are in different currencies (when measured).</exception>
    public static ISignal<TAccount> ContractGrowth<TAccount>(SignalId id, Func<TAccount, Money?> original, Func<TAccount, Money?> current)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(current);
        return Signal.Create<TAccount>(id, SignalTiming.Lagging, (account, _) =>
            (original(account), current(account)) is ({ } first, { } now) && Ratio.Of(now, first).ToDouble() is { } ratio
                ? SignalValue.Of(ratio - 1)
                : SignalValue.Missing("no original and current contract value to compare"));
    }

    /// <summary>Executive-sponsor engagement: days since the last meeting with the sponsor. Leading.</summary>
    /// <typeparam name="TAccount">The account type.</typeparam>
    /// <param name="id">The signal id, such as "sponsor.days_since_meeting".</param>
    /// <param name="meetings">When the sponsor was met.</param>
    /// <returns>The signal; missing ("never met the executive sponsor") before the first meeting.</returns>
    public static ISignal<TAccount> DaysSinceSponsorMeeting<TAccount>(SignalId id, Func<TAccount, IEnumerable<Instant>> meetings)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return Signal.Create<TAccount>(id, SignalTiming.Leading, (account, context) =>
        {
            Instant? last = null;
            foreach (Instant at in meetings(account))
            {
                if (at <= context.AsOf && (last is null || at > last))
                {
                    last = at;
                }
            }

            return last is { } seen ? SignalValue.Of((context.AsOf - seen).TotalDays) : SignalValue.Missing("never met the executive sponsor");
        });
    }

    private static (NpsResponse? Latest, NpsResponse? Before) LastTwo(IEnumerable<NpsResponse> responses, Instant asOf)
    {
        NpsResponse? latest = null, before = null;
        foreach (NpsResponse r in responses)
        {
            if (r.At > asOf)
            {
                continue;
            }

            if (latest is null || r.At > latest.Value.At)
            {
                before = latest;
                latest = r;
            }
            else if (before is null || r.At > before.Value.At)
            {
                before = r;
            }
        }

        return (latest, before);
    }
}
