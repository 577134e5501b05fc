using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Behaviors;

public sealed partial class EventStore
{
    /// <summary>
    /// Collects events in any order and builds an <see cref="EventStore"/>. Builds once. Not thread-safe.
    /// </summary>
    [SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Build frees the columns; their finalizer frees those of a builder dropped unbuilt. A disposable builder would make every new Builder().AddRange(events).Build() a warning.")]
    public sealed class Builder
    {
        private readonly Dictionary<AccountId, int> _accounts = [];
        private readonly List<AccountId> _accountIds = [];
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private readonly List<string> _nameList = [];
        private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
        private readonly List<string> _userList = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly RecentStrings _recentNames = new();
        private readonly RecentStrings _recentUsers = new();
        private string? _lastAccount;
        private int _lastAccountIndex;
        // In native memory, freed as the store is built (NativeColumn explains why).
        private NativeColumn<int> _account = new(1024);
        private NativeColumn<int> _name = new(1024);
        private NativeColumn<long> _time = new(1024);
        private NativeColumn<long> _value = new(1024); // in EventValues units
        private NativeColumn<int> _user = new(1024);
        private int _count;
        private long _seen;
        private bool _built;

        /// <summary>Gets the number of events added so far, duplicates by id counted once.</summary>
        public int Count => _count;

        /// <summary>Adds an event.</summary>
        /// <param name="behaviorEvent">The event.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">The event is <c>default(BehaviorEvent)</c>; the message gives its position in the input.</exception>
        /// <exception cref="InvalidOperationException">The store has been built.</exception>
        public Builder Add(in BehaviorEvent behaviorEvent)
        {
            if (_built)
            {
                throw new InvalidOperationException("This builder has built its store; start a new builder for another store.");
            }

            if (behaviorEvent.Name is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Event {_seen + 1} is default(BehaviorEvent); create events with the BehaviorEvent constructor."), nameof(behaviorEvent));
            }

            _seen++;
            // Readers hand over the same string again for a repeated account, name or user: found by reference, a string
            // is not hashed again (three dictionary lookups an event were a fifth of reading 20 M events).
            if (!ReferenceEquals(behaviorEvent.Account.Value, _lastAccount))
            {
                _lastAccountIndex = Intern(_accounts, _accountIds, behaviorEvent.Account);
                _lastAccount = behaviorEvent.Account.Value;
            }

            int account = _lastAccountIndex;
            int name = _recentNames.Find(behaviorEvent.Name) is int known ? known : _recentNames.Remember(behaviorEvent.Name, Intern(_names, _nameList, behaviorEvent.Name));
            int user = behaviorEvent.UserId is not { } userId ? -1
                : _recentUsers.Find(userId) is int seen ? seen : _recentUsers.Remember(userId, Intern(_users, _userList, userId));
            long time = EventTime.ToNanos(behaviorEvent.OccurredAt);
            if (behaviorEvent.Id is not null && _ids.TryGetValue(behaviorEvent.Id, out int kept))
            {
                // Keep the smaller of the two by a total order, so the store does not depend on the order of arrival.
                if (Compare(account, name, time, EventValues.ToUnits(behaviorEvent.Value), user, kept) < 0)
                {
                    Set(kept, account, name, time, EventValues.ToUnits(behaviorEvent.Value), user);
                }

                return this;
            }

            if (_count == _time.Capacity)
            {
                Grow((int)Math.Min(2L * _count, Array.MaxLength));
            }

            Set(_count, account, name, time, EventValues.ToUnits(behaviorEvent.Value), user);
            if (behaviorEvent.Id is not null)
            {
                _ids.Add(behaviorEvent.Id, _count);
            }

            _count++;
            return this;
        }

        /// <summary>Adds events.</summary>
        /// <param name="events">The events.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">An event is <c>default(BehaviorEvent)</c>; those before it are added.</exception>
        public Builder AddRange(IEnumerable<BehaviorEvent> events)
        {
            ArgumentNullException.ThrowIfNull(events);
            foreach (BehaviorEvent e in events)
            {
                Add(in e);
            }

            return this;
        }

        /// <summary>Adds events from an asynchronous stream.</summary>
        /// <param name="events">The events.</param>
        /// <param name="cancellationToken">Stops reading.</param>
        /// <returns>A task that completes when the stream ends.</returns>
        public async ValueTask AddRangeAsync(IAsyncEnumerable<BehaviorEvent> events, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(events);
            await foreach (BehaviorEvent e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Add(in e);
            }
        }

        /// <summary>Makes room for <paramref name="events"/> events in all.</summary>
        /// <param name="events">The expected number of events.</param>
        /// <returns>This builder.</returns>
        public Builder EnsureCapacity(int events)
        {
            if (events > _time.Capacity)
            {
                Grow(events);
            }

            return this;
        }

        /// <summary>Builds the store. A builder builds once.</summary>
        /// <returns>The store.</returns>
        /// <exception cref="InvalidOperationException">The store has already been built.</exception>
        /// <remarks>
        /// The builder keeps 28 bytes an event; building moves its columns one at a time into the store's, each freed once
        /// moved, so building holds at most 32 bytes an event (when there are more (name, account) pairs than events, 40),
        /// and the store keeps 20.
        /// </remarks>
        public EventStore Build()
        {
            if (_built)
            {
                throw new InvalidOperationException("This builder has already built its store.");
            }

            _built = true;
            int n = _count;

            // Ranks make the layout independent of arrival order: accounts, names and users in ordinal order.
            // Only what a kept event uses counts: a duplicate dropped by id leaves no trace.
            int[] accountRank = Ranks(_accountIds.Select(a => a.Value).ToList(), _account.Span[..n], out int[] accountOrder);
            int[] nameRank = Ranks(_nameList, _name.Span[..n], out int[] nameOrder);
            Span<int> userOf = _user.Span[..n];
            int[] userRank = Ranks(_userList, userOf, out int[] userOrder);
            int accountCount = accountOrder.Length;

            for (int e = 0; e < n; e++)
            {
                userOf[e] = userOf[e] < 0 ? -1 : userRank[userOf[e]];
            }

            // Sorted by (name, account), arrival order kept within (a series usually arrives in time order): a stable
            // counting sort by the pair, or when there are more pairs than events, by account and then by name. The
            // series come out in (name, account) order; each account's entries then list its series by name.
            (List<int> seriesStart, List<int> seriesName, List<int> seriesAccount, long[] times, long[] runningSums, int[] users) =
                SortByNameAndAccount(nameRank, nameOrder.Length, accountRank, accountCount, n);

            // Each series is put in (instant, value, user) order, then its values become running sums in place.
            for (int series = 0; series < seriesStart.Count; series++)
            {
                int start = seriesStart[series], end = series + 1 < seriesStart.Count ? seriesStart[series + 1] : n;
                SortSeries(times, runningSums, users, start, end);
                long sum = 0;
                for (int e = start; e < end; e++)
                {
                    try
                    {
                        sum = checked(sum + runningSums[e]);
                    }
                    catch (OverflowException)
                    {
                        throw new ArgumentException(string.Create(
                            CultureInfo.InvariantCulture,
                            $"The values of event '{_nameList[nameOrder[seriesName[series]]]}' of account '{_accountIds[accountOrder[seriesAccount[series]]]}' add up to more than {long.MaxValue / EventValues.Scale:N0}, the most a sum holds exactly."));
                    }

                    runningSums[e] = sum;
                }
            }

            seriesStart.Add(n);

            var accountSeries = new int[accountCount + 1];
            foreach (int account in seriesAccount)
            {
                accountSeries[account + 1]++;
            }

            for (int a = 0; a < accountCount; a++)
            {
                accountSeries[a + 1] += accountSeries[a];
            }

            var accountSeriesNames = new int[seriesAccount.Count];
            var accountSeriesIds = new int[seriesAccount.Count];
            int[] next = accountSeries[..accountCount];
            for (int series = 0; series < seriesAccount.Count; series++)
            {
                int slot = next[seriesAccount[series]]++;
                accountSeriesNames[slot] = seriesName[series];
                accountSeriesIds[slot] = series;
            }

            string[] userNames = userOrder.Select(u => _userList[u]).ToArray();
            (int[] accountUsers, int[] userIds, long[] userFirst, long[] accountFirst) = FirstSeen(accountCount, accountSeries, accountSeriesIds, seriesStart, times, users, userNames.Length);
            return new EventStore(
                accountOrder.Select(a => _accountIds[a]).ToArray(),
                nameOrder.Select(i => _nameList[i]).ToArray(),
                userNames,
                accountSeries,
                accountSeriesNames,
                accountSeriesIds,
                seriesStart.ToArray(),
                times,
                runningSums,
                users,
                accountUsers,
                userIds,
                userFirst,
                accountFirst);
        }

        // Puts the columns in (name rank, account rank) order, stably, into the store's managed columns, and returns the
        // series: where each starts, its name rank and its account rank. Each event's destination is written over its name
        // and the accounts are freed; then the instants, the values and the users are moved one column at a time, each
        // freed once moved, so the peak is the builder's 24 remaining bytes an event and one new 8-byte column. Each column
        // is moved in one pass that reads in order and writes in as many streams as there are keys; swapping in place
        // instead chased one cache miss after another (6 s of 20 s over 20 M events). The sorted names and accounts are
        // not needed, since the counts give each series. With more pairs than events to count, the columns are sorted by
        // account and then by name into new columns.
        private (List<int> Start, List<int> Name, List<int> Account, long[] Times, long[] Values, int[] Users) SortByNameAndAccount(
            int[] nameRank, int nameCount, int[] accountRank, int accountCount, int n)
        {
            long pairs = (long)nameCount * accountCount;
            if (pairs > n)
            {
                var byKey = new int[n];
                Scatter(Destinations(_account.Span[..n], accountRank, accountCount, byKey), n);
                Scatter(Destinations(_name.Span[..n], nameRank, nameCount, byKey), n);
                (List<int> Start, List<int> Name, List<int> Account) series = SeriesOf(nameRank, accountRank, n);
                byKey = [];
                _account.Dispose();
                _name.Dispose();
                return (series.Start, series.Name, series.Account, Moved(_time, n, default), Moved(_value, n, default), Moved(_user, n, default));
            }

            var next = new int[pairs + 1];
            Span<int> names = _name.Span[..n];
            Span<int> accounts = _account.Span[..n];
            for (int i = 0; i < n; i++)
            {
                next[(nameRank[names[i]] * accountCount) + accountRank[accounts[i]] + 1]++;
            }

            int seriesCount = 0;
            for (int k = 1; k <= pairs; k++)
            {
                seriesCount += next[k] > 0 ? 1 : 0;
            }

            var start = new List<int>(seriesCount + 1);
            var name = new List<int>(seriesCount);
            var account = new List<int>(seriesCount);
            for (int k = 0; k < pairs; k++)
            {
                if (next[k + 1] > 0)
                {
                    start.Add(next[k]);
                    name.Add(k / accountCount);
                    account.Add(k % accountCount);
                }

                next[k + 1] += next[k];
            }

            Span<int> destination = names;
            for (int i = 0; i < n; i++)
            {
                destination[i] = next[(nameRank[names[i]] * accountCount) + accountRank[accounts[i]]]++;
            }

            next = [];
            _account.Dispose();
            long[] times = Moved(_time, n, destination);
            long[] values = Moved(_value, n, destination);
            int[] users = Moved(_user, n, destination);
            _name.Dispose();
            return (start, name, account, times, values, users);
        }

        // The series of columns already sorted by (name, account).
        private (List<int> Start, List<int> Name, List<int> Account) SeriesOf(int[] nameRank, int[] accountRank, int n)
        {
            var start = new List<int>();
            var name = new List<int>();
            var account = new List<int>();
            ReadOnlySpan<int> names = _name.Span[..n];
            ReadOnlySpan<int> accounts = _account.Span[..n];
            for (int i = 0; i < n; i++)
            {
                if (i == 0 || names[i] != names[i - 1] || accounts[i] != accounts[i - 1])
                {
                    start.Add(i);
                    name.Add(nameRank[names[i]]);
                    account.Add(accountRank[accounts[i]]);
                }
            }

            return (start, name, account);
        }

        // Where each entry goes in a stable counting sort by the rank of its key.
        private static int[] Destinations(ReadOnlySpan<int> keys, int[] rank, int ranks, int[] destination)
        {
            var next = new int[ranks + 1];
            foreach (int key in keys)
            {
                next[rank[key] + 1]++;
            }

            for (int r = 0; r < ranks; r++)
            {
                next[r + 1] += next[r];
            }

            for (int i = 0; i < keys.Length; i++)
            {
                destination[i] = next[rank[keys[i]]]++;
            }

            return destination;
        }

        private void Scatter(int[] destination, int n)
        {
            _account = Scattered(_account, destination, n);
            _name = Scattered(_name, destination, n);
            _user = Scattered(_user, destination, n);
            _time = Scattered(_time, destination, n);
            _value = Scattered(_value, destination, n);
        }

        private static NativeColumn<T> Scattered<T>(NativeColumn<T> column, ReadOnlySpan<int> destination, int n)
            where T : unmanaged
        {
            var into = new NativeColumn<T>(n);
            Scatter(column.Span[..n], destination, into.Span);
            column.Dispose();
            return into;
        }

        // The first n values of a column in a new managed array, each at its destination (in order when there is none),
        // and the column freed.
        private static T[] Moved<T>(NativeColumn<T> column, int n, ReadOnlySpan<int> destination)
            where T : unmanaged
        {
            T[] into = GC.AllocateUninitializedArray<T>(n);
            if (destination.IsEmpty)
            {
                column.Span[..n].CopyTo(into);
            }
            else
            {
                Scatter(column.Span[..n], destination, into);
            }

            column.Dispose();
            return into;
        }

        private static void Scatter<T>(ReadOnlySpan<T> column, ReadOnlySpan<int> destination, Span<T> into)
        {
            for (int i = 0; i < column.Length; i++)
            {
                into[destination[i]] = column[i];
            }
        }

        private static (int[] AccountUsers, int[] UserIds, long[] UserFirst, long[] AccountFirst) FirstSeen(
            int accounts, int[] accountSeries, int[] accountSeriesIds, List<int> seriesStart, long[] times, int[] users, int userCount)
        {
            var accountUsers = new int[accounts + 1];
            var userIds = new List<int>();
            var userFirst = new List<long>();
            var accountFirst = new long[accounts];
            var first = new long[userCount];
            Array.Fill(first, long.MaxValue);
            var touched = new List<int>();
            for (int a = 0; a < accounts; a++)
            {
                accountUsers[a] = userIds.Count;
                long earliest = long.MaxValue;
                for (int k = accountSeries[a]; k < accountSeries[a + 1]; k++)
                {
                    int s = accountSeriesIds[k];
                    earliest = Math.Min(earliest, times[seriesStart[s]]);
                    for (int e = seriesStart[s]; e < seriesStart[s + 1]; e++)
                    {
                        int u = users[e];
                        if (u >= 0 && times[e] < first[u])
                        {
                            if (first[u] == long.MaxValue)
                            {
                                touched.Add(u);
                            }

                            first[u] = times[e];
                        }
                    }
                }

                accountFirst[a] = earliest;
                touched.Sort((x, y) => first[x] != first[y] ? first[x].CompareTo(first[y]) : x.CompareTo(y));
                foreach (int u in touched)
                {
                    userIds.Add(u);
                    userFirst.Add(first[u]);
                    first[u] = long.MaxValue;
                }

                touched.Clear();
            }

            accountUsers[accounts] = userIds.Count;
            return (accountUsers, userIds.ToArray(), userFirst.ToArray(), accountFirst);
        }

        /// <summary>Sorts one series by (instant, value, user); a series usually arrives sorted and is only checked.</summary>
        private static void SortSeries(long[] times, long[] values, int[] users, int start, int end)
        {
            bool sorted = true;
            for (int i = start + 1; i < end && sorted; i++)
            {
                sorted = Before(times, values, users, i - 1, i) <= 0;
            }

            if (sorted)
            {
                return;
            }

            int[] perm = Enumerable.Range(start, end - start).ToArray();
            Array.Sort(perm, (x, y) => Before(times, values, users, x, y));
            long[] t = perm.Select(p => times[p]).ToArray();
            long[] v = perm.Select(p => values[p]).ToArray();
            int[] u = perm.Select(p => users[p]).ToArray();
            t.CopyTo(times, start);
            v.CopyTo(values, start);
            u.CopyTo(users, start);
        }

        private static int Before(long[] times, long[] values, int[] users, int x, int y)
        {
            int c = times[x].CompareTo(times[y]);
            if (c == 0)
            {
                c = values[x].CompareTo(values[y]);
            }

            return c != 0 ? c : users[x].CompareTo(users[y]);
        }

        private static int[] Ranks(List<string> items, ReadOnlySpan<int> uses, out int[] order)
        {
            var used = new bool[items.Count];
            foreach (int use in uses)
            {
                if (use >= 0)
                {
                    used[use] = true;
                }
            }

            order = Enumerable.Range(0, items.Count).Where(i => used[i]).OrderBy(i => items[i], StringComparer.Ordinal).ToArray();
            var rank = new int[items.Count];
            Array.Fill(rank, -1);
            for (int r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }

            return rank;
        }

        private static int Intern<TKey>(Dictionary<TKey, int> index, List<TKey> list, TKey key)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out int i))
            {
                i = list.Count;
                index.Add(key, i);
                list.Add(key);
            }

            return i;
        }

        private int Compare(int account, int name, long time, long value, int user, int kept)
        {
            int c = string.CompareOrdinal(_accountIds[account].Value, _accountIds[_account.Span[kept]].Value);
            if (c == 0)
            {
                c = string.CompareOrdinal(_nameList[name], _nameList[_name.Span[kept]]);
            }

            if (c == 0)
            {
                c = time.CompareTo(_time.Span[kept]);
            }

            if (c == 0)
            {
                c = value.CompareTo(_value.Span[kept]);
            }

            return c != 0 ? c : string.CompareOrdinal(user < 0 ? null : _userList[user], _user.Span[kept] < 0 ? null : _userList[_user.Span[kept]]);
        }

        private void Set(int at, int account, int name, long time, long value, int user)
        {
            _account.Span[at] = account;
            _name.Span[at] = name;
            _time.Span[at] = time;
            _value.Span[at] = value;
            _user.Span[at] = user;
        }

        /// <summary>The index of a few strings seen lately, found by reference: a cache in front of a dictionary.</summary>
        private sealed class RecentStrings
        {
            private readonly string?[] _strings = new string?[16];
            private readonly int[] _indexes = new int[16];

            public int? Find(string value)
            {
                int slot = RuntimeHelpers.GetHashCode(value) & 15;
                return ReferenceEquals(_strings[slot], value) ? _indexes[slot] : null;
            }

            public int Remember(string value, int index)
            {
                int slot = RuntimeHelpers.GetHashCode(value) & 15;
                _strings[slot] = value;
                _indexes[slot] = index;
                return index;
            }
        }

        private void Grow(int capacity)
        {
            _account.Resize(capacity);
            _name.Resize(capacity);
            _time.Resize(capacity);
            _value.Resize(capacity);
            _user.Resize(capacity);
        }
    }
}
