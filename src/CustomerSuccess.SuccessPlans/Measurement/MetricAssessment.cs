using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Measure + materialize (Client Velocity, practice 3): where a metric stands as of a date, how far from its baseline to its target
/// it has come, where its least-squares trend puts it on the target date, and what that means.
/// </summary>
/// <remarks>
/// Progress is <c>(current - baseline) / (target - baseline)</c>: 0 at the baseline, 1 at the target, in either direction
/// (for a lower-is-better metric the target lies below the baseline, and the formula needs no sign change); over 1 is allowed.
/// Status, as of a date:
/// <list type="bullet">
/// <item><description>no measurement on or before it, or no usable target: <see cref="MetricStatus.NotMeasured"/>;</description></item>
/// <item><description>the latest measurement's progress is 1 or more: <see cref="MetricStatus.Achieved"/>;</description></item>
/// <item><description>otherwise, on or after the target date: <see cref="MetricStatus.Missed"/>;</description></item>
/// <item><description>otherwise the projected progress on the target date decides: 1 or more on track, at least
/// <see cref="SuccessPlanOptions.AtRiskFrom"/> (0.8) at risk, below that (or no trend) off track. The trend is the least-squares
/// line through the measurements (through the baseline and the measurement when there is only one).</description></item>
/// </list>
/// </remarks>
public sealed class MetricAssessment
{
    private MetricAssessment(PlanMetric metric, LocalDate asOf, IReadOnlyList<Measurement> series, double? current, double? progress, double? projected, double? projectedProgress, double? slopePerDay, MetricStatus status)
    {
        Metric = metric;
        AsOf = asOf;
        Series = ReadOnlyViews.Copy(series, nameof(series));
        Current = current;
        Progress = progress;
        ProjectedAtTarget = projected;
        ProjectedProgress = projectedProgress;
        SlopePerDay = slopePerDay;
        Status = status;
    }

    /// <summary>Gets the metric.</summary>
    public PlanMetric Metric { get; }

    /// <summary>Gets the date assessed as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the measurements on or before <see cref="AsOf"/>, by date: the series for a business review.</summary>
    public IReadOnlyList<Measurement> Series { get; }

    /// <summary>Gets the latest value, or <see langword="null"/> when not measured.</summary>
    public double? Current { get; }

    /// <summary>Gets the progress of the latest value, or <see langword="null"/> when not measured or without a usable target.</summary>
    public double? Progress { get; }

    /// <summary>Gets the trend's value on the target date, or <see langword="null"/>.</summary>
    public double? ProjectedAtTarget { get; }

    /// <summary>Gets the progress the trend reaches on the target date, or <see langword="null"/>.</summary>
    public double? ProjectedProgress { get; }

    /// <summary>Gets the trend's change per day, or <see langword="null"/>.</summary>
    public double? SlopePerDay { get; }

    /// <summary>Gets the status.</summary>
    public MetricStatus Status { get; }

    /// <summary>Gets the value before the plan, for the before/after of a business review.</summary>
    public double Before => Metric.Baseline;

    /// <summary>Returns the progress of a value: 0 at the baseline, 1 at the target; <see langword="null"/> without a usable target.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value.</param>
    /// <returns>The progress.</returns>
    public static double? ProgressOf(PlanMetric metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.HasUsableTarget ? (value - metric.Baseline) / (metric.Target!.Value - metric.Baseline) : null;
    }

    /// <summary>Assesses a metric as of a date from its measurements; later measurements do not exist.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="measurements">Its measurements, in any order.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="options">The thresholds; the defaults when <see langword="null"/>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException">
    /// A measurement is not a finite number from -1e15 to 1e15 (the message names the metric and date), or the target is so close to
    /// the baseline that progress against it is beyond that range (the message names the metric).
    /// </exception>
    public static MetricAssessment Assess(PlanMetric metric, IEnumerable<Measurement> measurements, LocalDate asOf, SuccessPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(measurements);
        double atRiskFrom = (options ?? new SuccessPlanOptions()).AtRiskFrom;
        Measurement[] series = measurements.Where(m => m.On <= asOf).OrderBy(m => m.On).ToArray();
        foreach (Measurement m in series)
        {
            if (!PlanMetric.InRange(m.Value))
            {
                throw new ArgumentException($"Metric '{metric.Name}': the measurement of {m.On:uuuu-MM-dd} is not a finite number from -1e15 to 1e15.", nameof(measurements));
            }
        }

        if (series.Length == 0)
        {
            return new MetricAssessment(metric, asOf, series, null, null, null, null, null, MetricStatus.NotMeasured);
        }

        double current = series[^1].Value;
        double? progress = ProgressOf(metric, current);
        (double? slope, double? projected) = Trend(metric, series);
        double? projectedProgress = projected is { } p ? ProgressOf(metric, p) : null;
        if (!IsReadable(progress) || !IsReadable(projectedProgress))
        {
            // Only a target a hair's breadth from the baseline gets here: progress against it measures nothing.
            throw new ArgumentException($"Metric '{metric.Name}': the target {metric.Target} is too close to the baseline {metric.Baseline} to measure progress against.", nameof(metric));
        }

        MetricStatus status = progress switch
        {
            null => MetricStatus.NotMeasured,
            >= 1d => MetricStatus.Achieved,
            _ when asOf >= metric.TargetDate!.Value => MetricStatus.Missed,
            _ => projectedProgress switch
            {
                >= 1d => MetricStatus.OnTrack,
                { } reach when reach >= atRiskFrom => MetricStatus.AtRisk,
                _ => MetricStatus.OffTrack,
            },
        };
        return new MetricAssessment(metric, asOf, series, current, progress, projected, projectedProgress, slope, status);
    }

    private static bool IsReadable(double? progress) => progress is not { } value || PlanMetric.InRange(value);

    /// <summary>
    /// Ordinary least squares over the measurements, in days since the baseline date; with one measurement, the line from the
    /// baseline through it. The measurements alone, when there are two or more, so that a slow start before the first
    /// measurement does not drag the projection.
    /// </summary>
    private static (double? Slope, double? AtTarget) Trend(PlanMetric metric, Measurement[] series)
    {
        var points = series.Select(m => (X: (double)Period.Between(metric.BaselineDate, m.On, PeriodUnits.Days).Days, Y: m.Value)).ToList();
        if (points.Count == 1)
        {
            points.Insert(0, (0d, metric.Baseline));
        }
        if (points.Count < 2 || metric.TargetDate is not { } targetDate)
        {
            return (null, null);
        }

        double meanX = points.Average(p => p.X);
        double meanY = points.Average(p => p.Y);
        double sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        if (sxx == 0d)
        {
            return (null, null); // one measurement on the baseline date: no trend
        }

        double sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        double slope = sxy / sxx;
        double x = Period.Between(metric.BaselineDate, targetDate, PeriodUnits.Days).Days;
        return (slope, meanY + (slope * (x - meanX)));
    }
}
