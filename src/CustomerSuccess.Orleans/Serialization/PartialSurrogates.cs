using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Revenue;
using Orleans;

namespace CustomerSuccess.Orleans;

// The partial results travel between silos in their own versioned JSON forms (ToJson/FromJson in the capability
// packages, which do not know Orleans): a surrogate holds the text, so a silo of a newer build reads what an older one
// wrote, and the merge law (serialise then merge = merge) is the one the capability packages' property tests hold.

[GenerateSerializer]
[Alias("cs.partial.mrr-movements")]
internal struct MrrMovementReportSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
internal sealed class MrrMovementReportConverter : IConverter<MrrMovementReport, MrrMovementReportSurrogate>
{
    public MrrMovementReport ConvertFromSurrogate(in MrrMovementReportSurrogate surrogate) => MrrMovementReport.FromJson(surrogate.Json);

    public MrrMovementReportSurrogate ConvertToSurrogate(in MrrMovementReport value) => new() { Json = value.ToJson() };
}

[GenerateSerializer]
[Alias("cs.partial.cohort")]
internal struct CohortReportSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
internal sealed class CohortReportConverter : IConverter<CohortReport, CohortReportSurrogate>
{
    public CohortReport ConvertFromSurrogate(in CohortReportSurrogate surrogate) => CohortReport.FromJson(surrogate.Json);

    public CohortReportSurrogate ConvertToSurrogate(in CohortReport value) => new() { Json = value.ToJson() };
}

[GenerateSerializer]
[Alias("cs.partial.band-distributions")]
internal struct BandDistributionsSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
internal sealed class BandDistributionsConverter : IConverter<BandDistributions, BandDistributionsSurrogate>
{
    public BandDistributions ConvertFromSurrogate(in BandDistributionsSurrogate surrogate) => BandDistributions.FromJson(surrogate.Json);

    public BandDistributionsSurrogate ConvertToSurrogate(in BandDistributions value) => new() { Json = value.ToJson() };
}

[GenerateSerializer]
[Alias("cs.partial.segment-counts")]
internal struct SegmentCountsSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
internal sealed class SegmentCountsConverter : IConverter<SegmentCounts, SegmentCountsSurrogate>
{
    public SegmentCounts ConvertFromSurrogate(in SegmentCountsSurrogate surrogate) => SegmentCounts.FromJson(surrogate.Json);

    public SegmentCountsSurrogate ConvertToSurrogate(in SegmentCounts value) => new() { Json = value.ToJson() };
}

[GenerateSerializer]
[Alias("cs.partial.backtest-tally")]
internal struct BacktestTallySurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
internal sealed class BacktestTallyConverter : IConverter<BacktestTally, BacktestTallySurrogate>
{
    public BacktestTally ConvertFromSurrogate(in BacktestTallySurrogate surrogate) => BacktestTally.FromJson(surrogate.Json);

    public BacktestTallySurrogate ConvertToSurrogate(in BacktestTally value) => new() { Json = value.ToJson() };
}
