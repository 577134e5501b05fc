using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// What success is measured by (seed 001, elements 2 and 3): a metric, how and from what source it is measured, its
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

/// <summary>A point on the plan's timeline (seed 001, element 4).</summary>
public sealed record Milestone
{
    /// <summary>Initializes a new <see cref="Milestone"/>.</summary>
    /// <param name="name">The milestone's name, such as "Go-live".</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="due">When it is due, or <see langword="null"/> when not yet agreed.</param>
    /// <param name="completed">When it was completed, or <see langword="null"/>.</param>
    /// <param name="owner">Who owns it.</param>
    public Milestone(string name, MilestoneKind kind, LocalDate? due, LocalDate? completed = null, string? owner = null)
    {
        Name = name;
        Kind = kind;
        Due = due;
        Completed = completed;
        Owner = owner;
    }

    /// <summary>Gets the milestone's name, such as "Go-live".</summary>
    public string Name { get; init; }

    /// <summary>Gets its kind.</summary>
    public MilestoneKind Kind { get; init; }

    /// <summary>Gets when it is due, or <see langword="null"/> when not yet agreed.</summary>
    public LocalDate? Due { get; init; }

    /// <summary>Gets when it was completed, or <see langword="null"/>.</summary>
    public LocalDate? Completed { get; init; }

    /// <summary>Gets who owns it.</summary>
    public string? Owner { get; init; }
}

/// <summary>A person's role and responsibility in the plan (seed 001, element 5).</summary>
public sealed record PlanRole
{
    /// <summary>Initializes a new <see cref="PlanRole"/>.</summary>
    /// <param name="party">Customer or vendor.</param>
    /// <param name="kind">The role.</param>
    /// <param name="person">The person's name.</param>
    /// <param name="responsibility">What they are responsible for.</param>
    /// <param name="unavailableUntil">The last day the person is away, when known (seed 002: the sponsor on leave until July 14).</param>
    public PlanRole(PlanParty party, PlanRoleKind kind, string person, string responsibility, LocalDate? unavailableUntil = null)
    {
        Party = party;
        Kind = kind;
        Person = person;
        Responsibility = responsibility;
        UnavailableUntil = unavailableUntil;
    }

    /// <summary>Gets the party: customer or vendor.</summary>
    public PlanParty Party { get; init; }

    /// <summary>Gets the role.</summary>
    public PlanRoleKind Kind { get; init; }

    /// <summary>Gets the person's name.</summary>
    public string Person { get; init; }

    /// <summary>Gets what they are responsible for.</summary>
    public string Responsibility { get; init; }

    /// <summary>Gets the last day the person is away, when known (seed 002: the sponsor on leave until July 14).</summary>
    public LocalDate? UnavailableUntil { get; init; }
}

/// <summary>The sixth element of seed 001's formula: what comes after this plan.</summary>
public sealed record NextPhase
{
    /// <summary>Initializes a new <see cref="NextPhase"/>.</summary>
    /// <param name="description">What the customer will do next, in their words.</param>
    /// <param name="kind">One of seed 001's five kinds.</param>
    public NextPhase(string description, NextPhaseKind kind)
    {
        Description = description;
        Kind = kind;
    }

    /// <summary>Gets what the customer will do next, in their words.</summary>
    public string Description { get; init; }

    /// <summary>Gets the kind, one of seed 001's five.</summary>
    public NextPhaseKind Kind { get; init; }
}

/// <summary>
/// Seed 001's Customer Bullseye: the primary business objective at the centre, and the key processes that achieve it.
/// </summary>
public sealed record CustomerBullseye
{
    /// <summary>Initializes a bullseye.</summary>
    /// <param name="primaryBusinessObjective">The objective, in the customer's words.</param>
    /// <param name="keyProcesses">The processes that achieve it.</param>
    public CustomerBullseye(string primaryBusinessObjective, IEnumerable<string> keyProcesses)
    {
        ArgumentNullException.ThrowIfNull(keyProcesses);
        PrimaryBusinessObjective = primaryBusinessObjective ?? string.Empty;
        KeyProcesses = ReadOnlyViews.Wrap(keyProcesses.ToArray());
    }

    /// <summary>Gets the primary business objective.</summary>
    public string PrimaryBusinessObjective { get; }

    /// <summary>Gets the key processes.</summary>
    public IReadOnlyList<string> KeyProcesses { get; }

    /// <inheritdoc />
    public bool Equals(CustomerBullseye? other) =>
        other is not null && PrimaryBusinessObjective == other.PrimaryBusinessObjective && KeyProcesses.SequenceEqual(other.KeyProcesses);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PrimaryBusinessObjective, KeyProcesses.Count);
}

/// <summary>One measurement of a metric.</summary>
/// <param name="On">The date measured.</param>
/// <param name="Value">The value.</param>
public readonly record struct Measurement(LocalDate On, double Value);
