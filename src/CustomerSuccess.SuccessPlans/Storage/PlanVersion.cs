using System;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// One saved version of a success plan: the plan as a JSON document (<see cref="SuccessPlanJson"/>), its version number
/// (1 for the first save, one more for each change) and when it was saved. Versions are never changed or removed, so a
/// plan's history reads back as it was reviewed.
/// </summary>
public sealed class PlanVersion : IEquatable<PlanVersion>
{
    /// <summary>Creates a version.</summary>
    /// <param name="planId">The plan's id.</param>
    /// <param name="version">The version number, 1 or more.</param>
    /// <param name="account">The plan's account.</param>
    /// <param name="savedAt">When it was saved.</param>
    /// <param name="document">The plan as JSON.</param>
    /// <exception cref="ArgumentException">The id or document is empty, the account is the default one, or the version is below 1.</exception>
    public PlanVersion(string planId, int version, AccountId account, Instant savedAt, string document)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (account.IsDefault)
        {
            throw new ArgumentException("A plan version needs the plan's account.", nameof(account));
        }

        PlanId = planId;
        Version = version;
        Account = account;
        SavedAt = savedAt;
        Document = document;
    }

    /// <summary>Gets the plan's id.</summary>
    public string PlanId { get; }

    /// <summary>Gets the version number.</summary>
    public int Version { get; }

    /// <summary>Gets the plan's account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets when this version was saved.</summary>
    public Instant SavedAt { get; }

    /// <summary>Gets the plan as a JSON document.</summary>
    public string Document { get; }

    /// <summary>The plan this version holds.</summary>
    /// <returns>The plan.</returns>
    /// <exception cref="CustomerSuccessValidationException">The document is not a valid plan (a store written by hand).</exception>
    public SuccessPlan ToPlan() => SuccessPlanJson.Deserialize(Document);

    /// <inheritdoc/>
    public bool Equals(PlanVersion? other) =>
        other is not null && string.Equals(PlanId, other.PlanId, StringComparison.Ordinal) && Version == other.Version && Account == other.Account
        && SavedAt == other.SavedAt && string.Equals(Document, other.Document, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PlanVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PlanId, Version);

    /// <inheritdoc/>
    public override string ToString() => $"{PlanId} v{Version} ({Account}, saved {SavedAt})";
}
