using System;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// What success is measured by (Client Velocity, elements 2 and 3): a metric, how and from what source it is measured, its
/// baseline, and the target to reach by a date.
/// </summary>
/// <remarks>Immutable. A metric without a target (or target date) is allowed while drafting; validation reports it.</remarks>
public sealed record PlanMetric
{
    /// <summary>Initializes a metric.</summary>
    /// <param name="name">The metric's name, unique in its plan, such as "Forecast accuracy".</param>
    /// <param name="unit">The unit, such as "%" or "days".</param>
    /// <param name="direction">Which way is better.</param>
    /// <param name="howMeasured">How it is measured, in words; empty means it is not yet measurable.</param>
    /// <param name="source">The system or report it is measured from.</param>
    /// <param name="baseline">The value before the plan.</param>
    /// <param name="baselineDate">When the baseline was measured.</param>
    /// <param name="target">The value to reach, or <see langword="null"/> while not agreed.</param>
    /// <param name="targetDate">The date to reach it by.</param>
    /// <exception cref="ArgumentException">The name is empty, or a value is not finite.</exception>
    public PlanMetric(string name, string unit, MetricDirection direction, string howMeasured, string source, double baseline, LocalDate baselineDate, double? target = null, LocalDate? targetDate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!InRange(baseline) || (target is { } t && !InRange(t)))
        {
            throw new ArgumentException($"Metric '{name}': the baseline and target must be finite numbers from -1e15 to 1e15.", nameof(baseline));
        }

        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, $"Metric '{name}': the direction must be HigherIsBetter or LowerIsBetter.");
        }

        Name = name;
        Unit = unit ?? string.Empty;
        Direction = direction;
        HowMeasured = howMeasured ?? string.Empty;
        Source = source ?? string.Empty;
        Baseline = baseline;
        BaselineDate = baselineDate;
        Target = target;
        TargetDate = targetDate;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the unit.</summary>
    public string Unit { get; init; }

    /// <summary>Gets which way is better.</summary>
    public MetricDirection Direction { get; init; }

    /// <summary>Gets how it is measured.</summary>
    public string HowMeasured { get; init; }

    /// <summary>Gets the source it is measured from.</summary>
    public string Source { get; init; }

    /// <summary>Gets the baseline value.</summary>
    public double Baseline { get; init; }

    /// <summary>Gets the baseline's date.</summary>
    public LocalDate BaselineDate { get; init; }

    /// <summary>Gets the target, or <see langword="null"/>.</summary>
    public double? Target { get; init; }

    /// <summary>Gets the target date, or <see langword="null"/>.</summary>
    public LocalDate? TargetDate { get; init; }

    /// <summary>Gets whether the metric says how it is measured.</summary>
    public bool IsMeasurable => !string.IsNullOrWhiteSpace(HowMeasured);

    /// <summary>Gets whether it has a target, a target date, and a target that lies in its direction from the baseline.</summary>
    public bool HasUsableTarget => Target is { } target && TargetDate is not null
        && (Direction == MetricDirection.HigherIsBetter ? target > Baseline : target < Baseline);

    // Measured quantities are bounded so that every difference, progress and trend computed from them stays a finite
    // double that prints exactly as a decimal: a quadrillion is beyond any count, amount or rate a plan tracks.
    internal const double MaxMagnitude = 1e15;

    internal static bool InRange(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
