using System;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Instants as NodaTime's extended ISO pattern reads them (<c>2026-11-17T09:30:00Z</c>, fractions of a second allowed).
/// The form exports write on every row, whole seconds in UTC, is read by hand from the field's span: the pattern needs a
/// string and takes most of the time of reading an event. Anything else goes to the pattern, so both accept and refuse
/// the same text (a property test holds them together).
/// </summary>
internal static class IsoInstant
{
    public static bool TryParse(ReadOnlySpan<char> text, out Instant instant)
    {
        if (text.Length == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z'
            && Digits(text.Slice(0, 4), out int year) && Digits(text.Slice(5, 2), out int month) && Digits(text.Slice(8, 2), out int day)
            && Digits(text.Slice(11, 2), out int hour) && Digits(text.Slice(14, 2), out int minute) && Digits(text.Slice(17, 2), out int second)
            && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
        {
            instant = Instant.FromUtc(year, month, day, hour, minute, second);
            return true;
        }

        ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(text.ToString());
        instant = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
