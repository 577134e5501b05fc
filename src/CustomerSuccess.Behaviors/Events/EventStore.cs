using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// The events of many accounts, kept per account and event name with sorted instants and running sums, so that a
/// windowed count or sum is two binary searches and a subtraction. Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// Built once from events in any order (<see cref="Create(IEnumerable{BehaviorEvent})"/>, <see cref="CreateAsync"/> or a
/// <see cref="Builder"/>); the same events in any order build the same store. Events that carry the same
/// <see cref="BehaviorEvent.Id"/> are kept once. Evaluate predicates over it with a <see cref="BehaviorEvaluator"/>.
/// </remarks>
public sealed partial class EventStore
{
    private readonly Dictionary<AccountId, int> _accountIndex;
    private readonly Dictionary<string, int> _nameIndex;

    internal EventStore(AccountId[] accounts, string[] names, string[] users, int[] accountSeries, int[] accountSeriesNames, int[] accountSeriesIds, int[] seriesStart,
        long[] times, long[] runningSums, int[] userOf, int[] accountUsers, int[] userIds, long[] userFirstSeen, long[] accountFirstSeen)
    {
        AccountIds = accounts;
        NameList = names;
        UserList = users;
        AccountSeries = accountSeries;
        AccountSeriesNames = accountSeriesNames;
        AccountSeriesIds = accountSeriesIds;
        SeriesStart = seriesStart;
        Times = times;
        RunningSums = runningSums;
        UserOf = userOf;
        AccountUsers = accountUsers;
        UserIds = userIds;
        UserFirstSeen = userFirstSeen;
        AccountFirstSeen = accountFirstSeen;
        _accountIndex = new Dictionary<AccountId, int>(accounts.Length);
        for (int i = 0; i < accounts.Length; i++)
        {
            _accountIndex.Add(accounts[i], i);
        }

        _nameIndex = Index(names);
    }

    /// <summary>Gets an empty store.</summary>
    public static EventStore Empty { get; } = new Builder().Build();

    /// <summary>Gets the number of events kept (after duplicates by id were dropped).</summary>
    public int Count => SeriesStart[^1];

    /// <summary>Gets the accounts that have events, in ordinal order of their ids.</summary>
    public IReadOnlyList<AccountId> Accounts => ReadOnlyViews.Wrap(AccountIds);

    /// <summary>Gets the event names seen, in ordinal order.</summary>
    public IReadOnlyList<string> Names => ReadOnlyViews.Wrap(NameList);

    // Columns, sorted by (event name, account, instant, value, user): the layout every evaluation reads. Name first, so
    // that evaluating accounts in order walks each event name's region from start to end, which the processor's
    // prefetcher follows; account first made the rule loop wait on memory (docs/benchmarks.md).
    internal AccountId[] AccountIds { get; }

    internal string[] NameList { get; }

    internal string[] UserList { get; }

    /// <summary>The series of account a are entries AccountSeries[a] to AccountSeries[a + 1] of the two arrays below, by name index.</summary>
    internal int[] AccountSeries { get; }

    /// <summary>The event name index of an account's series entry.</summary>
    internal int[] AccountSeriesNames { get; }

    /// <summary>The series id of an account's series entry.</summary>
    internal int[] AccountSeriesIds { get; }

    /// <summary>Events of series s: SeriesStart[s] to SeriesStart[s + 1].</summary>
    internal int[] SeriesStart { get; }

    /// <summary>Instants, in nanoseconds since the Unix epoch.</summary>
    internal long[] Times { get; }

    /// <summary>
    /// Sum of the values (in <see cref="EventValues"/> units, exact ten-thousandths) from the start of the event's series up
    /// to and including the event. An event's own value is the step from the sum before it (<see cref="Value"/>).
    /// </summary>
    internal long[] RunningSums { get; }

    /// <summary>The user index of each event, or -1.</summary>
    internal int[] UserOf { get; }

    /// <summary>Users of account a: AccountUsers[a] to AccountUsers[a + 1], ordered by first event, then user index.</summary>
    internal int[] AccountUsers { get; }

    internal int[] UserIds { get; }

    internal long[] UserFirstSeen { get; }

    internal long[] AccountFirstSeen { get; }

    // Events compacted away (EventTally), keyed by the start of their series (and the user); see CarriedIn. Null when there
    // are none.
    internal Dictionary<int, Carried>? CarriedBySeries { get; private init; }

    internal Dictionary<(int SeriesStart, int User), Carried>? CarriedByUser { get; private init; }

    /// <summary>Creates a store from events in any order.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">An event is <c>default(BehaviorEvent)</c>; the message gives its position.</exception>
    public static EventStore Create(IEnumerable<BehaviorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new Builder().AddRange(events).Build();
    }

    /// <summary>
    /// Creates a store from the events an account grain kept and the tallies of those it compacted away
    /// (<see cref="EventCompactor"/>): counts and sums over windows that reach back before a series' first kept event
    /// include its tallies.
    /// </summary>
    /// <param name="events">The events kept.</param>
    /// <param name="compacted">The tallies; each needs a kept event of its account and name (and its user, when it has one).</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">An event is <c>default(BehaviorEvent)</c>, or a tally is invalid or has no kept event of its series; the message says which.</exception>
    public static EventStore Create(IEnumerable<BehaviorEvent> events, IEnumerable<EventTally> compacted)
    {
        ArgumentNullException.ThrowIfNull(compacted);
        EventStore store = Create(events);
        var bySeries = new Dictionary<int, Carried>();
        var byUser = new Dictionary<(int, int), Carried>();
        Dictionary<string, int>? userIndex = null;
        foreach (EventTally tally in compacted)
        {
            EventTally current = tally;
            string Where() => string.Create(CultureInfo.InvariantCulture, $"The tally of {current.Count} compacted '{current.Name}' events of account '{current.Account}'{(current.UserId is null ? string.Empty : $" by user '{current.UserId}'")}");
            if (tally.Problem() is { } problem)
            {
                throw new ArgumentException($"{Where()} is invalid: {problem}.", nameof(compacted));
            }

            (int start, int end) = store.Series(store.AccountOf(tally.Account), store.NameOf(tally.Name));
            userIndex ??= Index(store.UserList);
            int user = tally.UserId is null ? -1 : userIndex.TryGetValue(tally.UserId, out int u) ? u : -2;
            if (end <= start || user == -2)
            {
                throw new ArgumentException($"{Where()} has no kept event of its series: keep at least the last event compacted before it.", nameof(compacted));
            }

            var carried = new Carried(tally.Count, EventValues.ToUnits(tally.Sum));
            try
            {
                bySeries[start] = bySeries.TryGetValue(start, out Carried before) ? before.Plus(carried) : carried;
                byUser[(start, user)] = byUser.TryGetValue((start, user), out Carried mine) ? mine.Plus(carried) : carried;
            }
            catch (OverflowException)
            {
                throw new ArgumentException($"{Where()} adds up to more than a running sum holds exactly.", nameof(compacted));
            }
        }

        return bySeries.Count == 0 ? store : new EventStore(store) { CarriedBySeries = bySeries, CarriedByUser = byUser };
    }

    /// <summary>Creates a store from an asynchronous stream of events in any order.</summary>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">An event is <c>default(BehaviorEvent)</c>; the message gives its position.</exception>
    public static async ValueTask<EventStore> CreateAsync(IAsyncEnumerable<BehaviorEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new Builder();
        await builder.AddRangeAsync(events, cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }

    // The same columns, for a store that adds tallies to them.
    private EventStore(EventStore columns)
        : this(columns.AccountIds, columns.NameList, columns.UserList, columns.AccountSeries, columns.AccountSeriesNames, columns.AccountSeriesIds, columns.SeriesStart,
            columns.Times, columns.RunningSums, columns.UserOf, columns.AccountUsers, columns.UserIds, columns.UserFirstSeen, columns.AccountFirstSeen)
    {
    }

    /// <summary>Returns whether an account has events.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when it has at least one event.</returns>
    public bool Contains(AccountId account) => _accountIndex.ContainsKey(account);

    /// <summary>Returns an account's events, by event name (ordinal) and then instant.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The events; none for an account without events.</returns>
    public IEnumerable<BehaviorEvent> EventsOf(AccountId account)
    {
        int a = AccountOf(account);
        if (a < 0)
        {
            yield break;
        }

        for (int k = AccountSeries[a]; k < AccountSeries[a + 1]; k++)
        {
            string name = NameList[AccountSeriesNames[k]];
            int s = AccountSeriesIds[k];
            for (int e = SeriesStart[s]; e < SeriesStart[s + 1]; e++)
            {
                int user = UserOf[e];
                yield return new BehaviorEvent(account, name, EventTime.ToInstant(Times[e]), EventValues.ToNormalisedDecimal(Value(SeriesStart[s], e)), user < 0 ? null : UserList[user]);
            }
        }
    }

    /// <summary>The value of event <paramref name="e"/> of the series that starts at <paramref name="seriesStart"/>, in units.</summary>
    /// <remarks>Exact: the sums were added with overflow checks and a value fits a long, so their difference is the value.</remarks>
    internal long Value(int seriesStart, int e) => e == seriesStart ? RunningSums[e] : unchecked(RunningSums[e] - RunningSums[e - 1]);

    /// <summary>
    /// The events compacted away that a span [from, to) of the series starting at <paramref name="seriesStart"/> holds (of one
    /// user, or all when <paramref name="user"/> is -1). They lie between the series' first kept event and the compaction's
    /// horizon, where only spans that read all history reach (EventCompactor keeps every event of names read otherwise): a
    /// span that holds the first kept event holds them all.
    /// </summary>
    internal Carried CarriedIn(int seriesStart, int from, int to, int user)
    {
        if (CarriedBySeries is null || from != seriesStart || to <= seriesStart)
        {
            return default;
        }

        if (user < 0)
        {
            return CarriedBySeries is { } bySeries && bySeries.TryGetValue(seriesStart, out Carried all) ? all : default;
        }

        return CarriedByUser is { } byUser && byUser.TryGetValue((seriesStart, user), out Carried mine) ? mine : default;
    }

    internal int AccountOf(AccountId account) => _accountIndex.TryGetValue(account, out int index) ? index : -1;

    internal int NameOf(string name) => _nameIndex.TryGetValue(name, out int index) ? index : -1;

    /// <summary>Finds the series of one account and event name; an empty range when there is none.</summary>
    internal (int Start, int End) Series(int account, int name)
    {
        if (account < 0 || name < 0)
        {
            return (0, 0);
        }

        int lo = AccountSeries[account];
        int hi = AccountSeries[account + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int found = AccountSeriesNames[mid];
            if (found == name)
            {
                int series = AccountSeriesIds[mid];
                return (SeriesStart[series], SeriesStart[series + 1]);
            }

            if (found < name)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (0, 0);
    }

    /// <summary>
    /// The first index in [start, end) whose instant is after <paramref name="nanos"/>: a binary search whose loop runs a
    /// fixed number of times for a length and whose step is a conditional move, not a branch. Measured: the rule loop was
    /// bound by mispredicted branches of an ordinary bisection (the same search repeated cost a tenth of the first).
    /// </summary>
    internal int UpperBound(int start, int end, long nanos)
    {
        int length = end - start;
        if (length <= 0)
        {
            return start;
        }

        long[] times = Times;
        int at = start;
        while (length > 1)
        {
            int half = length >>> 1;
            at = times[at + half] <= nanos ? at + half : at;
            length -= half;
        }

        return times[at] <= nanos ? at + 1 : at;
    }

    /// <summary>The exact sum of the values at [from, to) of a series that starts at <paramref name="seriesStart"/>.</summary>
    internal decimal Sum(int seriesStart, int from, int to)
    {
        if (to <= from)
        {
            return 0m;
        }

        long upper = RunningSums[to - 1];
        if (from == seriesStart)
        {
            return EventValues.ToDecimal(upper);
        }

        // With negative values a window's sum can exceed what one running sum holds; then subtract in decimal.
        long lower = RunningSums[from - 1];
        long difference = unchecked(upper - lower);
        return ((upper ^ lower) & (upper ^ difference)) < 0
            ? EventValues.ToDecimal(upper) - EventValues.ToDecimal(lower)
            : EventValues.ToDecimal(difference);
    }

    private static Dictionary<string, int> Index(string[] values)
    {
        var index = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            index.Add(values[i], i);
        }

        return index;
    }

    /// <summary>A count of compacted events and the sum of their values in units.</summary>
    internal readonly record struct Carried(long Count, long Units)
    {
        internal Carried Plus(Carried other) => new(checked(Count + other.Count), checked(Units + other.Units));
    }
}
