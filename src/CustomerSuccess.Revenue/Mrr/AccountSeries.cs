using System;

namespace CustomerSuccess.Revenue;

/// <summary>
/// One account's MRR history: a slice [<see cref="Start"/>, <see cref="End"/>) of the history's shared columns, months
/// ascending and unique, only months in which the account was a customer. Positions given to visitors index the columns.
/// </summary>
internal sealed class AccountSeries(AccountId account, Currency currency, MrrColumns columns, int start, int end)
{
    public AccountId Account { get; } = account;

    public Currency Currency { get; } = currency;

    public MrrColumns Columns { get; } = columns;

    public int Start { get; } = start;

    public int End { get; } = end;

    public int[] Months => Columns.Months;

    /// <summary>The amount of a row of the columns (a position given to visitors).</summary>
    public decimal Amount(int row) => Columns.Amount(row);

    /// <summary>The group of a row of the columns.</summary>
    public int Group(int row) => Columns.Group(row);

    /// <summary>Gets a value indicating whether the amounts are also held as whole units (<see cref="MrrColumns.Units"/>).</summary>
    public bool HasUnits => Columns.Units is not null && Currency == Columns.UnitCurrency;

    public int FirstMonth => Columns.Months[Start];

    public int LastMonth => Columns.Months[End - 1];

    /// <summary>Returns the position of a month, or the bitwise complement of the position of the first later month.</summary>
    public int Find(int month)
    {
        int found = Array.BinarySearch(Columns.Months, Start, End - Start, month);
        return found;
    }

    /// <summary>
    /// Walks the account's month-to-month transitions whose month lies in (<paramref name="from"/>, <paramref name="to"/>]:
    /// every month in which the account continued, started (new or reactivated) or stopped (churned).
    /// </summary>
    public void Walk<TVisitor>(int from, int to, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor
    {
        int[] months = Columns.Months;
        bool present = false;
        int previous = 0;
        for (int i = Start; i < End; i++)
        {
            int month = months[i];
            if (month > to)
            {
                if (present && previous + 1 <= to && previous + 1 > from)
                {
                    visitor.Stopped(previous + 1, this, i - 1);
                }

                return;
            }

            if (present && month == previous + 1)
            {
                if (month > from)
                {
                    visitor.Continued(month, this, i - 1, i);
                }
            }
            else
            {
                if (present && previous + 1 > from)
                {
                    visitor.Stopped(previous + 1, this, i - 1);
                }

                if (month > from)
                {
                    // Paid in some earlier month: a reactivation, not new business.
                    visitor.Started(month, this, i, reactivated: i > Start);
                }
            }

            present = true;
            previous = month;
        }

        if (present && previous + 1 <= to && previous + 1 > from)
        {
            visitor.Stopped(previous + 1, this, End - 1);
        }
    }
}

/// <summary>Receives an account's transitions from <see cref="AccountSeries.Walk"/>; positions index the series' columns.</summary>
internal interface ITransitionVisitor
{
    /// <summary>The account was a customer in the month before and in <paramref name="month"/>.</summary>
    void Continued(int month, AccountSeries series, int before, int after);

    /// <summary>The account became a customer in <paramref name="month"/>.</summary>
    void Started(int month, AccountSeries series, int after, bool reactivated);

    /// <summary>The account was a customer in the month before and is not in <paramref name="month"/>.</summary>
    void Stopped(int month, AccountSeries series, int before);
}
