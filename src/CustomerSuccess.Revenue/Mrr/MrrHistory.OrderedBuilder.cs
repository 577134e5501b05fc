using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerSuccess.Revenue;

// A history from months that arrive already in the history's shape: account after account, months ascending.
public sealed partial class MrrHistory
{
    /// <summary>
    /// Builds a history from ungrouped accounts that arrive one after another, each once, with consecutive months' amounts:
    /// what a subscription book gives. Nothing to look up, sort or merge, so the rows go straight into the history's columns
    /// (the general <see cref="Builder"/> takes rows in any order and pays for it).
    /// </summary>
    internal sealed class OrderedBuilder
    {
        private readonly MrrOptions _options;
        private readonly List<AccountId> _ids = [];
        private readonly List<Currency> _currencies = [];
        private readonly List<int> _ends = [];
        private int[] _months;
        private readonly MrrAmounts _amounts;
        private int _count;

        /// <summary>Starts an empty history with room for <paramref name="rows"/> rows before it grows.</summary>
        public OrderedBuilder(MrrOptions? options, int rows)
        {
            _options = (options ?? new MrrOptions()).Snapshot();
            // Only the first Count entries are ever read: the rest need no clearing.
            _months = GC.AllocateUninitializedArray<int>(Math.Max(rows, 16));
            _amounts = new MrrAmounts(_months.Length);
        }

        /// <summary>
        /// Adds an account's MRR for consecutive months from one month index, skipping months of 0: a book has rows only
        /// for MRR above 0, whatever <see cref="MrrOptions.ZeroMrr"/> says, so that its history is the one its rows give.
        /// Amounts are zero or more. Each account is added once, in any order of accounts.
        /// </summary>
        /// <exception cref="ArgumentException">The account was added just before (in another currency: an account's MRR is in one).</exception>
        public void Add(AccountId account, Currency currency, int firstMonth, ReadOnlySpan<decimal> amounts)
        {
            if (_ids.Count > 0 && _ids[^1] == account)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Account '{account}' is billed in {_currencies[^1]} and in {currency}; an account's MRR must be in one currency."),
                    nameof(currency));
            }

            int first = 0, last = amounts.Length - 1;
            while (first <= last && amounts[first] <= 0m)
            {
                first++;
            }

            if (first > last)
            {
                return;
            }

            while (amounts[last] <= 0m)
            {
                last--;
            }

            for (int k = first; k <= last; k++)
            {
                if (amounts[k] > 0m)
                {
                    if (_count == _months.Length)
                    {
                        _months = Columns.Grown(_months, _count, checked(_months.Length * 2));
                        _amounts.Resize(_months.Length);
                    }

                    _months[_count] = firstMonth + k;
                    _amounts[_count] = amounts[k];
                    _count++;
                }
            }

            _ids.Add(account);
            _currencies.Add(currency);
            _ends.Add(_count);
        }

        /// <summary>Builds the history; the columns move into it.</summary>
        public MrrHistory Build()
        {
            var columns = new MrrColumns(_months, _amounts, null, _count, _options.ReportingCurrency);
            var accounts = new AccountSeries[_ids.Count];
            int start = 0;
            for (int a = 0; a < accounts.Length; a++)
            {
                accounts[a] = new AccountSeries(_ids[a], _currencies[a], columns, start, _ends[a]);
                start = _ends[a];
            }

            return new MrrHistory(accounts, null, [string.Empty], _options);
        }
    }
}
