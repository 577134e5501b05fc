using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Revenue;

// Overflow is rare and never on the hot path: the computations run unguarded and, when a sum overflows, the walk is
// repeated with a tracer to name the account and month that tipped it.
public sealed partial class MrrHistory
{
    private OverflowException MovementsOverflow(int f, int t)
    {
        // First by group, as the report adds up; then, when every group's sums fit, into one total, which is what overflowed.
        if (FirstOverflow(f, t, _accounts, _groups.Length) is { } inGroups)
        {
            return inGroups;
        }

        var ungrouped = new Dictionary<MrrColumns, MrrColumns>(ReferenceEqualityComparer.Instance);
        AccountSeries[] total = _accounts.Select(a => new AccountSeries(a.Account, a.Currency, OneGroup(a.Columns, ungrouped), a.Start, a.End)).ToArray();
        return FirstOverflow(f, t, total, 1)
            ?? new OverflowException(string.Create(
                CultureInfo.InvariantCulture,
                $"The MRR movements from {MonthIndex.ToMonth(f):uuuu'-'MM} to {MonthIndex.ToMonth(t):uuuu'-'MM} add up to more than {Overflows.Limit}."));
    }

    private OverflowException? FirstOverflow(int f, int t, AccountSeries[] accounts, int groups)
    {
        var money = new Tracing<MovementAccumulator>(new MovementAccumulator(f, t - f, groups, new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates)));
        var units = new Tracing<UnitMovementAccumulator>(new UnitMovementAccumulator(f, t - f, groups));
        AccountSeries? walking = null;
        try
        {
            Walk(accounts, f, t, ref money, ref units, ref walking);
            return null;
        }
        catch (OverflowException)
        {
            return Overflow(walking, walking!.HasUnits ? units.Month : money.Month, "the MRR movements");
        }
    }

    // The same columns with every row in group 0, so that a walk adds everything into one total.
    private static MrrColumns OneGroup(MrrColumns columns, Dictionary<MrrColumns, MrrColumns> done)
    {
        if (!done.TryGetValue(columns, out MrrColumns? single))
        {
            single = columns.WithoutGroups();
            done.Add(columns, single);
        }

        return single;
    }

    private static OverflowException Overflow(AccountSeries? account, int month, string what) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"Computing {what}, account '{account?.Account}' in {MonthIndex.ToMonth(month):uuuu'-'MM} takes a sum or conversion past {Overflows.Limit}."));

    // Remembers the month of the transition being visited, so that an overflow can be placed.
    private struct Tracing<TVisitor>(TVisitor inner) : ITransitionVisitor
        where TVisitor : struct, ITransitionVisitor
    {
        private TVisitor _inner = inner;

        public int Month { get; private set; }

        public void Continued(int month, AccountSeries series, int before, int after)
        {
            Month = month;
            _inner.Continued(month, series, before, after);
        }

        public void Started(int month, AccountSeries series, int after, bool reactivated)
        {
            Month = month;
            _inner.Started(month, series, after, reactivated);
        }

        public void Stopped(int month, AccountSeries series, int before)
        {
            Month = month;
            _inner.Stopped(month, series, before);
        }
    }
}

/// <summary>How the revenue calculators word an overflow.</summary>
internal static class Overflows
{
    /// <summary>The largest amount a <see cref="decimal"/> holds, in words.</summary>
    public const string Limit = "the largest amount a decimal holds (about 7.9e28)";
}
