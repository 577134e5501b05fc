using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Behaviors;
using NodaTime;
using NodaTime.Text;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// What a portfolio job computes over every shard: MRR movements for a period, cohort retention between two months, the
/// band distribution per segment, and named behavior segments as of an instant. Each part is optional; at least one is
/// asked for. Immutable once built; checked by <see cref="Validate"/> before any shard runs.
/// </summary>
public sealed class PortfolioRequest
{
    /// <summary>Gets the opening month of the movements' first month, or <see langword="null"/> for no movements.</summary>
    public YearMonth? MovementsFrom { get; init; }

    /// <summary>Gets the movements' last month; set with <see cref="MovementsFrom"/>.</summary>
    public YearMonth? MovementsTo { get; init; }

    /// <summary>Gets the cohort's opening month, or <see langword="null"/> for no cohort retention.</summary>
    public YearMonth? CohortFrom { get; init; }

    /// <summary>Gets the cohort's closing month; set with <see cref="CohortFrom"/>.</summary>
    public YearMonth? CohortTo { get; init; }

    /// <summary>Gets a value indicating whether to count the scored accounts per segment and band.</summary>
    public bool BandDistributions { get; init; }

    /// <summary>Gets the behavior segments to count: a distinct name and a predicate in the text form each (docs/behaviors.md).</summary>
    public IReadOnlyList<(string Name, string Predicate)> Segments { get; init; } = [];

    /// <summary>Gets the instant the segments are judged as of; required with <see cref="Segments"/>.</summary>
    public Instant? SegmentsAsOf { get; init; }

    /// <summary>Gets the time zone of the segments' calendar windows, a TZDB id.</summary>
    /// <value>"UTC" by default.</value>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Checks the request as a whole, listing every problem.</summary>
    /// <exception cref="CustomerSuccessValidationException">The request asks for nothing, leaves a period half set or backwards, or a segment is unnamed, named twice or not a predicate.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Period("Movements", MovementsFrom, MovementsTo, problems);
        Period("Cohort", CohortFrom, CohortTo, problems);
        if (MovementsFrom is null && CohortFrom is null && !BandDistributions && Segments.Count == 0)
        {
            problems.Add("The request asks for nothing: set a movements period, a cohort, BandDistributions or segments.");
        }

        if (Segments.Count > 0 && SegmentsAsOf is null)
        {
            problems.Add("Segments are judged as of an instant: set SegmentsAsOf.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            problems.Add($"TimeZone '{TimeZone}' is not a TZDB time zone id (such as UTC or Europe/Paris).");
        }

        foreach (IGrouping<string, (string Name, string Predicate)> named in Segments.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(named.Key))
            {
                problems.Add("A segment needs a name.");
            }
            else if (named.Count() > 1)
            {
                problems.Add($"Two segments are named '{named.Key}'.");
            }

            foreach ((string name, string predicate) in named)
            {
                try
                {
                    BehaviorPredicate.Parse(predicate);
                }
                catch (BehaviorSyntaxException e)
                {
                    problems.Add($"Segment '{name}': {e.Message}");
                }
            }
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
    }

    internal IReadOnlyList<(string Name, BehaviorPredicate Predicate)> ParsedSegments() =>
        [.. Segments.Select(s => (s.Name, BehaviorPredicate.Parse(s.Predicate)))];

    private static void Period(string what, YearMonth? from, YearMonth? to, List<string> problems)
    {
        if (from is null != to is null)
        {
            problems.Add($"{what}: set both months of the period, or neither.");
        }
        else if (from is { } f && to is { } t && t <= f)
        {
            problems.Add($"{what}: the period must end after it starts ({YearMonthPattern.Iso.Format(f)} to {YearMonthPattern.Iso.Format(t)}).");
        }
    }
}

[GenerateSerializer]
[Alias("cs.portfolio-request")]
internal struct PortfolioRequestSurrogate
{
    [Id(0)] public string? MovementsFrom;
    [Id(1)] public string? MovementsTo;
    [Id(2)] public string? CohortFrom;
    [Id(3)] public string? CohortTo;
    [Id(4)] public bool BandDistributions;
    [Id(5)] public string[] SegmentNames;
    [Id(6)] public string[] SegmentPredicates;
    [Id(7)] public string? SegmentsAsOf; // extended ISO: every nanosecond
    [Id(8)] public string TimeZone;
}

[RegisterConverter]
internal sealed class PortfolioRequestConverter : IConverter<PortfolioRequest, PortfolioRequestSurrogate>
{
    public PortfolioRequest ConvertFromSurrogate(in PortfolioRequestSurrogate s) => new()
    {
        MovementsFrom = Month(s.MovementsFrom),
        MovementsTo = Month(s.MovementsTo),
        CohortFrom = Month(s.CohortFrom),
        CohortTo = Month(s.CohortTo),
        BandDistributions = s.BandDistributions,
        Segments = s.SegmentNames.Zip(s.SegmentPredicates).ToArray(),
        SegmentsAsOf = s.SegmentsAsOf is { } at ? InstantPattern.ExtendedIso.Parse(at).Value : null,
        TimeZone = s.TimeZone,
    };

    public PortfolioRequestSurrogate ConvertToSurrogate(in PortfolioRequest value) => new()
    {
        MovementsFrom = Text(value.MovementsFrom),
        MovementsTo = Text(value.MovementsTo),
        CohortFrom = Text(value.CohortFrom),
        CohortTo = Text(value.CohortTo),
        BandDistributions = value.BandDistributions,
        SegmentNames = [.. value.Segments.Select(s => s.Name)],
        SegmentPredicates = [.. value.Segments.Select(s => s.Predicate)],
        SegmentsAsOf = value.SegmentsAsOf is { } at ? InstantPattern.ExtendedIso.Format(at) : null,
        TimeZone = value.TimeZone,
    };

    private static string? Text(YearMonth? month) => month is { } m ? YearMonthPattern.Iso.Format(m) : null;

    private static YearMonth? Month(string? text) => text is null ? null : YearMonthPattern.Iso.Parse(text).Value;
}
