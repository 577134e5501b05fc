using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Revenue;

// The builder: events in any order in, each subscription's events ordered and checked, one book out.
public sealed partial class SubscriptionBook
{
    /// <summary>
    /// Collects subscription events in any order and checks them as a log when built. Builds once. Not thread-safe.
    /// </summary>
    public sealed class Builder
    {
        private readonly SubscriptionMrrOptions _options;
        // While ids arrive in ascending ordinal order (an export sorted by them), an id greater than the last one is new
        // without a lookup: the indexes are built only when an id first comes out of that order.
        private Dictionary<string, int>? _subscriptionIndex;
        private readonly List<string> _subscriptions = [];
        private readonly List<int> _accountOfSubscription = [];
        private Dictionary<AccountId, int>? _accountIndex;
        private readonly List<AccountId> _accounts = [];
        private readonly TermsTable _terms = new();

        // Per event, in the order added (17 bytes each): its subscription, instant, kind and terms (-1 for none).
        private int[] _subscriptionOf = new int[1024];
        private long[] _ticks = new long[1024];
        private byte[] _kinds = new byte[1024];
        private int[] _termsOf = new int[1024];

        // The account of an event that names another one than its subscription's (an error Build reports), by event.
        private readonly Dictionary<int, int> _otherAccount = [];
        private int _count;
        private int _lastSubscription = -1;
        private bool _inOrder = true; // each subscription's events came together and in time order: Build need not sort
        private bool _built;

        internal Builder(SubscriptionMrrOptions? options) => _options = (options ?? new SubscriptionMrrOptions()).Snapshot();

        /// <summary>Gets the number of events added.</summary>
        public int Count => _count;

        /// <summary>
        /// Makes room for at least <paramref name="events"/> events in all, so that adding them does not grow the builder's
        /// columns step by step (each step copies them).
        /// </summary>
        /// <param name="events">The number of events expected in all.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="events"/> is negative.</exception>
        /// <exception cref="InvalidOperationException">The book was built already.</exception>
        public Builder EnsureCapacity(int events)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(events);
            ThrowIfBuilt();
            if (events > _ticks.Length)
            {
                Resize(events);
            }

            _terms.EnsureCapacity(events); // at most one terms value an event; pages never written are never touched

            return this;
        }

        /// <summary>Adds an event; its position in the order of adding is how errors name it.</summary>
        /// <param name="subscriptionEvent">The event.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">The event is <c>default(SubscriptionEvent)</c>.</exception>
        /// <exception cref="InvalidOperationException">The book was built already.</exception>
        public Builder Add(in SubscriptionEvent subscriptionEvent)
        {
            ThrowIfBuilt();
            if (subscriptionEvent.Subscription is null)
            {
                throw new ArgumentException("default(SubscriptionEvent) is not an event; create events with SubscriptionEvent.Start, Change, ...", nameof(subscriptionEvent));
            }

            if (_count == _ticks.Length)
            {
                Resize(checked(_ticks.Length * 2));
            }

            long ticks = subscriptionEvent.EffectiveAt.ToUnixTimeTicks();

            // Exports usually list a subscription's events together: then it is the previous event's, found without a lookup.
            int subscription = _lastSubscription;
            if (subscription < 0 || !string.Equals(_subscriptions[subscription], subscriptionEvent.Subscription, StringComparison.Ordinal))
            {
                if (!TryFindSubscription(subscriptionEvent.Subscription, out subscription))
                {
                    subscription = _subscriptions.Count;
                    _subscriptionIndex?.Add(subscriptionEvent.Subscription, subscription);
                    _subscriptions.Add(subscriptionEvent.Subscription);
                    // An export lists an account's subscriptions together, too: try the previous subscription's account first.
                    int previous = _accountOfSubscription.Count > 0 ? _accountOfSubscription[^1] : -1;
                    _accountOfSubscription.Add(previous >= 0 && _accounts[previous] == subscriptionEvent.Account ? previous : AccountIndex(subscriptionEvent.Account));
                }
                else
                {
                    _inOrder = false; // the subscription's events are not together
                }

                _lastSubscription = subscription;
            }
            else if (ticks < _ticks[_count - 1])
            {
                _inOrder = false;
            }

            // The account is looked up once per subscription; an event naming another one keeps its own, for Build to report.
            if (_accounts[_accountOfSubscription[subscription]] != subscriptionEvent.Account)
            {
                _otherAccount[_count] = AccountIndex(subscriptionEvent.Account);
            }

            _subscriptionOf[_count] = subscription;
            _ticks[_count] = ticks;
            _kinds[_count] = (byte)subscriptionEvent.Kind;
            _termsOf[_count] = subscriptionEvent.HasTerms ? _terms.Add(subscriptionEvent.Terms) : -1;
            _count++;
            return this;
        }

        /// <summary>Orders each subscription's events by time and checks them as a log.</summary>
        /// <returns>The book.</returns>
        /// <exception cref="SubscriptionEventException">
        /// The first offending event in the order of adding: a change, pause, resume or cancel before the subscription's start
        /// or trial, or after its cancel; a pause of a paused subscription; a resume without a pause; two events of one
        /// subscription at one instant; a subscription that moves to another account or currency.
        /// </exception>
        public SubscriptionBook Build()
        {
            ThrowIfBuilt();
            _built = true;
            int subscriptions = _subscriptions.Count;

            // Each subscription's first event in the sorted order, by counting.
            int[] start = new int[subscriptions + 1];
            for (int i = 0; i < _count; i++)
            {
                start[_subscriptionOf[i] + 1]++;
            }

            for (int s = 0; s < subscriptions; s++)
            {
                start[s + 1] += start[s];
            }

            // Events that came subscription by subscription in time order are sorted already: the book takes the columns
            // as they are. Otherwise a counting sort by subscription keeps each one's events in the order added, and each
            // is then sorted by time.
            int[]? order = null;
            long[] ticks = _ticks;
            if (!_inOrder)
            {
                order = GC.AllocateUninitializedArray<int>(_count);
                int[] next = (int[])start.Clone();
                for (int i = 0; i < _count; i++)
                {
                    order[next[_subscriptionOf[i]]++] = i;
                }

                ticks = GC.AllocateUninitializedArray<long>(_count);
            }

            // In order, an event's terms and kind are read only by its own step of the walk, before it writes the event's
            // contributing terms and status: those can take the columns' place instead of new ones.
            int[] contributing = order is null ? _termsOf : GC.AllocateUninitializedArray<int>(_count);
            byte[] status = order is null ? _kinds : GC.AllocateUninitializedArray<byte>(_count);
            SubscriptionEventException? first = null;
            for (int s = 0; s < subscriptions; s++)
            {
                if (order is not null)
                {
                    SortByTime(order, start[s], start[s + 1]);
                    for (int e = start[s]; e < start[s + 1]; e++)
                    {
                        ticks[e] = _ticks[order[e]];
                    }
                }

                SubscriptionEventException? problem = Walk(order, start[s], start[s + 1], contributing, status);
                if (problem is not null && (first is null || problem.Index < first.Index))
                {
                    first = problem;
                }
            }

            if (first is not null)
            {
                throw first;
            }

            return new SubscriptionBook(_options, [.. _accounts], [.. _subscriptions], [.. _accountOfSubscription], start, ticks, contributing, status, _terms);
        }

        private void SortByTime(int[] order, int from, int to)
        {
            // Insertion sort: a subscription has a handful of events, usually added in time order already.
            for (int i = from + 1; i < to; i++)
            {
                int item = order[i];
                long key = _ticks[item];
                int j = i - 1;
                while (j >= from && (_ticks[order[j]] > key || (_ticks[order[j]] == key && order[j] > item)))
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = item;
            }
        }

        // Applies one subscription's events in time order; the first one that cannot apply is the problem.
        private SubscriptionEventException? Walk(int[]? order, int from, int to, int[] contributing, byte[] statusAfter)
        {
            const int NotOpen = StatusNotOpen, Active = StatusActive, Trial = StatusTrial, Paused = StatusPaused, Cancelled = StatusCancelled;
            int status = NotOpen, terms = -1, pausedStatus = NotOpen, pausedTerms = -1;
            int account = AccountOf(order is null ? from : order[from]);
            Currency currency = default;
            for (int e = from; e < to; e++)
            {
                int i = order is null ? e : order[e];
                var kind = (SubscriptionEventKind)_kinds[i];
                string? problem = null, field = "event";
                if (e > from && _ticks[order is null ? e - 1 : order[e - 1]] == _ticks[i])
                {
                    (problem, field) = ($"it is at the same instant as another event of the subscription ({At(i)}); one subscription's events need distinct instants.", "effective_at");
                }
                else if (AccountOf(i) != account)
                {
                    (problem, field) = ($"the subscription belongs to account '{_accounts[account]}', not '{_accounts[AccountOf(i)]}'; a subscription cannot move to another account.", "account_id");
                }
                else if (_termsOf[i] >= 0 && !currency.IsDefault && _terms.Currency(_termsOf[i]) != currency)
                {
                    (problem, field) = ($"the subscription is billed in {currency}, not {_terms.Currency(_termsOf[i])}; a subscription cannot move to another currency.", "currency");
                }
                else
                {
                    switch (kind)
                    {
                        case SubscriptionEventKind.Start:
                            (status, terms) = (Active, _termsOf[i]);
                            break;
                        case SubscriptionEventKind.Trial:
                            (status, terms) = (Trial, _termsOf[i]);
                            break;
                        case SubscriptionEventKind.Change when status is NotOpen or Cancelled:
                        case SubscriptionEventKind.Pause when status is NotOpen or Cancelled:
                        case SubscriptionEventKind.Cancel when status is NotOpen or Cancelled:
                            problem = status == NotOpen
                                ? $"a {Name(kind)} before the subscription's start ({At(i)}); the first event of a subscription is a start or a trial."
                                : $"a {Name(kind)} after the subscription's cancel ({At(i)}); a start reopens it.";
                            break;
                        case SubscriptionEventKind.Change:
                            (status, terms) = (Active, _termsOf[i]);
                            break;
                        case SubscriptionEventKind.Pause when status == Paused:
                            problem = $"a pause of a subscription already paused ({At(i)}).";
                            break;
                        case SubscriptionEventKind.Pause:
                            (pausedStatus, pausedTerms, status) = (status, terms, Paused);
                            break;
                        case SubscriptionEventKind.Resume when status != Paused:
                            problem = $"a resume without a pause ({At(i)}).";
                            break;
                        case SubscriptionEventKind.Resume:
                            (status, terms) = (pausedStatus, pausedTerms);
                            break;
                        default:
                            status = Cancelled;
                            break;
                    }
                }

                if (problem is not null)
                {
                    return new SubscriptionEventException(i, _subscriptions[_subscriptionOf[i]], field,
                        $"Subscription '{_subscriptions[_subscriptionOf[i]]}': {problem}");
                }

                if (_termsOf[i] >= 0)
                {
                    currency = _terms.Currency(_termsOf[i]);
                }

                // A paused subscription keeps its terms here, so that its resume can be told from an addition.
                contributing[e] = status is Active or Paused ? terms : -1;
                statusAfter[e] = (byte)status;
            }

            return null;
        }

        private int AccountOf(int i) =>
            _otherAccount.Count > 0 && _otherAccount.TryGetValue(i, out int other) ? other : _accountOfSubscription[_subscriptionOf[i]];

        private bool TryFindSubscription(string id, out int subscription)
        {
            if (_subscriptionIndex is null)
            {
                if (_subscriptions.Count == 0 || string.CompareOrdinal(id, _subscriptions[^1]) > 0)
                {
                    subscription = -1;
                    return false;
                }

                _subscriptionIndex = Index(_subscriptions, StringComparer.Ordinal);
            }

            return _subscriptionIndex.TryGetValue(id, out subscription);
        }

        private int AccountIndex(AccountId id)
        {
            if (_accountIndex is null)
            {
                if (_accounts.Count == 0 || string.CompareOrdinal(id.Value, _accounts[^1].Value) > 0)
                {
                    _accounts.Add(id);
                    return _accounts.Count - 1;
                }

                _accountIndex = Index(_accounts, EqualityComparer<AccountId>.Default);
            }

            if (!_accountIndex.TryGetValue(id, out int account))
            {
                _accountIndex.Add(id, account = _accounts.Count);
                _accounts.Add(id);
            }

            return account;
        }

        // The ids so far, distinct because they ascended, each to its position.
        private static Dictionary<TKey, int> Index<TKey>(List<TKey> ids, IEqualityComparer<TKey> comparer)
            where TKey : notnull
        {
            var index = new Dictionary<TKey, int>(ids.Count * 2, comparer);
            for (int i = 0; i < ids.Count; i++)
            {
                index.Add(ids[i], i);
            }

            return index;
        }

        private string At(int i) => Instant.FromUnixTimeTicks(_ticks[i]).ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFF'Z'", CultureInfo.InvariantCulture);

        private static string Name(SubscriptionEventKind kind) => kind.ToString().ToLowerInvariant();

        private void ThrowIfBuilt()
        {
            if (_built)
            {
                throw new InvalidOperationException("This builder has built its book; start another.");
            }
        }

        private void Resize(int size)
        {
            _subscriptionOf = Columns.Grown(_subscriptionOf, _count, size);
            _ticks = Columns.Grown(_ticks, _count, size);
            _kinds = Columns.Grown(_kinds, _count, size);
            _termsOf = Columns.Grown(_termsOf, _count, size);
        }
    }
}
