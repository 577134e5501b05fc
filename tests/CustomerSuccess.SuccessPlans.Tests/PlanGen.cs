using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.SuccessPlans.Tests;

public static class PlanGen
{
    public static Gen<PlanMetric> Metric { get; } =
        from direction in Gen.Elements(MetricDirection.HigherIsBetter, MetricDirection.LowerIsBetter)
        from baseline in Gen.Choose(-1000, 1000)
        from distance in Gen.Choose(1, 1000)
        from days in Gen.Choose(30, 400)
        select new PlanMetric("m", "u", direction, "how", "source", baseline, new LocalDate(2026, 1, 1),
            direction == MetricDirection.HigherIsBetter ? baseline + distance : baseline - distance, new LocalDate(2026, 1, 1).PlusDays(days));

    public static Gen<Measurement[]> Measurements(PlanMetric metric) =>
        from count in Gen.Choose(0, 8)
        from points in (from day in Gen.Choose(1, 500)
                        from value in Gen.Choose(-2000, 2000)
                        select new Measurement(metric.BaselineDate.PlusDays(day), value)).ArrayOf(count)
        select points.DistinctBy(p => p.On).ToArray();
}
