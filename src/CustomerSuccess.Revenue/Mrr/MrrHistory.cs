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
/// monthly retention, cohort retention and the cohort table. Build one with <see cref="FromRows(IEnumerable{MrrRow}, MrrOptions?)"/>,
/// <see cref="FromRowsAsync"/> or a <see cref="Builder"/>.
/// </summary>
/// <remarks>
/// Histories of disjoint sets of accounts merge (<see cref="Merge"/>), and so do the reports computed from them, which
/// lets the same code run split across threads or machines. Immutable and thread-safe.
/// </remarks>
public sealed partial class MrrHistory
{
    private readonly AccountSeries[] _accounts; // in the order accounts were first seen
    private readonly Dictionary<AccountId, int> _accountIndex;
    private readonly string[] _groups; // ordinal order; the columns' group ids index it
    private readonly MrrOptions _options;

    private MrrHistory(AccountSeries[] accounts, Dictionary<AccountId, int> accountIndex, string[] groups, MrrOptions options)
    {
        _accounts = accounts;
        _accountIndex = accountIndex;
        _groups = groups;
        _options = options;
        foreach (AccountSeries series in accounts)
        {
            FirstIndex = Math.Min(FirstIndex, series.FirstMonth);
            LastIndex = Math.Max(LastIndex, series.LastMonth);
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
    public IEnumerable<AccountId> Accounts => InIdOrder().Select(a => a.Account);

    private int FirstIndex { get; } = int.MaxValue;

    private int LastIndex { get; } = int.MinValue;

    /// <summary>Reads snapshot rows, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another (see <see cref="Builder.Add"/>); the message names the account and month.</exception>
    public static MrrHistory FromRows(IEnumerable<MrrRow> rows) => FromRows(rows, null);

    /// <summary>Reads snapshot rows, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another (see <see cref="Builder.Add"/>); the message names the account and month.</exception>
    public static MrrHistory FromRows(IEnumerable<MrrRow> rows, MrrOptions? options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new Builder(options);
        switch (rows)
        {
            // Rows already in memory are read in place, without an enumerator copying each row.
            case MrrRow[] array:
                builder.EnsureCapacity(array.Length).AddRange(array);
                break;
            case List<MrrRow> list:
                builder.EnsureCapacity(list.Count).AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
                break;
            default:
                foreach (MrrRow row in rows)
                {
                    builder.Add(row);
                }

                break;
        }

        return builder.Build();
    }

    /// <summary>Reads snapshot rows, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another (see <see cref="Builder.Add"/>); the message names the account and month.</exception>
    public static MrrHistory FromRows(ReadOnlySpan<MrrRow> rows) => FromRows(rows, null);

    /// <summary>Reads snapshot rows, in any order, into a history.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentException">A row contradicts another (see <see cref="Builder.Add"/>); the message names the account and month.</exception>
    public static MrrHistory FromRows(ReadOnlySpan<MrrRow> rows, MrrOptions? options) =>
        new Builder(options).EnsureCapacity(rows.Length).AddRange(rows).Build();

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
        foreach (AccountSeries series in second._accounts)
        {
            if (first._accountIndex.ContainsKey(series.Account))
            {
                throw new ArgumentException($"Account '{series.Account}' is in both histories; merge histories of disjoint sets of accounts.", nameof(second));
            }
        }

        string[] groups = first._groups.Union(second._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int count = first._accounts.Sum(a => a.End - a.Start) + second._accounts.Sum(a => a.End - a.Start);
        var months = new int[count];
        var amounts = new decimal[count];
        var groupIds = new int[count];
        var ranges = new List<(AccountId Account, Currency Currency, int Start, int End)>(first._accounts.Length + second._accounts.Length);
        int position = 0;
        foreach (MrrHistory history in new[] { first, second })
        {
            int[] remap = Array.ConvertAll(history._groups, g => Array.BinarySearch(groups, g, StringComparer.Ordinal));
            foreach (AccountSeries series in history._accounts)
            {
                int start = position;
                for (int i = series.Start; i < series.End; i++, position++)
                {
                    months[position] = series.Months[i];
                    amounts[position] = series.Amounts[i];
                    groupIds[position] = remap[series.Groups[i]];
                }

                ranges.Add((series.Account, series.Currency, start, position));
            }
        }

        var columns = new MrrColumns(months, amounts, groupIds, count, first._options.ReportingCurrency);
        var accounts = new AccountSeries[ranges.Count];
        var index = new Dictionary<AccountId, int>(ranges.Count);
        for (int a = 0; a < ranges.Count; a++)
        {
            accounts[a] = new AccountSeries(ranges[a].Account, ranges[a].Currency, columns, ranges[a].Start, ranges[a].End);
            index.Add(ranges[a].Account, a);
        }

        return new MrrHistory(accounts, index, groups, first._options);
    }

    /// <summary>Returns one account's movements, month by month, in its own currency.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The movements, in month order; empty when the account is unknown.</returns>
    public IReadOnlyList<AccountMovement> GetMovements(AccountId account)
    {
        if (!_accountIndex.TryGetValue(account, out int index))
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
        foreach (AccountSeries series in InIdOrder())
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
    /// <exception cref="OverflowException">A sum or conversion passes what a decimal holds; the message names the account and month that tipped it.</exception>
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
    /// <exception cref="OverflowException">A sum or conversion passes what a decimal holds; the message names the account and month that tipped it.</exception>
    public MrrMovementReport Movements(YearMonth from, YearMonth to)
    {
        int f = MonthIndex.Of(from);
        int t = MonthIndex.Of(to);
        if (t <= f)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The period must end after it starts ({from:uuuu'-'MM})."));
        }

        try
        {
            var accumulator = new MovementAccumulator(f, t - f, _groups.Length, new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates));
            var unitAccumulator = new UnitMovementAccumulator(f, t - f, _groups.Length);
            Walk(f, t, ref accumulator, ref unitAccumulator);
            MrrFigureSums[] sums = accumulator.Sums;
            if (_accounts.Length > 0 && _accounts[0].Columns.Units is not null)
            {
                unitAccumulator.AddInto(sums, _accounts[0].Columns);
            }

            return new MrrMovementReport(f, t, _options.ReportingCurrency, _options.NrrIncludesReactivation, _groups, sums);
        }
        catch (OverflowException)
        {
            throw MovementsOverflow(f, t);
        }
    }

    // Accounts in the reporting currency add whole units; others convert decimals month by month.
    private void Walk<TMoney, TUnits>(int f, int t, ref TMoney money, ref TUnits units)
        where TMoney : struct, ITransitionVisitor
        where TUnits : struct, ITransitionVisitor
    {
        foreach (AccountSeries series in _accounts)
        {
            if (series.LastMonth < f || series.FirstMonth > t)
            {
                continue;
            }

            if (series.HasUnits)
            {
                series.Walk(f, t, ref units);
            }
            else
            {
                series.Walk(f, t, ref money);
            }
        }
    }

    /// <summary>Computes cohort retention from <paramref name="from"/> to <paramref name="to"/> (DESIGN section 3, the cohort method).</summary>
    /// <param name="from">The opening month: its paying accounts are the cohort.</param>
    /// <param name="to">The closing month, after <paramref name="from"/>.</param>
    /// <returns>The report, in total and per group (the accounts' group in <paramref name="from"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for <paramref name="to"/>.</exception>
    /// <exception cref="OverflowException">A sum or conversion passes what a decimal holds; the message names the account and month that tipped it.</exception>
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
        AccountSeries? current = null;
        try
        {
            foreach (AccountSeries series in _accounts)
            {
                current = series;
                AddToCohort(series, f, t, converter, sums);
            }

            return new CohortReport(f, t, _options.ReportingCurrency, _options.CohortLogoChurnIncludesNewAccounts, _groups, sums);
        }
        catch (OverflowException)
        {
            throw Overflow(current, t, "cohort retention");
        }
    }

    private static void AddToCohort(AccountSeries series, int f, int t, CurrencyConverter converter, CohortSums[] sums)
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
            return;
        }

        int firstAfter = ~opening;
        if (firstAfter < series.End && series.Months[firstAfter] <= t)
        {
            ref CohortSums s = ref sums[series.Groups[firstAfter]];
            s.Started++;
            s.StartedLost += closing >= 0 ? 0 : 1;
            s.ClosingCustomers += closing >= 0 ? 1 : 0;
        }
    }

    /// <summary>Computes trailing-twelve-months cohort retention: from twelve months before <paramref name="month"/> to <paramref name="month"/>.</summary>
    /// <param name="month">The closing month.</param>
    /// <returns>The report.</returns>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for <paramref name="month"/>.</exception>
    /// <exception cref="OverflowException">A sum or conversion passes what a decimal holds; the message names the account and month that tipped it.</exception>
    public CohortReport TrailingTwelveMonths(YearMonth month) => Cohort(month.PlusMonths(-12), month);

    /// <summary>Computes NRR by first-paid-month cohort across months since start, up to the last month of the history.</summary>
    /// <returns>The table; empty for an empty history.</returns>
    /// <exception cref="MissingExchangeRateException">An amount in another currency has no rate for a month.</exception>
    /// <exception cref="OverflowException">A sum or conversion passes what a decimal holds; the message names the account and month that tipped it.</exception>
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
        AccountSeries? account = null;
        try
        {
            foreach (AccountSeries series in _accounts)
            {
                account = series;
                AddToCohortTable(series, converter, sizes, starting, current, customers);
            }
        }
        catch (OverflowException)
        {
            throw Overflow(account, LastIndex, "the cohort table");
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

    private void AddToCohortTable(AccountSeries series, CurrencyConverter converter, int[] sizes, decimal[,] starting, decimal[,] current, int[,] customers)
    {
        int cohort = series.FirstMonth;
        int c = cohort - FirstIndex;
        sizes[c]++;
        decimal first = series.Amounts[series.Start];
        int next = series.Start;
        for (int k = 0; cohort + k <= LastIndex; k++)
        {
            int month = cohort + k;
            starting[c, k] += converter.Convert(first, series.Currency, month);
            if (next < series.End && series.Months[next] == month)
            {
                current[c, k] += converter.Convert(series.Amounts[next], series.Currency, month);
                customers[c, k]++;
                next++;
            }
        }
    }

    private IEnumerable<AccountSeries> InIdOrder() => _accounts.OrderBy(a => a.Account);

    /// <summary>
    /// Collects snapshot rows into an <see cref="MrrHistory"/>: the partial result of one pass over rows in any order.
    /// Builds once. Not thread-safe; give each thread its own builder and <see cref="Merge"/> the histories.
    /// </summary>
    public sealed class Builder
    {
        private readonly MrrOptions _options;
        private readonly Dictionary<AccountId, int> _accountIndex = [];
        private readonly List<AccountId> _accountIds = [];
        private readonly List<Currency> _currencies = [];
        private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
        private readonly List<string> _groupNames = [];
        private int[] _rowAccounts = new int[1024];
        private int[] _rowMonths = new int[1024];
        private decimal[] _rowAmounts = new decimal[1024];
        private int[] _rowGroups = new int[1024];
        private int _count;
        private int _lastAccount = -1;
        private string? _lastGroup;
        private int _lastGroupId;
        private bool _grouped = true;
        private bool _built; // Build moved the rows into the history

        /// <summary>Starts an empty history.</summary>
        /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
        /// <exception cref="InvalidOperationException">An option is invalid; the message names it.</exception>
        public Builder(MrrOptions? options = null) => _options = (options ?? new MrrOptions()).Snapshot();

        /// <summary>Adds a snapshot row.</summary>
        /// <param name="row">The row.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">
        /// The row is <c>default(MrrRow)</c>, or its currency differs from the account's other rows (an account is billed in one
        /// currency). The message names the account and month; nothing is added. Rows that repeat an account and month are
        /// checked when the history is built.
        /// </exception>
        public Builder Add(in MrrRow row)
        {
            if (row.Account.IsDefault)
            {
                throw new ArgumentException("default(MrrRow) is not a snapshot; create rows with the MrrRow constructor.", nameof(row));
            }

            // Rows usually come grouped by account (the usual export order): then the account is the previous row's.
            int account = _lastAccount >= 0 && _accountIds[_lastAccount] == row.Account ? _lastAccount : AccountIndex(row.Account, row.Mrr.Currency);
            if (_currencies[account] != row.Mrr.Currency)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Account '{row.Account}' is billed in {_currencies[account]}, but its row for {row.Month:uuuu'-'MM} is in {row.Mrr.Currency}; an account's MRR must be in one currency."),
                    nameof(row));
            }

            string group = row.Group;
            int groupId = ReferenceEquals(group, _lastGroup) ? _lastGroupId : GroupId(group);
            ThrowIfBuilt();
            if (_count == _rowMonths.Length)
            {
                Grow();
            }

            _rowAccounts[_count] = account;
            _rowMonths[_count] = MonthIndex.Of(row.Month);
            _rowAmounts[_count] = row.Mrr.Amount;
            _rowGroups[_count] = groupId;
            _count++;
            _lastAccount = account;
            _lastGroup = group;
            _lastGroupId = groupId;
            return this;
        }

        /// <summary>Makes room for at least <paramref name="rows"/> rows in all, so that adding them allocates nothing more.</summary>
        /// <param name="rows">The number of rows expected in all.</param>
        /// <returns>This builder.</returns>
        public Builder EnsureCapacity(int rows)
        {
            ThrowIfBuilt();
            if (rows > _rowMonths.Length)
            {
                Resize(rows);
            }

            return this;
        }

        /// <summary>Adds snapshot rows already in memory.</summary>
        /// <param name="rows">The rows.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentException">A row is invalid (see <see cref="Add"/>); the rows before it are added.</exception>
        public Builder AddRange(ReadOnlySpan<MrrRow> rows)
        {
            foreach (ref readonly MrrRow row in rows)
            {
                Add(in row);
            }

            return this;
        }

        /// <summary>
        /// Builds the history of the rows added. The rows move into the history (rows grouped by account are not copied), so
        /// a builder builds once; start a new builder for another history.
        /// </summary>
        /// <returns>The history.</returns>
        /// <exception cref="InvalidOperationException">This builder has already built its history.</exception>
        /// <exception cref="ArgumentException">
        /// Two rows repeat an account and month under <see cref="DuplicateRowPolicy.Reject"/>, or name different groups; the
        /// message names the account and month.
        /// </exception>
        /// <exception cref="OverflowException">The rows of one account and month add up to more than a decimal holds; the message names them.</exception>
        public MrrHistory Build()
        {
            ThrowIfBuilt();
            _built = true;
            string[] names = _groupNames.ToArray();
            int[] order = Enumerable.Range(0, names.Length).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
            var remap = new int[names.Length];
            for (int rank = 0; rank < order.Length; rank++)
            {
                remap[order[rank]] = rank;
            }

            string[] groups = names.Length == 0 ? [string.Empty] : order.Select(i => names[i]).ToArray();
            (int[] months, decimal[] amounts, int[] groupIds, int[] starts) = AccountContiguous(remap);
            var ranges = new (int Start, int End)[_accountIds.Count];
            int write = 0;
            int account = 0;
            try
            {
                for (; account < _accountIds.Count; account++)
                {
                    int start = write;
                    write = Normalise(account, months, amounts, groupIds, starts[account], starts[account + 1], write, groups);
                    ranges[account] = (start, write);
                }
            }
            catch (OverflowException)
            {
                // Only rows of one account and month are added here: name them (a try inside Normalise's loop would slow it).
                throw new OverflowException($"The MRR rows for {Where(account, OverflowingMonth(months, amounts, starts[account], starts[account + 1]))} add up to more than {Overflows.Limit}.");
            }

            var columns = new MrrColumns(months, amounts, groupIds, write, _options.ReportingCurrency);
            var accounts = new List<AccountSeries>(_accountIds.Count);
            var index = new Dictionary<AccountId, int>(_accountIds.Count);
            for (int a = 0; a < _accountIds.Count; a++)
            {
                if (ranges[a].End > ranges[a].Start)
                {
                    index.Add(_accountIds[a], accounts.Count);
                    accounts.Add(new AccountSeries(_accountIds[a], _currencies[a], columns, ranges[a].Start, ranges[a].End));
                }
            }

            return new MrrHistory(accounts.ToArray(), index, groups, _options);
        }

        private void ThrowIfBuilt()
        {
            if (_built)
            {
                throw new InvalidOperationException("This builder has built its history, which now owns its rows; start a new MrrHistory.Builder.");
            }
        }

        private int AccountIndex(AccountId account, Currency currency)
        {
            if (!_accountIndex.TryGetValue(account, out int index))
            {
                index = _accountIds.Count;
                _accountIndex.Add(account, index);
                _accountIds.Add(account);
                _currencies.Add(currency);
            }
            else if (index != _lastAccount)
            {
                _grouped = false; // the account's rows are not contiguous
            }

            return index;
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

        private void Grow() => Resize(_rowMonths.Length * 2);

        private void Resize(int size)
        {
            Array.Resize(ref _rowAccounts, size);
            Array.Resize(ref _rowMonths, size);
            Array.Resize(ref _rowAmounts, size);
            Array.Resize(ref _rowGroups, size);
        }

        // Copies the rows into new columns with each account's rows contiguous (in first-seen order): a counting sort,
        // skipped when the rows already came grouped by account.
        private (int[] Months, decimal[] Amounts, int[] Groups, int[] Starts) AccountContiguous(int[] remap)
        {
            int accounts = _accountIds.Count;
            var starts = new int[accounts + 1];
            for (int i = 0; i < _count; i++)
            {
                starts[_rowAccounts[i] + 1]++;
            }

            for (int a = 0; a < accounts; a++)
            {
                starts[a + 1] += starts[a];
            }

            if (_grouped)
            {
                // Already account by account: the history takes the builder's columns as they are (the builder copies
                // them before it writes again), so a grouped export is read without a second copy.
                for (int i = 0; i < _count; i++)
                {
                    _rowGroups[i] = remap[_rowGroups[i]];
                }

                return (_rowMonths, _rowAmounts, _rowGroups, starts);
            }

            var months = new int[_count];
            var amounts = new decimal[_count];
            var groups = new int[_count];

            var next = (int[])starts.Clone();
            for (int i = 0; i < _count; i++)
            {
                int to = next[_rowAccounts[i]]++;
                months[to] = _rowMonths[i];
                amounts[to] = _rowAmounts[i];
                groups[to] = remap[_rowGroups[i]];
            }

            return (months, amounts, groups, starts);
        }

        // Sorts one account's rows by month, merges rows of the same month, drops $0 rows unless they keep the customer,
        // and writes the result at `write` (never after the rows it reads). Returns the new write position.
        private int Normalise(int account, int[] months, decimal[] amounts, int[] groups, int start, int end, int write, string[] groupNames)
        {
            for (int i = start + 1; i < end; i++)
            {
                if (months[i] < months[i - 1])
                {
                    SortByMonth(months, amounts, groups, start, end);
                    break;
                }
            }

            bool keepZero = _options.ZeroMrr == ZeroMrrPolicy.Contraction;
            int first = write;
            for (int i = start; i < end; i++)
            {
                int month = months[i];
                decimal amount = amounts[i];
                int group = groups[i];
                while (i + 1 < end && months[i + 1] == month)
                {
                    i++;
                    if (_options.DuplicateRows == DuplicateRowPolicy.Reject)
                    {
                        throw new ArgumentException($"Two MRR rows for {Where(account, month)}; duplicates are rejected (MrrOptions.DuplicateRows).");
                    }

                    if (groups[i] != group)
                    {
                        throw new ArgumentException($"Two MRR rows for {Where(account, month)} name different groups ('{groupNames[group]}' and '{groupNames[groups[i]]}').");
                    }

                    amount += amounts[i];
                }

                // Under the default policy a $0 row is no row: the account is not a customer that month.
                if (amount > 0m || keepZero)
                {
                    months[write] = month;
                    amounts[write] = amount;
                    groups[write] = group;
                    write++;
                }
            }

            return write > first ? write : first;
        }

        private string Where(int account, int month) =>
            string.Create(CultureInfo.InvariantCulture, $"account '{_accountIds[account]}' in {MonthIndex.ToMonth(month):uuuu'-'MM}");

        // The month whose rows, added up, overflow (the rows are sorted by month when Normalise adds them).
        private static int OverflowingMonth(int[] months, decimal[] amounts, int start, int end)
        {
            decimal sum = 0m;
            for (int i = start; i < end; i++)
            {
                sum = i > start && months[i] == months[i - 1] ? sum : 0m;
                try
                {
                    sum += amounts[i];
                }
                catch (OverflowException)
                {
                    return months[i];
                }
            }

            return months[start];
        }

        private static void SortByMonth(int[] months, decimal[] amounts, int[] groups, int start, int end)
        {
            if (end - start > 64)
            {
                // Many subscriptions or years of rows: sort by key, then apply the order to the other columns.
                int[] order = Enumerable.Range(start, end - start).ToArray();
                int[] keys = months.AsSpan(start, end - start).ToArray();
                Array.Sort(keys, order);
                decimal[] sortedAmounts = Array.ConvertAll(order, i => amounts[i]);
                int[] sortedGroups = Array.ConvertAll(order, i => groups[i]);
                keys.CopyTo(months, start);
                sortedAmounts.CopyTo(amounts, start);
                sortedGroups.CopyTo(groups, start);
                return;
            }

            // An account has a few dozen rows as a rule: an in-place insertion sort beats allocating for Array.Sort.
            for (int i = start + 1; i < end; i++)
            {
                int month = months[i];
                decimal amount = amounts[i];
                int group = groups[i];
                int j = i - 1;
                while (j >= start && months[j] > month)
                {
                    months[j + 1] = months[j];
                    amounts[j + 1] = amounts[j];
                    groups[j + 1] = groups[j];
                    j--;
                }

                months[j + 1] = month;
                amounts[j + 1] = amount;
                groups[j + 1] = group;
            }
        }
    }

    // The hot path for accounts billed in the reporting currency: the same movements as MovementAccumulator, added as
    // whole units in 64-bit integers (checked: an overflow throws rather than wraps).
    private readonly struct UnitMovementAccumulator(int from, int monthCount, int groupCount) : ITransitionVisitor
    {
        private readonly UnitSums[] _sums = new UnitSums[groupCount * monthCount];

        public void Continued(int month, AccountSeries series, int before, int after)
        {
            ref UnitSums s = ref _sums[(series.Groups[before] * monthCount) + month - from - 1];
            long[] units = series.Columns.Units!;
            long previous = units[before];
            long amount = units[after];
            s.Opening += previous;
            s.Closing += amount;
            s.CustomersContinuing++;
            if (amount > previous)
            {
                s.Expansion += amount - previous;
                s.CustomersExpanded++;
            }
            else if (amount < previous)
            {
                s.Contraction += previous - amount;
                s.CustomersContracted++;
            }
        }

        public void Started(int month, AccountSeries series, int after, bool reactivated)
        {
            ref UnitSums s = ref _sums[(series.Groups[after] * monthCount) + month - from - 1];
            long amount = series.Columns.Units![after];
            s.Closing += amount;
            if (reactivated)
            {
                s.Reactivation += amount;
                s.CustomersReactivated++;
            }
            else
            {
                s.New += amount;
                s.CustomersNew++;
            }
        }

        public void Stopped(int month, AccountSeries series, int before)
        {
            ref UnitSums s = ref _sums[(series.Groups[before] * monthCount) + month - from - 1];
            long previous = series.Columns.Units![before];
            s.Opening += previous;
            s.Churn += previous;
            s.CustomersChurned++;
        }

        public void AddInto(MrrFigureSums[] sums, MrrColumns columns)
        {
            for (int i = 0; i < _sums.Length; i++)
            {
                ref readonly UnitSums u = ref _sums[i];
                ref MrrFigureSums s = ref sums[i];
                s.Opening += columns.FromUnits(u.Opening);
                s.New += columns.FromUnits(u.New);
                s.Reactivation += columns.FromUnits(u.Reactivation);
                s.Expansion += columns.FromUnits(u.Expansion);
                s.Contraction += columns.FromUnits(u.Contraction);
                s.Churn += columns.FromUnits(u.Churn);
                s.Closing += columns.FromUnits(u.Closing);
                s.CustomersOpening += u.CustomersContinuing + u.CustomersChurned;
                s.CustomersClosing += u.CustomersContinuing + u.CustomersNew + u.CustomersReactivated;
                s.CustomersNew += u.CustomersNew;
                s.CustomersReactivated += u.CustomersReactivated;
                s.CustomersExpanded += u.CustomersExpanded;
                s.CustomersContracted += u.CustomersContracted;
                s.CustomersChurned += u.CustomersChurned;
            }
        }
    }

    private struct UnitSums
    {
        public long Opening;
        public long New;
        public long Reactivation;
        public long Expansion;
        public long Contraction;
        public long Churn;
        public long Closing;
        public int CustomersContinuing;
        public int CustomersNew;
        public int CustomersReactivated;
        public int CustomersExpanded;
        public int CustomersContracted;
        public int CustomersChurned;
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
