using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>
/// Every account's MRR by month, read from snapshot rows in one pass and in any order: the basis of movements,
/// monthly retention, cohort retention and the cohort table. Build one with <see cref="FromRows"/>,
/// <see cref="FromRowsAsync"/> or a <see cref="Builder"/>.
/// </summary>
/// <remarks>
/// Histories of disjoint sets of accounts merge (<see cref="Merge"/>), and so do the reports computed from them, which
/// lets the same code run split across threads or machines. Immutable and thread-safe.
/// </remarks>
public sealed class MrrHistory
{
    private readonly AccountSeries[] _accounts; // ordered by account id
    private readonly string[] _groups; // ordinal order; AccountSeries.Groups index it
    private readonly MrrOptions _options;

    private MrrHistory(AccountSeries[] accounts, string[] groups, MrrOptions options)
    {
        _accounts = accounts;
        _groups = groups;
        _options = options;
        foreach (AccountSeries series in accounts)
        {
            if (series.Months.Length == 0)
            {
                continue;
            }

            FirstIndex = Math.Min(FirstIndex, series.Months[0]);
            LastIndex = Math.Max(LastIndex, series.Months[^1]);
        }
    }

    /// <summary>Gets the number of accounts that were customers in some month.</summary>
    public int AccountCount => _accounts.Length;

    /// <summary>Gets the first month in which any account was a customer, or <see langword="null"/> for an empty history.</summary>
    public YearMonth? FirstMonth => _accounts.Length == 0 ? null : MonthIndex.ToMonth(FirstIndex);

    /// <summary>Gets the last month in which any account was a customer, or <see langword="null"/> for an empty history.</summary>
    public YearMonth? LastMonth => _accounts.Length == 0 ? null : MonthIndex.ToMonth(LastIndex);

    /// <summary>Gets the groups the rows carried, in ordinal order (the empty string for rows without one).</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Gets the accounts, in ordinal order of their ids.</summary>
    public IEnumerable<AccountId> Accounts => _accounts.Select(a => a.Account);

    private int FirstIndex { get; } = int.MaxValue;

    private int LastIndex { get; } = int.MinValue;

    /// <summary>Reads snapshot rows, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another (see <see cref="Builder.Add"/>); the message names the account and month.</exception>
    public static MrrHistory FromRows(IEnumerable<MrrRow> rows, MrrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new Builder(options);
        foreach (MrrRow row in rows)
        {
            builder.Add(row);
        }

        return builder.Build();
    }

    /// <summary>Reads snapshot rows from an asynchronous stream, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another; the message names the account and month.</exception>
    public static async ValueTask<MrrHistory> FromRowsAsync(IAsyncEnumerable<MrrRow> rows, MrrOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new Builder(options);
        await foreach (MrrRow row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Add(row);
        }

        return builder.Build();
    }

    /// <summary>Merges histories of disjoint sets of accounts into one. Associative and commutative.</summary>
    /// <param name="first">A history.</param>
    /// <param name="second">A history of other accounts, built with equivalent options.</param>
    /// <returns>The history of both.</returns>
    /// <exception cref="ArgumentException">An account appears in both; the message names it.</exception>
    public static MrrHistory Merge(MrrHistory first, MrrHistory second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        string[] groups = first._groups.Union(second._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var accounts = new AccountSeries[first._accounts.Length + second._accounts.Length];
        int i = 0, j = 0, k = 0;
        while (i < first._accounts.Length || j < second._accounts.Length)
        {
            int order = i == first._accounts.Length ? 1
                : j == second._accounts.Length ? -1
                : first._accounts[i].Account.CompareTo(second._accounts[j].Account);
            if (order == 0)
            {
                throw new ArgumentException($"Account '{first._accounts[i].Account}' is in both histories; merge histories of disjoint sets of accounts.", nameof(second));
            }

            accounts[k++] = order < 0 ? Regroup(first._accounts[i++], first._groups, groups) : Regroup(second._accounts[j++], second._groups, groups);
        }

        return new MrrHistory(accounts, groups, first._options);
    }

    /// <summary>Returns one account's movements, month by month, in its own currency.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The movements, in month order; empty when the account is unknown.</returns>
    public IReadOnlyList<AccountMovement> GetMovements(AccountId account)
    {
        int index = IndexOf(account);
        if (index < 0)
        {
            return [];
        }

        var collector = new MovementCollector([]);
        _accounts[index].Walk(FirstIndex, LastIndex, ref collector);
        return collector.Movements;
    }

    /// <summary>Returns every account's movements, account by account (in id order), month by month.</summary>
    /// <returns>The movements.</returns>
    public IEnumerable<AccountMovement> EnumerateMovements()
    {
        foreach (AccountSeries series in _accounts)
        {
            var collector = new MovementCollector([]);
            series.Walk(FirstIndex, LastIndex, ref collector);
            foreach (AccountMovement movement in collector.Movements)
            {
                yield return movement;
            }
        }
    }

    /// <summary>Computes monthly movements and retention for every month of the history after its first.</summary>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidOperationException">The history spans fewer than two months.</exception>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for its month.</exception>
    public MrrMovementReport Movements()
    {
        if (_accounts.Length == 0 || FirstIndex == LastIndex)
        {
            throw new InvalidOperationException("Movements compare a month with the month before; the history spans fewer than two months.");
        }

        return Movements(MonthIndex.ToMonth(FirstIndex), MonthIndex.ToMonth(LastIndex));
    }

    /// <summary>
    /// Computes monthly movements and retention for every month after <paramref name="from"/> up to <paramref name="to"/>.
    /// Compute every part of a split computation over the same months, so that the parts merge.
    /// </summary>
    /// <param name="from">The opening month of the first month with figures.</param>
    /// <param name="to">The last month with figures, after <paramref name="from"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for its month.</exception>
    public MrrMovementReport Movements(YearMonth from, YearMonth to)
    {
        int f = MonthIndex.Of(from);
        int t = MonthIndex.Of(to);
        if (t <= f)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The period must end after it starts ({from:uuuu'-'MM})."));
        }

        var accumulator = new MovementAccumulator(f, t - f, _groups.Length, new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates));
        foreach (AccountSeries series in _accounts)
        {
            series.Walk(f, t, ref accumulator);
        }

        return new MrrMovementReport(f, t, _options.ReportingCurrency, _options.NrrIncludesReactivation, _groups, accumulator.Sums);
    }

    /// <summary>Computes cohort retention from <paramref name="from"/> to <paramref name="to"/> (DESIGN section 3, the cohort method).</summary>
    /// <param name="from">The opening month: its paying accounts are the cohort.</param>
    /// <param name="to">The closing month, after <paramref name="from"/>.</param>
    /// <returns>The report, in total and per group (the accounts' group in <paramref name="from"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for <paramref name="to"/>.</exception>
    public CohortReport Cohort(YearMonth from, YearMonth to)
    {
        int f = MonthIndex.Of(from);
        int t = MonthIndex.Of(to);
        if (t <= f)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The cohort period must end after it starts ({from:uuuu'-'MM})."));
        }

        var converter = new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates);
        var sums = new CohortSums[_groups.Length];
        foreach (AccountSeries series in _accounts)
        {
            int opening = series.Find(f);
            int closing = series.Find(t);
            if (opening >= 0)
            {
                ref CohortSums s = ref sums[series.Groups[opening]];
                decimal start = converter.Convert(series.Amounts[opening], series.Currency, t);
                decimal end = closing >= 0 ? converter.Convert(series.Amounts[closing], series.Currency, t) : 0m;
                s.Size++;
                s.Opening += start;
                s.Closing += end;
                s.Retained += Math.Min(start, end);
                s.Churned += closing >= 0 ? 0 : 1;
                s.ClosingCustomers += closing >= 0 ? 1 : 0;
                continue;
            }

            int firstAfter = ~opening;
            if (firstAfter < series.Months.Length && series.Months[firstAfter] <= t)
            {
                ref CohortSums s = ref sums[series.Groups[firstAfter]];
                s.Started++;
                s.StartedLost += closing >= 0 ? 0 : 1;
                s.ClosingCustomers += closing >= 0 ? 1 : 0;
            }
        }

        return new CohortReport(f, t, _options.ReportingCurrency, _options.CohortLogoChurnIncludesNewAccounts, _groups, sums);
    }

    /// <summary>Computes trailing-twelve-months cohort retention: from twelve months before <paramref name="month"/> to <paramref name="month"/>.</summary>
    /// <param name="month">The closing month.</param>
    /// <returns>The report.</returns>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for <paramref name="month"/>.</exception>
    public CohortReport TrailingTwelveMonths(YearMonth month) => Cohort(month.PlusMonths(-12), month);

    /// <summary>Computes NRR by first-paid-month cohort across months since start, up to the last month of the history.</summary>
    /// <returns>The table; empty for an empty history.</returns>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for a month.</exception>
    public CohortTable CohortTable()
    {
        if (_accounts.Length == 0)
        {
            return new CohortTable(_options.ReportingCurrency, []);
        }

        var converter = new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates);
        int span = LastIndex - FirstIndex + 1;
        var sizes = new int[span];
        var starting = new decimal[span, span];
        var current = new decimal[span, span];
        var customers = new int[span, span];
        foreach (AccountSeries series in _accounts)
        {
            int cohort = series.Months[0];
            int c = cohort - FirstIndex;
            sizes[c]++;
            decimal first = series.Amounts[0];
            int next = 0;
            for (int k = 0; cohort + k <= LastIndex; k++)
            {
                int month = cohort + k;
                starting[c, k] += converter.Convert(first, series.Currency, month);
                if (next < series.Months.Length && series.Months[next] == month)
                {
                    current[c, k] += converter.Convert(series.Amounts[next], series.Currency, month);
                    customers[c, k]++;
                    next++;
                }
            }
        }

        var rows = new List<CohortRow>();
        for (int c = 0; c < span; c++)
        {
            if (sizes[c] == 0)
            {
                continue;
            }

            var cells = new CohortCell[span - c];
            for (int k = 0; k < cells.Length; k++)
            {
                cells[k] = new CohortCell(
                    k,
                    MonthIndex.ToMonth(FirstIndex + c + k),
                    new Money(starting[c, k], _options.ReportingCurrency),
                    new Money(current[c, k], _options.ReportingCurrency),
                    customers[c, k],
                    sizes[c]);
            }

            rows.Add(new CohortRow(MonthIndex.ToMonth(FirstIndex + c), sizes[c], cells));
        }

        return new CohortTable(_options.ReportingCurrency, rows);
    }

    private int IndexOf(AccountId account)
    {
        int low = 0, high = _accounts.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = _accounts[middle].Account.CompareTo(account);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private static AccountSeries Regroup(AccountSeries series, string[] from, string[] to)
    {
        if (ReferenceEquals(from, to) || from.AsSpan().SequenceEqual(to))
        {
            return series;
        }

        int[] groups = Array.ConvertAll(series.Groups, g => Array.BinarySearch(to, from[g], StringComparer.Ordinal));
        return new AccountSeries(series.Account, series.Currency, series.Months, series.Amounts, groups);
    }

    /// <summary>
    /// Collects snapshot rows into an <see cref="MrrHistory"/>: the partial result of one pass over rows in any order.
    /// Not thread-safe; give each thread its own builder and <see cref="Merge"/> the histories.
    /// </summary>
    public sealed class Builder
    {
        private readonly MrrOptions _options;
        private readonly Dictionary<AccountId, SeriesBuilder> _accounts = [];
        private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
        private readonly List<string> _groupNames = [];
        private SeriesBuilder? _last;

        /// <summary>Starts an empty history.</summary>
        /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
        /// <exception cref="InvalidOperationException">An option is invalid; the message names it.</exception>
        public Builder(MrrOptions? options = null) => _options = (options ?? new MrrOptions()).Snapshot();

        /// <summary>Adds a snapshot row.</summary>
        /// <param name="row">The row.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">
        /// The row is <c>default(MrrRow)</c>, or its currency differs from the account's other rows (an account is billed in one
        /// currency), or it repeats an account and month under <see cref="DuplicateRowPolicy.Reject"/> or with another group. The
        /// message names the account and month; nothing is added.
        /// </exception>
        public Builder Add(in MrrRow row)
        {
            if (row.Account.IsDefault)
            {
                throw new ArgumentException("default(MrrRow) is not a snapshot; create rows with the MrrRow constructor.", nameof(row));
            }

            SeriesBuilder series = _last is not null && _last.Account == row.Account
                ? _last
                : Lookup(row);
            if (series.Currency != row.Mrr.Currency)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Account '{row.Account}' is billed in {series.Currency}, but its row for {row.Month:uuuu'-'MM} is in {row.Mrr.Currency}; an account's MRR must be in one currency."),
                    nameof(row));
            }

            series.Add(MonthIndex.Of(row.Month), row.Mrr.Amount, GroupId(row.Group));
            _last = series;
            return this;
        }

        /// <summary>Builds the history of the rows added so far.</summary>
        /// <returns>The history.</returns>
        /// <exception cref="ArgumentException">Rows contradict each other (see <see cref="Add"/>); the message names the account and month.</exception>
        public MrrHistory Build()
        {
            string[] names = _groupNames.ToArray();
            int[] order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
            var remap = new int[names.Length];
            for (int rank = 0; rank < order.Length; rank++)
            {
                remap[order[rank]] = rank;
            }

            string[] groups = order.Select(i => names[i]).ToArray();
            var accounts = new List<AccountSeries>(_accounts.Count);
            foreach (SeriesBuilder series in _accounts.Values)
            {
                AccountSeries? built = series.Build(_options, names, remap);
                if (built is not null)
                {
                    accounts.Add(built);
                }
            }

            accounts.Sort(static (a, b) => a.Account.CompareTo(b.Account));
            if (groups.Length == 0)
            {
                groups = [string.Empty];
            }

            return new MrrHistory(accounts.ToArray(), groups, _options);
        }

        private SeriesBuilder Lookup(in MrrRow row)
        {
            if (!_accounts.TryGetValue(row.Account, out SeriesBuilder? series))
            {
                series = new SeriesBuilder(row.Account, row.Mrr.Currency);
                _accounts.Add(row.Account, series);
            }

            return series;
        }

        private int GroupId(string group)
        {
            if (!_groupIds.TryGetValue(group, out int id))
            {
                id = _groupNames.Count;
                _groupIds.Add(group, id);
                _groupNames.Add(group);
            }

            return id;
        }
    }

    private sealed class SeriesBuilder(AccountId account, Currency currency)
    {
        private readonly List<int> _months = [];
        private readonly List<decimal> _amounts = [];
        private readonly List<int> _groups = [];
        private bool _sorted = true;

        public AccountId Account { get; } = account;

        public Currency Currency { get; } = currency;

        public void Add(int month, decimal amount, int group)
        {
            if (_months.Count > 0 && month <= _months[^1])
            {
                _sorted = false;
            }

            _months.Add(month);
            _amounts.Add(amount);
            _groups.Add(group);
        }

        public AccountSeries? Build(MrrOptions options, string[] groupNames, int[] remap)
        {
            int count = _months.Count;
            int[] order = Enumerable.Range(0, count).ToArray();
            if (!_sorted)
            {
                int[] keys = _months.ToArray();
                Array.Sort(keys, order); // stable enough: equal months are merged below whatever their order
            }

            var months = new List<int>(count);
            var amounts = new List<decimal>(count);
            var groups = new List<int>(count);
            foreach (int i in order)
            {
                int month = _months[i];
                if (months.Count > 0 && months[^1] == month)
                {
                    string where = string.Create(CultureInfo.InvariantCulture, $"account '{Account}' in {MonthIndex.ToMonth(month):uuuu'-'MM}");
                    if (options.DuplicateRows == DuplicateRowPolicy.Reject)
                    {
                        throw new ArgumentException($"Two MRR rows for {where}; duplicates are rejected (MrrOptions.DuplicateRows).");
                    }

                    if (groups[^1] != _groups[i])
                    {
                        throw new ArgumentException($"Two MRR rows for {where} name different groups ('{groupNames[groups[^1]]}' and '{groupNames[_groups[i]]}').");
                    }

                    amounts[^1] += _amounts[i];
                    continue;
                }

                months.Add(month);
                amounts.Add(_amounts[i]);
                groups.Add(_groups[i]);
            }

            // Under the default policy a $0 row is no row: the account is not a customer that month.
            var keptMonths = new List<int>(months.Count);
            var keptAmounts = new List<decimal>(months.Count);
            var keptGroups = new List<int>(months.Count);
            for (int i = 0; i < months.Count; i++)
            {
                if (amounts[i] > 0m || options.ZeroMrr == ZeroMrrPolicy.Contraction)
                {
                    keptMonths.Add(months[i]);
                    keptAmounts.Add(amounts[i]);
                    keptGroups.Add(remap[groups[i]]);
                }
            }

            return keptMonths.Count == 0
                ? null
                : new AccountSeries(Account, Currency, keptMonths.ToArray(), keptAmounts.ToArray(), keptGroups.ToArray());
        }
    }

    private struct MovementAccumulator(int from, int monthCount, int groupCount, CurrencyConverter converter) : ITransitionVisitor
    {
        public MrrFigureSums[] Sums { get; } = new MrrFigureSums[groupCount * monthCount];

        public readonly void Continued(int month, AccountSeries series, int before, int after)
        {
            ref MrrFigureSums s = ref Sums[(series.Groups[before] * monthCount) + month - from - 1];
            decimal previous = series.Amounts[before];
            decimal amount = series.Amounts[after];
            decimal opening = converter.Convert(previous, series.Currency, month - 1);
            decimal revalued = converter.Convert(previous, series.Currency, month);
            decimal closing = converter.Convert(amount, series.Currency, month);
            s.Opening += opening;
            s.Fx += revalued - opening;
            s.Closing += closing;
            s.CustomersOpening++;
            s.CustomersClosing++;
            if (amount > previous)
            {
                s.Expansion += closing - revalued;
                s.CustomersExpanded++;
            }
            else if (amount < previous)
            {
                s.Contraction += revalued - closing;
                s.CustomersContracted++;
            }
        }

        public readonly void Started(int month, AccountSeries series, int after, bool reactivated)
        {
            ref MrrFigureSums s = ref Sums[(series.Groups[after] * monthCount) + month - from - 1];
            decimal closing = converter.Convert(series.Amounts[after], series.Currency, month);
            s.Closing += closing;
            s.CustomersClosing++;
            if (reactivated)
            {
                s.Reactivation += closing;
                s.CustomersReactivated++;
            }
            else
            {
                s.New += closing;
                s.CustomersNew++;
            }
        }

        public readonly void Stopped(int month, AccountSeries series, int before)
        {
            ref MrrFigureSums s = ref Sums[(series.Groups[before] * monthCount) + month - from - 1];
            decimal previous = series.Amounts[before];
            decimal opening = converter.Convert(previous, series.Currency, month - 1);
            decimal revalued = converter.Convert(previous, series.Currency, month);
            s.Opening += opening;
            s.Fx += revalued - opening;
            s.Churn += revalued;
            s.CustomersOpening++;
            s.CustomersChurned++;
        }
    }

    private readonly struct MovementCollector(List<AccountMovement> movements) : ITransitionVisitor
    {
        public List<AccountMovement> Movements { get; } = movements;

        public void Continued(int month, AccountSeries series, int before, int after)
        {
            decimal previous = series.Amounts[before];
            decimal amount = series.Amounts[after];
            if (amount != previous)
            {
                Add(month, series, amount > previous ? MrrMovementKind.Expansion : MrrMovementKind.Contraction, previous, amount);
            }
        }

        public void Started(int month, AccountSeries series, int after, bool reactivated) =>
            Add(month, series, reactivated ? MrrMovementKind.Reactivation : MrrMovementKind.New, 0m, series.Amounts[after]);

        public void Stopped(int month, AccountSeries series, int before) =>
            Add(month, series, MrrMovementKind.Churn, series.Amounts[before], 0m);

        private void Add(int month, AccountSeries series, MrrMovementKind kind, decimal before, decimal after) =>
            Movements.Add(new AccountMovement(series.Account, MonthIndex.ToMonth(month), kind, new Money(before, series.Currency), new Money(after, series.Currency)));
    }
}
