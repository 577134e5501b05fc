using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// A customer's success plan, Client Velocity's formula: purpose (in the customer's words), metrics and how they are measured,
/// targets, a timeline of milestones, roles and responsibilities, and the next phase; with Client Velocity's Customer Bullseye.
/// </summary>
/// <remarks>
/// Immutable: build one with <see cref="CreateBuilder"/>, change it with <see cref="ToBuilder"/> or the lifecycle methods
/// (<see cref="Agree"/>, <see cref="Activate"/>, <see cref="Achieve"/>, <see cref="Miss"/>, <see cref="Abandon"/>,
/// <see cref="StartNextPhase"/>), which return a new plan or throw a <see cref="PlanTransitionException"/> naming the rule.
/// </remarks>
public sealed partial class SuccessPlan : IEquatable<SuccessPlan>
{
    private SuccessPlan(Builder builder)
    {
        Id = builder.Id;
        Account = builder.Account;
        Purpose = builder.Purpose;
        Bullseye = builder.Bullseye;
        Metrics = ReadOnlyViews.Wrap(builder.Metrics.ToArray());
        Milestones = ReadOnlyViews.Wrap(builder.Milestones.ToArray());
        Roles = ReadOnlyViews.Wrap(builder.Roles.ToArray());
        NextPhase = builder.NextPhase;
        Status = builder.Status;
        SignedOn = builder.SignedOn;
        MeasuresAgreedOn = builder.MeasuresAgreedOn;
        StatusChangedOn = builder.StatusChangedOn;
        StatusReason = builder.StatusReason;
        PredecessorId = builder.PredecessorId;
        Segment = builder.Segment;
        CreatedAt = builder.CreatedAt;
        UpdatedAt = builder.UpdatedAt;
    }

    /// <summary>Gets the plan's id.</summary>
    public string Id { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the purpose: what success is, in the customer's words.</summary>
    public string Purpose { get; }

    /// <summary>Gets the Customer Bullseye, or <see langword="null"/>.</summary>
    public CustomerBullseye? Bullseye { get; }

    /// <summary>Gets the metrics, with their baselines and targets.</summary>
    public IReadOnlyList<PlanMetric> Metrics { get; }

    /// <summary>Gets the milestones, in the order given.</summary>
    public IReadOnlyList<Milestone> Milestones { get; }

    /// <summary>Gets the roles.</summary>
    public IReadOnlyList<PlanRole> Roles { get; }

    /// <summary>Gets the next phase, or <see langword="null"/>.</summary>
    public NextPhase? NextPhase { get; }

    /// <summary>Gets the lifecycle status.</summary>
    public PlanStatus Status { get; }

    /// <summary>Gets the date the contract was signed, when the plan belongs to a new contract: the onboarding SLA counts from it.</summary>
    public LocalDate? SignedOn { get; }

    /// <summary>Gets the date the executive sponsor agreed the success measures: time to value counts from it (Customer Success by Mehta et al., law 7).</summary>
    public LocalDate? MeasuresAgreedOn { get; }

    /// <summary>Gets the date of the last status change.</summary>
    public LocalDate? StatusChangedOn { get; }

    /// <summary>Gets why the plan was abandoned, or <see langword="null"/>.</summary>
    public string? StatusReason { get; }

    /// <summary>Gets the plan this one succeeds, or <see langword="null"/>.</summary>
    public string? PredecessorId { get; }

    /// <summary>Gets the customer segment the plan was made for (its template's), or <see langword="null"/>.</summary>
    public string? Segment { get; }

    /// <summary>Gets when the plan was first recorded, as the caller's store set it; <see langword="null"/> when not recorded.</summary>
    public Instant? CreatedAt { get; }

    /// <summary>
    /// Gets when the plan was last saved, as the caller's store set it (<see cref="ToBuilder"/>, set <see cref="Builder.UpdatedAt"/>
    /// from an injected clock); the lifecycle methods keep it and date their change in <see cref="StatusChangedOn"/>.
    /// </summary>
    public Instant? UpdatedAt { get; }

    /// <summary>Gets the customer's executive sponsor, or <see langword="null"/>.</summary>
    public PlanRole? ExecutiveSponsor => Roles.FirstOrDefault(r => r.Kind == PlanRoleKind.ExecutiveSponsor && r.Party == PlanParty.Customer);

    /// <summary>Gets the first milestone of a kind, or <see langword="null"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The milestone.</returns>
    public Milestone? MilestoneOf(MilestoneKind kind) => Milestones.FirstOrDefault(m => m.Kind == kind);

    /// <summary>Starts a plan.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="account">The account.</param>
    /// <returns>A builder for a draft plan.</returns>
    public static Builder CreateBuilder(string id, AccountId account) => new(id, account);

    /// <summary>Returns a builder holding this plan, to change it.</summary>
    /// <returns>The builder.</returns>
    public Builder ToBuilder() => new Builder(Id, Account)
    {
        Purpose = Purpose,
        Bullseye = Bullseye,
        NextPhase = NextPhase,
        Status = Status,
        SignedOn = SignedOn,
        MeasuresAgreedOn = MeasuresAgreedOn,
        StatusChangedOn = StatusChangedOn,
        StatusReason = StatusReason,
        PredecessorId = PredecessorId,
        Segment = Segment,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    }.AddMetrics(Metrics).AddMilestones(Milestones).AddRoles(Roles);

    /// <inheritdoc />
    public bool Equals(SuccessPlan? other) =>
        other is not null && Id == other.Id && Account == other.Account && Purpose == other.Purpose && Equals(Bullseye, other.Bullseye)
        && Metrics.SequenceEqual(other.Metrics) && Milestones.SequenceEqual(other.Milestones) && Roles.SequenceEqual(other.Roles)
        && Equals(NextPhase, other.NextPhase) && Status == other.Status && SignedOn == other.SignedOn && MeasuresAgreedOn == other.MeasuresAgreedOn
        && StatusChangedOn == other.StatusChangedOn && StatusReason == other.StatusReason && PredecessorId == other.PredecessorId && Segment == other.Segment
        && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SuccessPlan);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Account, Status, Metrics.Count, Milestones.Count);

    /// <summary>Returns "id (account, status): purpose".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} ({Account}, {Status}): {Purpose}";

    /// <summary>Collects a plan's parts. Not thread-safe.</summary>
    public sealed class Builder
    {
        internal Builder(string id, AccountId account)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
            if (account.IsDefault)
            {
                throw new ArgumentException($"Plan '{id}' needs an account; default(AccountId) is none.", nameof(account));
            }

            Id = id;
            Account = account;
        }

        /// <summary>Gets the plan's id.</summary>
        public string Id { get; }

        /// <summary>Gets the account.</summary>
        public AccountId Account { get; }

        /// <summary>Gets or sets the purpose, in the customer's words.</summary>
        public string Purpose { get; set; } = string.Empty;

        /// <summary>Gets or sets the Customer Bullseye.</summary>
        public CustomerBullseye? Bullseye { get; set; }

        /// <summary>Gets the metrics.</summary>
        public IList<PlanMetric> Metrics { get; } = [];

        /// <summary>Gets the milestones.</summary>
        public IList<Milestone> Milestones { get; } = [];

        /// <summary>Gets the roles.</summary>
        public IList<PlanRole> Roles { get; } = [];

        /// <summary>Gets or sets the next phase.</summary>
        public NextPhase? NextPhase { get; set; }

        /// <summary>Gets or sets the status; new plans are drafts. Prefer the lifecycle methods, which check the rules.</summary>
        public PlanStatus Status { get; set; } = PlanStatus.Draft;

        /// <summary>Gets or sets the contract signature date.</summary>
        public LocalDate? SignedOn { get; set; }

        /// <summary>Gets or sets when the sponsor agreed the success measures.</summary>
        public LocalDate? MeasuresAgreedOn { get; set; }

        /// <summary>Gets or sets the date of the last status change.</summary>
        public LocalDate? StatusChangedOn { get; set; }

        /// <summary>Gets or sets why the plan was abandoned.</summary>
        public string? StatusReason { get; set; }

        /// <summary>Gets or sets the predecessor plan's id.</summary>
        public string? PredecessorId { get; set; }

        /// <summary>Gets or sets the segment the plan was made for.</summary>
        public string? Segment { get; set; }

        /// <summary>Gets or sets when the plan was first recorded.</summary>
        public Instant? CreatedAt { get; set; }

        /// <summary>Gets or sets when the plan was last saved.</summary>
        public Instant? UpdatedAt { get; set; }

        /// <summary>Adds a metric.</summary>
        /// <param name="metric">The metric.</param>
        /// <returns>This builder.</returns>
        public Builder AddMetric(PlanMetric metric)
        {
            ArgumentNullException.ThrowIfNull(metric);
            Metrics.Add(metric);
            return this;
        }

        /// <summary>Adds a milestone.</summary>
        /// <param name="milestone">The milestone.</param>
        /// <returns>This builder.</returns>
        public Builder AddMilestone(Milestone milestone)
        {
            ArgumentNullException.ThrowIfNull(milestone);
            Milestones.Add(milestone);
            return this;
        }

        /// <summary>Adds a role.</summary>
        /// <param name="role">The role.</param>
        /// <returns>This builder.</returns>
        public Builder AddRole(PlanRole role)
        {
            ArgumentNullException.ThrowIfNull(role);
            Roles.Add(role);
            return this;
        }

        /// <summary>Replaces the first milestone of the same kind (or adds it): a date agreed, a milestone completed.</summary>
        /// <param name="milestone">The milestone.</param>
        /// <returns>This builder.</returns>
        public Builder SetMilestone(Milestone milestone)
        {
            ArgumentNullException.ThrowIfNull(milestone);
            int at = IndexWhere(Milestones, m => m.Kind == milestone.Kind && m.Kind != MilestoneKind.Other);
            if (at >= 0)
            {
                Milestones[at] = milestone;
            }
            else
            {
                Milestones.Add(milestone);
            }

            return this;
        }

        /// <summary>Replaces the first role of the same kind and party (or adds it).</summary>
        /// <param name="role">The role.</param>
        /// <returns>This builder.</returns>
        public Builder SetRole(PlanRole role)
        {
            ArgumentNullException.ThrowIfNull(role);
            int at = IndexWhere(Roles, r => r.Kind == role.Kind && r.Party == role.Party);
            if (at >= 0)
            {
                Roles[at] = role;
            }
            else
            {
                Roles.Add(role);
            }

            return this;
        }

        /// <summary>Builds the plan.</summary>
        /// <returns>The plan.</returns>
        /// <exception cref="ArgumentException">Two metrics share a name; the message names the plan and the metric.</exception>
        public SuccessPlan Build()
        {
            string? repeated = Metrics.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
            if (repeated is not null)
            {
                throw new ArgumentException($"Plan '{Id}': metric '{repeated}' appears twice; metric names must be unique.");
            }

            if (!Enum.IsDefined(Status))
            {
                throw new ArgumentException($"Plan '{Id}': status {Status} is not defined.");
            }

            return new SuccessPlan(this);
        }

        private static int IndexWhere<T>(IList<T> items, Func<T, bool> match)
        {
            for (int i = 0; i < items.Count; i++)
            {
                if (match(items[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        internal Builder AddMetrics(IEnumerable<PlanMetric> metrics)
        {
            foreach (PlanMetric metric in metrics)
            {
                Metrics.Add(metric);
            }

            return this;
        }

        internal Builder AddMilestones(IEnumerable<Milestone> milestones)
        {
            foreach (Milestone milestone in milestones)
            {
                Milestones.Add(milestone);
            }

            return this;
        }

        internal Builder AddRoles(IEnumerable<PlanRole> roles)
        {
            foreach (PlanRole role in roles)
            {
                Roles.Add(role);
            }

            return this;
        }
    }
}
