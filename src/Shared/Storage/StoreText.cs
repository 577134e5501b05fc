using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess;

/// <summary>
/// How the stores write instants, dates and enumerations as text: fixed-width ISO forms, so that text order is time
/// order in any engine and a row reads the same in the sqlite3 shell or psql; and dates as a number of days since
/// 1970-01-01 where a number serves (a snapshot's record and period). Compiled into each storage package.
/// </summary>
internal static class StoreText
{
    // Nine fraction digits always: fixed width, so that comparing the text compares the instants.
    private static readonly InstantPattern InstantForm = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");
    private static readonly LocalDatePattern DateForm = LocalDatePattern.Iso;
    private static readonly LocalDate Epoch = new(1970, 1, 1);
    private static readonly int MinDays = Days(LocalDate.MinIsoValue), MaxDays = Days(LocalDate.MaxIsoValue);

    public static string Instant(Instant instant) => InstantForm.Format(instant);

    public static Instant Instant(string text) => InstantForm.Parse(text).GetValueOrThrow();

    public static Instant? NullableInstant(object value) => value is string s ? Instant(s) : null;

    public static string Date(LocalDate date) => DateForm.Format(date);

    public static int Days(LocalDate date) => Period.DaysBetween(Epoch, date);

    /// <exception cref="FormatException">The days are outside the dates there are.</exception>
    public static LocalDate FromDays(int days) =>
        days >= MinDays && days <= MaxDays ? Epoch.PlusDays(days) : throw new FormatException($"{days} days from 1970-01-01 is not a date.");

    public static LocalDate Date(string text) => DateForm.Parse(text).GetValueOrThrow();

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);
}
