using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Forgets what a set of predicates can no longer read of an account's events, so that a live evaluator (an account grain)
/// keeps memory bounded by its rules' windows even when some rules read all history. Events within the bounded windows'
/// reach (<see cref="Recent"/>) are kept whole; of older ones it keeps, per event name, only what the predicates read:
/// nothing, the first and last event of each user (existence, <c>first</c>, <c>last</c>, <c>last_value</c>,
/// <c>since_last</c>, <c>distinct_users</c>), the first of each user on each local day (<c>distinct_days</c>), a running
/// count and sum (<see cref="EventTally"/>: <c>count</c> and <c>sum</c> over <c>ever</c>, and <c>performed</c>,
/// <c>absent</c> and the other predicates on an event, whose evidence counts the events), or, for names read in windows
/// that start at a fixed or anchored past instant (<c>since</c>, <c>between</c>, <c>first</c>), every event. The first
/// event of each account and of each user is always kept (<c>first_seen</c>, <c>users</c>).
/// </summary>
/// <remarks>
/// The law (tested): for every as-of instant from the compaction's on, an <see cref="EventStore"/> built from the kept
/// events and tallies (<see cref="CompactedEvents.ToStore"/>) gives every predicate of the set the answer the whole history
/// gives. Two limits follow from forgetting: an event re-sent with the <see cref="BehaviorEvent.Id"/> of one already
/// folded into a tally counts again, and changing the rules to read further back than the compactor kept does not bring
/// back what it forgot.
/// </remarks>
public sealed class EventCompactor
{
    private readonly ReadPlan _plan;
    private readonly DateTimeZone _zone;

    private EventCompactor(ReadPlan plan, DateTimeZone zone)
    {
        _plan = plan;
        _zone = zone;
    }

    /// <summary>Gets how far before the as-of instant every event is kept: the longest bounded window of the predicates.</summary>
    public Duration Recent => _plan.Recent;

    /// <summary>Creates the compactor of a rule set's predicates.</summary>
    /// <param name="rules">The rules.</param>
    /// <param name="zone">The zone the rules are evaluated in (local days of <c>distinct_days</c>).</param>
    /// <returns>The compactor.</returns>
    public static EventCompactor For(RuleSet rules, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return For(rules.Select(r => r.When), zone);
    }

    /// <summary>Creates the compactor of a set of predicates.</summary>
    /// <param name="predicates">The predicates.</param>
    /// <param name="zone">The zone they are evaluated in (local days of <c>distinct_days</c>).</param>
    /// <returns>The compactor.</returns>
    public static EventCompactor For(IEnumerable<BehaviorPredicate> predicates, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(predicates);
        ArgumentNullException.ThrowIfNull(zone);
        return new EventCompactor(ReadPlan.Of(predicates), zone);
    }

    /// <summary>Compacts events (of any accounts) as of an instant.</summary>
    /// <param name="events">The events kept so far, with any new ones.</param>
    /// <param name="tallies">The tallies of an earlier compaction (none the first time).</param>
    /// <param name="asOf">The instant: the compacted events answer as the whole history does at it and at any later one.</param>
    /// <returns>What to keep.</returns>
    /// <exception cref="ArgumentException">An event is <c>default(BehaviorEvent)</c>, or a value cannot be held exactly.</exception>
    public CompactedEvents Compact(IEnumerable<BehaviorEvent> events, IEnumerable<EventTally> tallies, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tallies);
        BehaviorEvent[] all = Distinct(events);
        long horizon = EventTime.ToNanosClamped(asOf) - Math.Min(_plan.Recent.ToInt64Nanoseconds(), EventTime.MaxSpan.ToInt64Nanoseconds());
        var keep = new bool[all.Length];
        var firstOf = new Dictionary<(AccountId, string?), int>();         // the account's (null user) and each user's first event
        var extremes = new Dictionary<(AccountId, string, string?), (int First, int Last)>();
        var days = new HashSet<(AccountId, string, string?, LocalDate)>();
        for (int i = 0; i < all.Length; i++)
        {
            BehaviorEvent e = all[i];
            Earliest(firstOf, (e.Account, null), all, i);
            if (e.UserId is not null)
            {
                Earliest(firstOf, (e.Account, e.UserId), all, i);
            }

            OldEventNeed need = _plan.NeedOf(e.Name);
            if (EventTime.ToNanos(e.OccurredAt) >= horizon || need.HasFlag(OldEventNeed.All))
            {
                keep[i] = true;
                continue;
            }

            if (need == OldEventNeed.None)
            {
                continue;
            }

            var key = (e.Account, e.Name, e.UserId);
            extremes[key] = extremes.TryGetValue(key, out (int First, int Last) seen)
                ? (Order(all[i], all[seen.First]) < 0 ? i : seen.First, Order(all[i], all[seen.Last]) > 0 ? i : seen.Last)
                : (i, i);
            if (need.HasFlag(OldEventNeed.Days) && days.Add((e.Account, e.Name, e.UserId, e.OccurredAt.InZone(_zone).Date)))
            {
                keep[i] = true; // the first of the day in arrival order: any one of the day serves
            }
        }

        foreach (int first in firstOf.Values)
        {
            keep[first] = true;
        }

        foreach ((int first, int last) in extremes.Values)
        {
            keep[first] = keep[last] = true;
        }

        var totals = new SortedDictionary<(string Account, string Name, string User), EventTally>(TallyOrder.Instance);
        foreach (EventTally tally in tallies)
        {
            if (_plan.NeedOf(tally.Name).HasFlag(OldEventNeed.Totals))
            {
                Add(totals, tally);
            }
        }

        var kept = new List<BehaviorEvent>(all.Length);
        for (int i = 0; i < all.Length; i++)
        {
            if (keep[i])
            {
                kept.Add(all[i]);
            }
            else if (_plan.NeedOf(all[i].Name).HasFlag(OldEventNeed.Totals))
            {
                Add(totals, new EventTally(all[i].Account, all[i].Name, all[i].UserId, 1, all[i].Value));
            }
        }

        return new CompactedEvents(kept, [.. totals.Values], all.Length - kept.Count);
    }

    // Events that share an id are one event, as the store keeps them: the smaller by the store's total order.
    private static BehaviorEvent[] Distinct(IEnumerable<BehaviorEvent> events)
    {
        var list = new List<BehaviorEvent>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        int position = 0;
        foreach (BehaviorEvent e in events)
        {
            if (e.Account.Value is null)
            {
                throw new ArgumentException($"Event {position} is default(BehaviorEvent): it has no account.", nameof(events));
            }

            if (EventValues.Problem(e.Value) is { } problem)
            {
                throw new ArgumentException($"Event {position} ({e.Name} of account '{e.Account}'): {problem}.", nameof(events));
            }

            position++;
            if (e.Id is null)
            {
                list.Add(e);
            }
            else if (byId.TryGetValue(e.Id, out int kept))
            {
                list[kept] = StoreOrder(e, list[kept]) < 0 ? e : list[kept];
            }
            else
            {
                byId.Add(e.Id, list.Count);
                list.Add(e);
            }
        }

        return [.. list];
    }

    private static void Earliest(Dictionary<(AccountId, string?), int> firstOf, (AccountId, string?) key, BehaviorEvent[] all, int i)
    {
        if (!firstOf.TryGetValue(key, out int seen) || all[i].OccurredAt < all[seen].OccurredAt)
        {
            firstOf[key] = i;
        }
    }

    // Within one account, name and user, the order the store sorts a series in: instant, then value.
    private static int Order(in BehaviorEvent a, in BehaviorEvent b)
    {
        int byTime = a.OccurredAt.CompareTo(b.OccurredAt);
        return byTime != 0 ? byTime : a.Value.CompareTo(b.Value);
    }

    private static int StoreOrder(in BehaviorEvent a, in BehaviorEvent b)
    {
        int c = string.CompareOrdinal(a.Account.Value, b.Account.Value);
        c = c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        c = c != 0 ? c : Order(a, b);
        return c != 0 ? c : string.CompareOrdinal(a.UserId, b.UserId);
    }

    private static void Add(SortedDictionary<(string, string, string), EventTally> totals, EventTally tally)
    {
        var key = (tally.Account.Value, tally.Name, tally.UserId ?? string.Empty);
        totals[key] = totals.TryGetValue(key, out EventTally before)
            ? before with { Count = checked(before.Count + tally.Count), Sum = before.Sum + tally.Sum }
            : tally;
    }

    private sealed class TallyOrder : IComparer<(string Account, string Name, string User)>
    {
        public static readonly TallyOrder Instance = new();

        public int Compare((string Account, string Name, string User) x, (string Account, string Name, string User) y)
        {
            int c = string.CompareOrdinal(x.Account, y.Account);
            c = c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
            return c != 0 ? c : string.CompareOrdinal(x.User, y.User);
        }
    }
}
