using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess;

/// <summary>
/// How the stores write instants, dates and enumerations as text: fixed-width ISO forms, so that text order is time
/// order in any engine and a row reads the same in the sqlite3 shell or psql. Compiled into each storage package.
/// </summary>
internal static class StoreText
{
    // Nine fraction digits always: fixed width, so that comparing the text compares the instants.
    private static readonly InstantPattern InstantForm = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");
    private static readonly LocalDatePattern DateForm = LocalDatePattern.Iso;

    public static string Instant(Instant instant) => InstantForm.Format(instant);

    public static Instant Instant(string text) => InstantForm.Parse(text).GetValueOrThrow();

    public static Instant? NullableInstant(object value) => value is string s ? Instant(s) : null;

    public static string Date(LocalDate date) => DateForm.Format(date);

    public static LocalDate Date(string text) => DateForm.Parse(text).GetValueOrThrow();

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);
}
