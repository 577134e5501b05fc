using System;
using CustomerSuccess.Cli.Csv;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The hand-read instant form against NodaTime's extended ISO pattern, the plain reference.</summary>
public class IsoInstantTests
{
    private static (bool, Instant) Reference(string text) =>
        InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? (true, parsed.Value) : (false, default);

    private static (bool, Instant) Fast(string text) => (IsoInstant.TryParse(text, out Instant instant), instant);

    [Property(MaxTest = 1000)]
    public void AnyWholeSecondInstant_InTheExportForm_ReadsAsThePatternReadsIt(int days, NonNegativeInt seconds)
    {
        Instant instant = Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromDays(Math.Abs(days % 3_652_000)) + Duration.FromSeconds(seconds.Get % 86_400);
        string text = InstantPattern.ExtendedIso.Format(instant);

        Assert.Equal(Reference(text), Fast(text));
    }

    [Property(MaxTest = 1000)]
    public void AnyText_IsAcceptedOrRefusedAsThePatternDoes(NonNull<string> text)
    {
        Assert.Equal(Reference(text.Get), Fast(text.Get));
    }

    [Theory]
    [InlineData("2026-11-17T09:30:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("2026-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-12-31T24:00:00Z")]
    [InlineData("2026-12-31T23:60:00Z")]
    [InlineData("2026-12-31T23:59:60Z")]
    [InlineData("2026-11-17T09:30:00.5Z")]
    [InlineData("2026-11-17 09:30:00Z")]
    [InlineData("2026-11-17T09:30:00+01")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2026-1a-17T09:30:00Z")]
    [InlineData("")]
    public void Edges_ReadAsThePatternReadsThem(string text) => Assert.Equal(Reference(text), Fast(text));
}
