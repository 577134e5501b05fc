using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// A success plan template for a segment (Client Velocity: "create a custom success plan for every client", from a standard
/// shape): metrics with relative targets, a timeline relative to signature, roles to fill and a next phase.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record PlanTemplate
{
    /// <summary>Initializes a template.</summary>
    /// <param name="name">The template's name.</param>
    /// <param name="segment">The segment it serves, such as "MidMarket".</param>
    /// <param name="purpose">The purpose to tailor in the customer's words.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="milestones">The timeline.</param>
    /// <param name="roles">The roles.</param>
    /// <param name="nextPhase">The usual next phase, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A name is empty, metric names repeat, or a day offset is negative; the message names the template.</exception>
    public PlanTemplate(string name, string segment, string purpose, IEnumerable<TemplateMetric> metrics, IEnumerable<TemplateMilestone> milestones, IEnumerable<TemplateRole> roles, NextPhase? nextPhase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(roles);
        Name = name;
        Segment = segment ?? string.Empty;
        Purpose = purpose ?? string.Empty;
        Metrics = ReadOnlyViews.Wrap(metrics.ToArray());
        Milestones = ReadOnlyViews.Wrap(milestones.ToArray());
        Roles = ReadOnlyViews.Wrap(roles.ToArray());
        NextPhase = nextPhase;
        if (Metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"Template '{name}': metric '{repeated.Key}' appears twice.", nameof(metrics));
        }

        if (Metrics.FirstOrDefault(m => m.TargetAfterDays < 0 || !double.IsFinite(m.TargetChange)) is { } badMetric)
        {
            throw new ArgumentException($"Template '{name}', metric '{badMetric.Name}': the target change must be finite and the target days not negative.", nameof(metrics));
        }

        if (Milestones.FirstOrDefault(m => m.DueAfterDays < 0) is { } badMilestone)
        {
            throw new ArgumentException($"Template '{name}', milestone '{badMilestone.Name}': the due days must not be negative.", nameof(milestones));
        }
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the segment.</summary>
    public string Segment { get; }

    /// <summary>Gets the purpose.</summary>
    public string Purpose { get; }

    /// <summary>Gets the metrics.</summary>
    public IReadOnlyList<TemplateMetric> Metrics { get; }

    /// <summary>Gets the milestones.</summary>
    public IReadOnlyList<TemplateMilestone> Milestones { get; }

    /// <summary>Gets the roles.</summary>
    public IReadOnlyList<TemplateRole> Roles { get; }

    /// <summary>Gets the next phase.</summary>
    public NextPhase? NextPhase { get; }

    /// <summary>
    /// Creates a draft plan for an account signed on a date: targets from each metric's baseline, dates relative to signature,
    /// roles filled with the people named (roles without a person are left out, and validation reports a missing sponsor).
    /// </summary>
    /// <param name="planId">The new plan's id.</param>
    /// <param name="account">The account.</param>
    /// <param name="signedOn">The signature date.</param>
    /// <param name="baselines">Each metric's baseline, measured on the signature date, by metric name.</param>
    /// <param name="people">The person for each role.</param>
    /// <returns>The draft plan.</returns>
    /// <exception cref="ArgumentException">A metric has no baseline; the message names the template and metric.</exception>
    public SuccessPlan Instantiate(string planId, AccountId account, LocalDate signedOn, IReadOnlyDictionary<string, double> baselines, IReadOnlyDictionary<PlanRoleKind, string> people)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(people);
        SuccessPlan.Builder plan = SuccessPlan.CreateBuilder(planId, account);
        plan.Purpose = Purpose;
        plan.SignedOn = signedOn;
        plan.Segment = Segment;
        plan.NextPhase = NextPhase;
        foreach (TemplateMetric metric in Metrics)
        {
            if (!baselines.TryGetValue(metric.Name, out double baseline))
            {
                throw new ArgumentException($"Template '{Name}', metric '{metric.Name}': no baseline was given for plan '{planId}'.", nameof(baselines));
            }

            plan.AddMetric(new PlanMetric(metric.Name, metric.Unit, metric.Direction, metric.HowMeasured, metric.Source, baseline, signedOn,
                baseline * (1 + metric.TargetChange), signedOn.PlusDays(metric.TargetAfterDays)));
        }

        foreach (TemplateRole role in Roles)
        {
            if (people.TryGetValue(role.Kind, out string? person) && !string.IsNullOrWhiteSpace(person))
            {
                plan.AddRole(new PlanRole(role.Party, role.Kind, person, role.Responsibility));
            }
        }

        foreach (TemplateMilestone milestone in Milestones)
        {
            string? owner = milestone.OwnerRole is { } kind && people.TryGetValue(kind, out string? name) ? name : null;
            plan.AddMilestone(new Milestone(milestone.Name, milestone.Kind, signedOn.PlusDays(milestone.DueAfterDays), null, owner));
        }

        return plan.Build();
    }

    /// <inheritdoc />
    public bool Equals(PlanTemplate? other) =>
        other is not null && Name == other.Name && Segment == other.Segment && Purpose == other.Purpose && Metrics.SequenceEqual(other.Metrics)
        && Milestones.SequenceEqual(other.Milestones) && Roles.SequenceEqual(other.Roles) && Equals(NextPhase, other.NextPhase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Segment, Metrics.Count);
}
