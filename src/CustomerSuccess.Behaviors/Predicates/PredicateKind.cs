namespace CustomerSuccess.Behaviors;

/// <summary>The kinds of <see cref="BehaviorPredicate"/>.</summary>
public enum PredicateKind
{
    /// <summary>An aggregate compared with a threshold: <c>count(support_case_opened, last 7d) &gt;= 5</c>.</summary>
    Compare = 1,

    /// <summary>Done at least once in a window: <c>performed(login, last 30d)</c>.</summary>
    Performed = 2,

    /// <summary>Not done in a window ("no signal is the worst signal"): <c>absent(login, last 30d)</c>.</summary>
    Absent = 3,

    /// <summary>Done in each of the last N complete calendar periods: <c>every(run_report, 4 weeks)</c>.</summary>
    Every = 4,

    /// <summary>Done in the earlier window but not in the recent one: <c>stopped(login, last 30d, last 30d offset 30d)</c>.</summary>
    Stopped = 5,

    /// <summary>Done in the recent window, not in the earlier one, but at some time before it: <c>started_again(login, last 7d, last 30d offset 7d)</c>.</summary>
    StartedAgain = 6,

    /// <summary>Done in the window and never before it: <c>first_time(export, last 7d)</c>.</summary>
    FirstTime = 7,

    /// <summary>The first event of the account (or, inside <c>users</c>, of the user) falls in the window: <c>first_seen(last 30d)</c>.</summary>
    FirstSeen = 8,

    /// <summary>At least N of the predicates hold: <c>at_least(2, performed(a, last 30d), performed(b, last 30d), ...)</c>.</summary>
    AtLeast = 9,

    /// <summary>Any, all or at least N of the users first seen in a window satisfy a predicate judged over their own events: <c>users(any, last 30d, count(page_view, first 7d) &lt; 3)</c>.</summary>
    Users = 10,

    /// <summary>All hold.</summary>
    And = 11,

    /// <summary>Any holds.</summary>
    Or = 12,

    /// <summary>Does not hold.</summary>
    Not = 13,
}
