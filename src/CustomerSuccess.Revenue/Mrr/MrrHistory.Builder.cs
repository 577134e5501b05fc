using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Revenue;

// The builder: rows in any order in, one history out.
public sealed partial class MrrHistory
{
    /// <summary>
    /// Collects snapshot rows into an <see cref="MrrHistory"/>: the partial result of one pass over rows in any order.
    /// Builds once. Not thread-safe; give each thread its own builder and <see cref="Merge"/> the histories.
    /// </summary>
    public sealed class Builder
    {
        private readonly MrrOptions _options;
        private readonly Dictionary<AccountId, int> _accountIndex = [];
        private readonly List<AccountId> _accountIds = [];
        // Each account's currency as an index into the few currencies seen: 4 bytes an account, not a Currency's 16.
        private readonly List<int> _currencyOf = [];
        private readonly List<Currency> _currencies = [];
        private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
        private readonly List<string> _groupNames = [];
        // Rows that come account by account (an export's order) need no account column: each account's first row says it.
        // The column is made when a row returns to an earlier account.
        private readonly List<int> _firstRows = [];
        private int[]? _rowAccounts;
        private int[] _rowMonths = new int[1024];
        private readonly MrrAmounts _rowAmounts = new(1024);
        private int[]? _rowGroups; // made when a row names a second group: until then every row is in the first
        private int _count;
        private int _lastAccount = -1;
        private string? _lastGroup;
        private int _lastGroupId;
        private bool _grouped = true;
        private bool _built; // Build moved the rows into the history

        /// <summary>Starts an empty history.</summary>
        /// <param name="options">Definitional choices and currency settings; the defaults when <see langword="null"/>.</param>
        /// <exception cref="CustomerSuccessValidationException">An option is invalid; the exception lists every one, by name.</exception>
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
            ThrowIfBuilt(); // before anything changes: finding the account adds it
            if (row.Account.IsDefault)
            {
                throw new ArgumentException("default(MrrRow) is not a snapshot; create rows with the MrrRow constructor.", nameof(row));
            }

            // Rows usually come grouped by account (the usual export order): then the account is the previous row's.
            int account = _lastAccount >= 0 && _accountIds[_lastAccount] == row.Account ? _lastAccount : AccountIndex(row.Account, row.Mrr.Currency);
            if (_currencies[_currencyOf[account]] != row.Mrr.Currency)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Account '{row.Account}' is billed in {_currencies[_currencyOf[account]]}, but its row for {row.Month:uuuu'-'MM} is in {row.Mrr.Currency}; an account's MRR must be in one currency."),
                    nameof(row));
            }

            string group = row.Group;
            int groupId = ReferenceEquals(group, _lastGroup) ? _lastGroupId : GroupId(group);
            if (_count == _rowMonths.Length)
            {
                Grow();
            }

            if (_rowAccounts is not null)
            {
                _rowAccounts[_count] = account;
            }

            _rowMonths[_count] = MonthIndex.Of(row.Month);
            _rowAmounts[_count] = row.Mrr.Amount;
            if (groupId != 0 || _rowGroups is not null)
            {
                _rowGroups ??= new int[_rowMonths.Length];
                _rowGroups[_count] = groupId;
            }

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
            (int[] months, MrrAmounts amounts, int[]? groupIds, int[] starts) = AccountContiguous(remap);

            // Each account's rows move down to `write` as they are normalised; its new start replaces its old one, which is
            // read for the last time here, so afterwards account a's rows are starts[a] to starts[a + 1].
            int write = 0;
            int account = 0;
            try
            {
                for (; account < _accountIds.Count; account++)
                {
                    int start = write;
                    write = Normalise(account, months, amounts, groupIds, starts[account], starts[account + 1], write, groups);
                    starts[account] = start;
                }

                starts[_accountIds.Count] = write;
            }
            catch (OverflowException)
            {
                // Only rows of one account and month are added here: name them (a try inside Normalise's loop would slow it).
                throw new OverflowException($"The MRR rows for {Where(account, OverflowingMonth(months, amounts, starts[account], starts[account + 1]))} add up to more than {Overflows.Limit}.");
            }

            // The builder's account index becomes the history's, renumbered in place and without the accounts whose rows
            // were all dropped, so the build never holds two (7 MB for 250,000 accounts, at the peak of a large file).
            var columns = new MrrColumns(months, amounts, groupIds, write, _options.ReportingCurrency);
            var accounts = new AccountSeries[_accountIds.Count];
            Dictionary<AccountId, int> index = _accountIndex;
            int kept = 0;
            for (int a = 0; a < _accountIds.Count; a++)
            {
                if (starts[a + 1] > starts[a])
                {
                    index[_accountIds[a]] = kept;
                    accounts[kept++] = new AccountSeries(_accountIds[a], _currencies[_currencyOf[a]], columns, starts[a], starts[a + 1]);
                }
                else
                {
                    index.Remove(_accountIds[a]);
                }
            }

            Array.Resize(ref accounts, kept);
            return new MrrHistory(accounts, index, groups, _options);
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
                int currencyIndex = _currencies.IndexOf(currency);
                if (currencyIndex < 0)
                {
                    currencyIndex = _currencies.Count;
                    _currencies.Add(currency);
                }

                _currencyOf.Add(currencyIndex);
                _firstRows.Add(_count);
            }
            else if (index != _lastAccount && _grouped)
            {
                _grouped = false; // the account's rows are not contiguous
                _rowAccounts = new int[_rowMonths.Length];
                for (int a = 0; a < _firstRows.Count; a++)
                {
                    _rowAccounts.AsSpan(_firstRows[a], (a + 1 < _firstRows.Count ? _firstRows[a + 1] : _count) - _firstRows[a]).Fill(a);
                }
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
            if (_rowAccounts is not null)
            {
                Array.Resize(ref _rowAccounts, size);
            }

            Array.Resize(ref _rowMonths, size);
            _rowAmounts.Resize(size);
            if (_rowGroups is not null)
            {
                Array.Resize(ref _rowGroups, size);
            }
        }

        // Copies the rows into new columns with each account's rows contiguous (in first-seen order): a counting sort,
        // skipped when the rows already came grouped by account.
        private (int[] Months, MrrAmounts Amounts, int[]? Groups, int[] Starts) AccountContiguous(int[] remap)
        {
            int accounts = _accountIds.Count;
            var starts = new int[accounts + 1];
            if (_rowAccounts is null)
            {
                _firstRows.CopyTo(starts);
                starts[accounts] = _count;
            }
            else
            {
                for (int i = 0; i < _count; i++)
                {
                    starts[_rowAccounts[i] + 1]++;
                }

                for (int a = 0; a < accounts; a++)
                {
                    starts[a + 1] += starts[a];
                }
            }

            if (_grouped)
            {
                // Already account by account: the history takes the builder's columns as they are, so a grouped export is
                // read without a second copy. Nothing writes to them afterwards: a built builder refuses Add and Build.
                for (int i = 0; _rowGroups is not null && i < _count; i++)
                {
                    _rowGroups[i] = remap[_rowGroups[i]];
                }

                return (_rowMonths, _rowAmounts, _rowGroups, starts);
            }

            var months = new int[_count];
            var amounts = new MrrAmounts(_count);
            int[]? groups = _rowGroups is null ? null : new int[_count];

            var next = (int[])starts.Clone();
            for (int i = 0; i < _count; i++)
            {
                int to = next[_rowAccounts![i]]++;
                months[to] = _rowMonths[i];
                amounts[to] = _rowAmounts[i];
                if (groups is not null)
                {
                    groups[to] = remap[_rowGroups![i]];
                }
            }

            return (months, amounts, groups, starts);
        }

        // Sorts one account's rows by month, merges rows of the same month, drops $0 rows unless they keep the customer,
        // and writes the result at `write` (never after the rows it reads). Returns the new write position.
        private int Normalise(int account, int[] months, MrrAmounts amounts, int[]? groups, int start, int end, int write, string[] groupNames)
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
                int group = groups is null ? 0 : groups[i];
                bool summed = false;
                while (i + 1 < end && months[i + 1] == month)
                {
                    i++;
                    if (_options.DuplicateRows == DuplicateRowPolicy.Reject)
                    {
                        throw new ArgumentException($"Two MRR rows for {Where(account, month)}; duplicates are rejected (MrrOptions.DuplicateRows).");
                    }

                    if (groups is not null && groups[i] != group)
                    {
                        throw new ArgumentException($"Two MRR rows for {Where(account, month)} name different groups ('{groupNames[group]}' and '{groupNames[groups[i]]}').");
                    }

                    amount += amounts[i];
                    summed = true;
                }

                // Under the default policy a $0 row is no row: the account is not a customer that month.
                if (amount > 0m || keepZero)
                {
                    months[write] = month;
                    if (summed)
                    {
                        amounts[write] = amount;
                    }
                    else if (write != i)
                    {
                        amounts.Move(i, write);
                    }

                    if (groups is not null)
                    {
                        groups[write] = group;
                    }

                    write++;
                }
            }

            return write > first ? write : first;
        }

        private string Where(int account, int month) =>
            string.Create(CultureInfo.InvariantCulture, $"account '{_accountIds[account]}' in {MonthIndex.ToMonth(month):uuuu'-'MM}");

        // The month whose rows, added up, overflow (the rows are sorted by month when Normalise adds them).
        private static int OverflowingMonth(int[] months, MrrAmounts amounts, int start, int end)
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

        private static void SortByMonth(int[] months, MrrAmounts amounts, int[]? groups, int start, int end)
        {
            if (end - start > 64)
            {
                // Many subscriptions or years of rows: sort by key, then apply the order to the other columns.
                int[] order = Enumerable.Range(start, end - start).ToArray();
                int[] keys = months.AsSpan(start, end - start).ToArray();
                Array.Sort(keys, order);
                decimal[] sortedAmounts = Array.ConvertAll(order, i => amounts[i]);
                int[]? sortedGroups = groups is null ? null : Array.ConvertAll(order, i => groups[i]);
                keys.CopyTo(months, start);
                for (int k = 0; k < sortedAmounts.Length; k++)
                {
                    amounts[start + k] = sortedAmounts[k];
                }

                sortedGroups?.CopyTo(groups!, start);
                return;
            }

            // An account has a few dozen rows as a rule: an in-place insertion sort beats allocating for Array.Sort.
            for (int i = start + 1; i < end; i++)
            {
                int month = months[i];
                decimal amount = amounts[i];
                int group = groups is null ? 0 : groups[i];
                int j = i - 1;
                while (j >= start && months[j] > month)
                {
                    months[j + 1] = months[j];
                    amounts.Move(j, j + 1);
                    if (groups is not null)
                    {
                        groups[j + 1] = groups[j];
                    }

                    j--;
                }

                months[j + 1] = month;
                amounts[j + 1] = amount;
                if (groups is not null)
                {
                    groups[j + 1] = group;
                }
            }
        }
    }
}
