using System;
using System.Globalization;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// How many events of one account, name and user were compacted away, and the sum of their values: the running sums a
/// live evaluator keeps in place of events that only whole-history counts and sums can still read
/// (<see cref="EventCompactor"/>). An <see cref="EventStore"/> built with tallies counts them in every window that reaches
/// back before the series' first kept event.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="Name">The event name.</param>
/// <param name="UserId">The user who did them, or <see langword="null"/> for events without a user.</param>
/// <param name="Count">How many events (at least 1).</param>
/// <param name="Sum">The sum of their values, exact to four decimal places.</param>
public readonly record struct EventTally(AccountId Account, string Name, string? UserId, long Count, decimal Sum)
{
    internal string? Problem()
    {
        if (Account.Value is null)
        {
            return "it has no account";
        }

        if (string.IsNullOrEmpty(Name))
        {
            return "it has no event name";
        }

        if (Count < 1)
        {
            return "its count is below 1";
        }

        if (Math.Abs(Sum) > long.MaxValue / EventValues.Scale)
        {
            return "its sum is beyond what a running sum holds exactly";
        }

        return decimal.Round(Sum, EventValues.Decimals) != Sum ? string.Create(CultureInfo.InvariantCulture, $"its sum {Sum} has more than {EventValues.Decimals} decimal places") : null;
    }
}
