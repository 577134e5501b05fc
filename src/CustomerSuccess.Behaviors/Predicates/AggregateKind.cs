namespace CustomerSuccess.Behaviors;

/// <summary>The kinds of <see cref="BehaviorAggregate"/>.</summary>
public enum AggregateKind
{
    /// <summary>How many events: <c>count(e, w)</c>.</summary>
    Count = 1,

    /// <summary>The sum of their values: <c>sum(e, w)</c>.</summary>
    Sum = 2,

    /// <summary>How many distinct users did it: <c>distinct_users(e, w)</c>.</summary>
    DistinctUsers = 3,

    /// <summary>On how many distinct local days: <c>distinct_days(e, w)</c>.</summary>
    DistinctDays = 4,

    /// <summary>The instant of the first event in the window: <c>first(e, w)</c>.</summary>
    First = 5,

    /// <summary>The instant of the last event in the window: <c>last(e, w)</c>.</summary>
    Last = 6,

    /// <summary>The time from the last event to the as-of instant: <c>since_last(e)</c>.</summary>
    SinceLast = 7,

    /// <summary>The fractional change of an aggregate against a baseline window: <c>change(count(e, last 30d), last 30d offset 30d)</c>.</summary>
    Change = 8,

    /// <summary>A number the caller supplies about the account's state: <c>fact(days_past_due)</c>.</summary>
    Fact = 9,

    /// <summary>The value of the last event in the window, such as the latest NPS answer: <c>last_value(nps_response, last 180d)</c>.</summary>
    LastValue = 10,

    /// <summary>One number over another, as a fraction: <c>ratio(distinct_users(login, last 30d), fact(licences)) &gt; 80%</c>.</summary>
    Ratio = 11,
}
