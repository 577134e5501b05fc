using System;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Cli.Csv;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The hand-read plain amount against <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>, bit for bit.</summary>
public class ExactDecimalTests
{
    private static (bool, string) Reference(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value)
            ? (true, Bits(value)) : (false, string.Empty);

    private static string Bits(decimal value) => string.Join(',', decimal.GetBits(value));

    [Property(MaxTest = 2000)]
    public void AnyPlainAmount_ReadsAsDecimalReadsIt_ScaleAndAll(NonNegativeInt whole, NonNegativeInt fraction, byte zeros, bool withPoint)
    {
        string text = withPoint ? $"{whole.Get}.{fraction.Get}{new string('0', zeros % 6)}" : $"{whole.Get}";

        Assert.True(ExactDecimal.TryParse(text, out decimal value));
        Assert.Equal(Reference(text), (true, Bits(value)));
    }

    [Property(MaxTest = 2000)]
    public void AnyText_TheFastPathTakes_DecimalReadsTheSame(NonNull<string> noise, NonNegativeInt seed)
    {
        // Digits, points and signs mixed with the generated text, so that near-numbers are tried too.
        char[] alphabet = ['0', '1', '9', '.', '-', '+', ' ', 'e'];
        string text = new([.. noise.Get.Select((c, i) => (seed.Get + i) % 3 == 0 ? c : alphabet[(c + seed.Get + i) % alphabet.Length])]);

        if (ExactDecimal.TryParsePlain(text, out decimal value))
        {
            Assert.Equal(Reference(text), (true, Bits(value)));
        }
    }

    [Theory]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("0.000000000000000001")]
    [InlineData("00000000000000000000000001.5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("-0")]
    [InlineData("+7")]
    public void EdgeCases_ReadAsDecimalReadsThem(string text)
    {
        bool read = ExactDecimal.TryParse(text, out decimal value);

        Assert.Equal(Reference(text), read ? (true, Bits(value)) : (false, string.Empty));
    }
}
