using System;
using System.Globalization;

namespace CustomerSuccess.Revenue;

// Overflow is rare and never on the hot path: the computations run unguarded and, when a sum overflows, the walk is
// repeated with a tracer to name the account and month that tipped it.
public sealed partial class MrrHistory
{
    private OverflowException MovementsOverflow(int f, int t)
    {
        var money = new Tracing<MovementAccumulator>(new MovementAccumulator(f, t - f, _groups.Length, new CurrencyConverter(_options.ReportingCurrency, _options.ExchangeRates)));
        var units = new Tracing<UnitMovementAccumulator>(new UnitMovementAccumulator(f, t - f, _groups.Length));
        foreach (AccountSeries series in _accounts)
        {
            if (series.LastMonth < f || series.FirstMonth > t)
            {
                continue;
            }

            try
            {
                if (series.HasUnits)
                {
                    series.Walk(f, t, ref units);
                }
                else
                {
                    series.Walk(f, t, ref money);
                }
            }
            catch (OverflowException)
            {
                return Overflow(series, series.HasUnits ? units.Month : money.Month, "the MRR movements");
            }
        }

        // Each group's sums fit, so their total over groups is what overflowed.
        return new OverflowException(string.Create(
            CultureInfo.InvariantCulture,
            $"The MRR movements from {MonthIndex.ToMonth(f):uuuu'-'MM} to {MonthIndex.ToMonth(t):uuuu'-'MM} add up, over all groups, to more than {Overflows.Limit}."));
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
