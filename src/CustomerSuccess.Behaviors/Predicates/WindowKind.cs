namespace CustomerSuccess.Behaviors;

/// <summary>The kinds of <see cref="BehaviorWindow"/>.</summary>
public enum WindowKind
{
    /// <summary>Everything up to the as-of instant.</summary>
    Ever = 1,

    /// <summary>A length ending at (or an offset before) the as-of instant.</summary>
    Last = 2,

    /// <summary>Between two instants.</summary>
    Between = 3,

    /// <summary>Since the latest anchor event.</summary>
    Since = 4,

    /// <summary>One calendar period: the current one or one before it.</summary>
    CalendarPeriod = 5,

    /// <summary>Several complete calendar periods before the current one.</summary>
    PastPeriods = 6,

    /// <summary>The first days after the first event.</summary>
    First = 7,
}
