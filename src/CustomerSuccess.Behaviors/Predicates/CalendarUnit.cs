namespace CustomerSuccess.Behaviors;

/// <summary>A calendar period in the evaluation's time zone. Weeks start on Monday (ISO 8601).</summary>
public enum CalendarUnit
{
    /// <summary>A calendar week, Monday 00:00 to the next Monday 00:00 local time.</summary>
    Week = 1,

    /// <summary>A calendar month, the 1st 00:00 to the next 1st 00:00 local time.</summary>
    Month = 2,
}
