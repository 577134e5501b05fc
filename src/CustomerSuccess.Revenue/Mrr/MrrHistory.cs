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
    private Dictionary<AccountId, int>? _accountIndex; // built on first lookup when the builder had none to give
    private readonly string[] _groups; // ordinal order; the columns' group ids index it
    private readonly MrrOptions _options;

    private MrrHistory(AccountSeries[] accounts, Dictionary<AccountId, int>? accountIndex, string[] groups, MrrOptions options)
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
    public IReadOnlyList<string> Groups => ReadOnlyViews.Wrap(_groups);

    /// <summary>Gets the accounts, in ordinal order of their ids.</summary>
    public IEnumerable<AccountId> Accounts => InIdOrder().Select(a => a.Account);

    private int FirstIndex { get; } = int.MaxValue;

    // A history read straight from a subscription book is mostly walked, not searched: its index waits for a lookup.
    private Dictionary<AccountId, int> AccountIndex => LazyInitializer.EnsureInitialized(ref _accountIndex, () =>
    {
        var index = new Dictionary<AccountId, int>(_accounts.Length);
        for (int a = 0; a < _accounts.Length; a++)
        {
            index.Add(_accounts[a].Account, a);
        }

        return index;
    });

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
            if (first.AccountIndex.ContainsKey(series.Account))
            {
                throw new ArgumentException($"Account '{series.Account}' is in both histories; merge histories of disjoint sets of accounts.", nameof(second));
            }
        }

        string[] groups = first._groups.Union(second._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int count = first._accounts.Sum(a => a.End - a.Start) + second._accounts.Sum(a => a.End - a.Start);
        var months = new int[count];
        var amounts = new MrrAmounts(count);
        int[]? groupIds = groups.Length > 1 ? new int[count] : null;
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
                    amounts[position] = series.Amount(i);
                    if (groupIds is not null)
                    {
                        groupIds[position] = remap[series.Group(i)];
                    }
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
        if (!AccountIndex.TryGetValue(account, out int index))
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
            AccountSeries? walking = null;
            Walk(_accounts, f, t, ref accumulator, ref unitAccumulator, ref walking);
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

    // Accounts in the reporting currency add whole units; others convert decimals month by month. `walking` is the account
    // being walked, so that an overflow can be placed (one store per account).
    private static void Walk<TMoney, TUnits>(AccountSeries[] accounts, int f, int t, ref TMoney money, ref TUnits units, ref AccountSeries? walking)
        where TMoney : struct, ITransitionVisitor
        where TUnits : struct, ITransitionVisitor
    {
        foreach (AccountSeries series in accounts)
        {
            if (series.LastMonth < f || series.FirstMonth > t)
            {
                continue;
            }

            walking = series;
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

    /// <summary>Computes cohort retention from <paramref name="from"/> to <paramref name="to"/> (docs/design.md section 3, the cohort method).</summary>
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
            ref CohortSums s = ref sums[series.Group(opening)];
            decimal start = converter.Convert(series.Amount(opening), series.Currency, t);
            decimal end = closing >= 0 ? converter.Convert(series.Amount(closing), series.Currency, t) : 0m;
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
            ref CohortSums s = ref sums[series.Group(firstAfter)];
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
        decimal first = series.Amount(series.Start);
        int next = series.Start;
        for (int k = 0; cohort + k <= LastIndex; k++)
        {
            int month = cohort + k;
            starting[c, k] += converter.Convert(first, series.Currency, month);
            if (next < series.End && series.Months[next] == month)
            {
                current[c, k] += converter.Convert(series.Amount(next), series.Currency, month);
                customers[c, k]++;
                next++;
            }
        }
    }

    private IEnumerable<AccountSeries> InIdOrder() => _accounts.OrderBy(a => a.Account);
}
