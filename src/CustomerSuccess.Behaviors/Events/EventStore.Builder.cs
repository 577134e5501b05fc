using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Behaviors;

public sealed partial class EventStore
{
    /// <summary>
    /// Collects events in any order and builds an <see cref="EventStore"/>. Builds once. Not thread-safe.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<AccountId, int> _accounts = [];
        private readonly List<AccountId> _accountIds = [];
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private readonly List<string> _nameList = [];
        private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
        private readonly List<string> _userList = [];
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private int[] _account = new int[1024];
        private int[] _name = new int[1024];
        private long[] _time = new long[1024];
        private long[] _value = new long[1024]; // in EventValues units
        private int[] _user = new int[1024];
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
            int account = Intern(_accounts, _accountIds, behaviorEvent.Account);
            int name = Intern(_names, _nameList, behaviorEvent.Name);
            int user = behaviorEvent.UserId is null ? -1 : Intern(_users, _userList, behaviorEvent.UserId);
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

            if (_count == _time.Length)
            {
                Grow(_count * 2);
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
            if (events > _time.Length)
            {
                Grow(events);
            }

            return this;
        }

        /// <summary>Builds the store. A builder builds once.</summary>
        /// <returns>The store.</returns>
        /// <exception cref="InvalidOperationException">The store has already been built.</exception>
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
            int[] accountRank = Ranks(_accountIds.Select(a => a.Value).ToList(), _account, n, out int[] accountOrder);
            int[] nameRank = Ranks(_nameList, _name, n, out int[] nameOrder);
            int[] userRank = Ranks(_userList, _user, n, out int[] userOrder);
            int accountCount = accountOrder.Length;

            var keys = new long[n];
            var order = new int[n];
            bool sorted = true;
            for (int i = 0; i < n; i++)
            {
                keys[i] = ((long)nameRank[_name[i]] * accountCount) + accountRank[_account[i]];
                order[i] = i;
                sorted &= i == 0 || keys[i] > keys[i - 1] || (keys[i] == keys[i - 1] && _time[i] >= _time[i - 1]);
            }

            if (!sorted)
            {
                Array.Sort(keys, order);
            }

            var times = new long[n];
            var values = new long[n];
            var users = new int[n];
            for (int i = 0; i < n; i++)
            {
                int from = order[i];
                times[i] = _time[from];
                values[i] = _value[from];
                users[i] = _user[from] < 0 ? -1 : userRank[_user[from]];
            }

            // Series in (name, account) order; each account's entries then list its series by name.
            var seriesStart = new List<int>();
            var seriesAccount = new List<int>();
            var seriesName = new List<int>();
            var runningSums = new long[n];
            for (int i = 0; i < n;)
            {
                long key = keys[i];
                int start = i;
                while (i < n && keys[i] == key)
                {
                    i++;
                }

                SortSeries(times, values, users, start, i);
                long sum = 0;
                for (int e = start; e < i; e++)
                {
                    try
                    {
                        sum = checked(sum + values[e]);
                    }
                    catch (OverflowException)
                    {
                        throw new ArgumentException(string.Create(
                            CultureInfo.InvariantCulture,
                            $"The values of event '{_nameList[nameOrder[(int)(key / accountCount)]]}' of account '{_accountIds[accountOrder[(int)(key % accountCount)]]}' add up to more than {long.MaxValue / EventValues.Scale:N0}, the most a sum holds exactly."));
                    }

                    runningSums[e] = sum;
                }

                seriesStart.Add(start);
                seriesName.Add((int)(key / accountCount));
                seriesAccount.Add((int)(key % accountCount));
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
                values,
                runningSums,
                users,
                accountUsers,
                userIds,
                userFirst,
                accountFirst);
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

        private static int[] Ranks(List<string> items, int[] uses, int count, out int[] order)
        {
            var used = new bool[items.Count];
            for (int i = 0; i < count; i++)
            {
                if (uses[i] >= 0)
                {
                    used[uses[i]] = true;
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
            int c = string.CompareOrdinal(_accountIds[account].Value, _accountIds[_account[kept]].Value);
            if (c == 0)
            {
                c = string.CompareOrdinal(_nameList[name], _nameList[_name[kept]]);
            }

            if (c == 0)
            {
                c = time.CompareTo(_time[kept]);
            }

            if (c == 0)
            {
                c = value.CompareTo(_value[kept]);
            }

            return c != 0 ? c : string.CompareOrdinal(user < 0 ? null : _userList[user], _user[kept] < 0 ? null : _userList[_user[kept]]);
        }

        private void Set(int at, int account, int name, long time, long value, int user)
        {
            _account[at] = account;
            _name[at] = name;
            _time[at] = time;
            _value[at] = value;
            _user[at] = user;
        }

        private void Grow(int capacity)
        {
            Array.Resize(ref _account, capacity);
            Array.Resize(ref _name, capacity);
            Array.Resize(ref _time, capacity);
            Array.Resize(ref _value, capacity);
            Array.Resize(ref _user, capacity);
        }
    }
}
