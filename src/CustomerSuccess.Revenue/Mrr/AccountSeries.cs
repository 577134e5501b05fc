using System;

namespace CustomerSuccess.Revenue;

/// <summary>One account's MRR history: months in ascending order, each once, with its amount and group.</summary>
internal sealed class AccountSeries(AccountId account, Currency currency, int[] months, decimal[] amounts, int[] groups)
{
    public AccountId Account { get; } = account;

    public Currency Currency { get; } = currency;

    /// <summary>Month indexes (<see cref="MonthIndex"/>), ascending, unique; only months where the account is a customer.</summary>
    public int[] Months { get; } = months;

    public decimal[] Amounts { get; } = amounts;

    /// <summary>Group ids into the history's group table.</summary>
    public int[] Groups { get; } = groups;

    /// <summary>Returns the position of a month, or a negative number when the account was not a customer then.</summary>
    public int Find(int month) => Array.BinarySearch(Months, month);

    /// <summary>
    /// Walks the account's month-to-month transitions whose month lies in (<paramref name="from"/>, <paramref name="to"/>]:
    /// every month in which the account continued, started (new or reactivated) or stopped (churned).
    /// </summary>
    public void Walk<TVisitor>(int from, int to, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor
    {
        int[] months = Months;
        bool present = false;
        int previous = 0;
        for (int i = 0; i < months.Length; i++)
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
                    visitor.Started(month, this, i, reactivated: i > 0);
                }
            }

            present = true;
            previous = month;
        }

        if (present && previous + 1 <= to && previous + 1 > from)
        {
            visitor.Stopped(previous + 1, this, months.Length - 1);
        }
    }
}

/// <summary>Receives an account's transitions from <see cref="AccountSeries.Walk"/>; positions index the series' arrays.</summary>
internal interface ITransitionVisitor
{
    /// <summary>The account was a customer in the month before and in <paramref name="month"/>.</summary>
    void Continued(int month, AccountSeries series, int before, int after);

    /// <summary>The account became a customer in <paramref name="month"/>.</summary>
    void Started(int month, AccountSeries series, int after, bool reactivated);

    /// <summary>The account was a customer in the month before and is not in <paramref name="month"/>.</summary>
    void Stopped(int month, AccountSeries series, int before);
}
