using NodaTime;

namespace CustomerSuccess.Revenue;

/// <summary>Months as consecutive integers, so that "the month before" and month ranges are integer arithmetic.</summary>
internal static class MonthIndex
{
    public static int Of(YearMonth month) => (month.Year * 12) + month.Month - 1;

    public static YearMonth ToMonth(int index) => new(index / 12, (index % 12) + 1);
}
