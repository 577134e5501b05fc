using System.Collections.Generic;

namespace CustomerSuccess.Revenue;

// The visitors that walk an account's months: movement sums (decimal and whole units) and the movement list.
public sealed partial class MrrHistory
{
    // The hot path for accounts billed in the reporting currency: the same movements as MovementAccumulator, added as
    // whole units in 64-bit integers (checked: an overflow throws rather than wraps).
    private readonly struct UnitMovementAccumulator(int from, int monthCount, int groupCount) : ITransitionVisitor
    {
        private readonly UnitSums[] _sums = new UnitSums[groupCount * monthCount];

        public void Continued(int month, AccountSeries series, int before, int after)
        {
            ref UnitSums s = ref _sums[(series.Group(before) * monthCount) + month - from - 1];
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
            ref UnitSums s = ref _sums[(series.Group(after) * monthCount) + month - from - 1];
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
            ref UnitSums s = ref _sums[(series.Group(before) * monthCount) + month - from - 1];
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
            ref MrrFigureSums s = ref Sums[(series.Group(before) * monthCount) + month - from - 1];
            decimal previous = series.Amount(before);
            decimal amount = series.Amount(after);
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
            ref MrrFigureSums s = ref Sums[(series.Group(after) * monthCount) + month - from - 1];
            decimal closing = converter.Convert(series.Amount(after), series.Currency, month);
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
            ref MrrFigureSums s = ref Sums[(series.Group(before) * monthCount) + month - from - 1];
            decimal previous = series.Amount(before);
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
            decimal previous = series.Amount(before);
            decimal amount = series.Amount(after);
            if (amount != previous)
            {
                Add(month, series, amount > previous ? MrrMovementKind.Expansion : MrrMovementKind.Contraction, previous, amount);
            }
        }

        public void Started(int month, AccountSeries series, int after, bool reactivated) =>
            Add(month, series, reactivated ? MrrMovementKind.Reactivation : MrrMovementKind.New, 0m, series.Amount(after));

        public void Stopped(int month, AccountSeries series, int before) =>
            Add(month, series, MrrMovementKind.Churn, series.Amount(before), 0m);

        private void Add(int month, AccountSeries series, MrrMovementKind kind, decimal before, decimal after) =>
            Movements.Add(new AccountMovement(series.Account, MonthIndex.ToMonth(month), kind, new Money(before, series.Currency), new Money(after, series.Currency)));
    }
}
