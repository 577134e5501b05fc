using System;
using System.Globalization;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Reads amounts as exact decimals: <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>
/// rounds a number with more significant digits than a decimal holds (about 28) without a word; here such a number is
/// refused, so that no amount is ever read as something other than what the file says.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>Parses <c>[-]digits[.digits]</c> exactly; false when it is not such a number or a decimal cannot hold it exactly.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) =>
        TryParsePlain(text, out value)
        || (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && IsExact(text, value));

    /// <summary>
    /// The common case by hand: unsigned <c>digits[.digits]</c> of at most 18 digits, so the digits fit a long and the
    /// decimal is built from them and the scale, the same bits as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>
    /// gives (a property test holds them to it). Every event and MRR row holds an amount; the general parser was a tenth of
    /// reading them.
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<char> text, out decimal value)
    {
        long digits = 0;
        int count = 0, point = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c) && count < 18)
            {
                digits = (digits * 10) + (c - '0');
                count++;
            }
            else if (c == '.' && point < 0 && i > 0 && i < text.Length - 1)
            {
                point = i;
            }
            else
            {
                value = default;
                return false;
            }
        }

        if (count == 0)
        {
            value = default;
            return false;
        }

        byte scale = (byte)(point < 0 ? 0 : text.Length - point - 1);
        value = new decimal(unchecked((int)digits), unchecked((int)(digits >> 32)), 0, isNegative: false, scale);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is exactly the number <paramref name="text"/> writes (leading and trailing zeros aside).</summary>
    public static bool IsExact(ReadOnlySpan<char> text, decimal value)
    {
        // A decimal holds every number of up to 28 significant digits exactly: the common case needs no comparison.
        if (text.Length <= 28)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[64];
        if (!value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        Split(text, out bool negative, out ReadOnlySpan<char> whole, out ReadOnlySpan<char> fraction);
        Split(buffer[..written], out bool parsedNegative, out ReadOnlySpan<char> parsedWhole, out ReadOnlySpan<char> parsedFraction);
        return negative == parsedNegative && whole.SequenceEqual(parsedWhole) && fraction.SequenceEqual(parsedFraction);
    }

    // The sign (minus only for a non-zero number) and the significant digits either side of the point.
    private static void Split(ReadOnlySpan<char> text, out bool negative, out ReadOnlySpan<char> whole, out ReadOnlySpan<char> fraction)
    {
        text = text.Trim();
        negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        int point = text.IndexOf('.');
        whole = (point < 0 ? text : text[..point]).TrimStart('0');
        fraction = point < 0 ? [] : text[(point + 1)..].TrimEnd('0');
        negative &= whole.Length > 0 || fraction.Length > 0;
    }
}
