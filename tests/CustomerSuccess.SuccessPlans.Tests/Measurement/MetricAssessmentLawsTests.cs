using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.SuccessPlans.Tests;

public class MetricAssessmentLawsTests
{
    [Property(MaxTest = 300)]
    public Property Progress_IsZeroAtBaseline_AndOneAtTarget_InEitherDirection() =>
        Prop.ForAll(PlanGen.Metric.ToArbitrary(), metric =>
            MetricAssessment.ProgressOf(metric, metric.Baseline) == 0d
            && Math.Abs(MetricAssessment.ProgressOf(metric, metric.Target!.Value)!.Value - 1d) < 1e-12
            && MetricAssessment.ProgressOf(metric, metric.Direction == MetricDirection.HigherIsBetter ? metric.Target.Value + 1 : metric.Target.Value - 1) > 1d);

    [Property(MaxTest = 300)]
    public Property Status_IsDeterministic_WhateverTheOrderOfMeasurements() =>
        Prop.ForAll(PlanGen.Metric.SelectMany(m => PlanGen.Measurements(m).SelectMany(ms => Gen.Shuffle(ms).Select(shuffled => (m, ms, shuffled)))).ToArbitrary(), t =>
        {
            (PlanMetric metric, Measurement[] ordered, Measurement[] shuffled) = t;
            LocalDate asOf = metric.BaselineDate.PlusDays(200);
            MetricAssessment a = MetricAssessment.Assess(metric, ordered, asOf);
            MetricAssessment b = MetricAssessment.Assess(metric, shuffled, asOf);
            MetricAssessment again = MetricAssessment.Assess(metric, ordered, asOf);
            return a.Status == b.Status && a.Status == again.Status && a.Progress == b.Progress && a.ProjectedAtTarget == b.ProjectedAtTarget;
        });

    [Property(MaxTest = 300)]
    public Property MeasurementsAfterTheAsOfDate_DoNotExist() =>
        Prop.ForAll(PlanGen.Metric.SelectMany(m => PlanGen.Measurements(m).Select(ms => (m, ms))).ToArbitrary(), t =>
        {
            (PlanMetric metric, Measurement[] all) = t;
            LocalDate asOf = metric.BaselineDate.PlusDays(150);
            return MetricAssessment.Assess(metric, all, asOf).Status == MetricAssessment.Assess(metric, all.Where(m => m.On <= asOf), asOf).Status;
        });
}
