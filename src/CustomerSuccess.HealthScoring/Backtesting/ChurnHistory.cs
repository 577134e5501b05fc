using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Past snapshots of accounts and how each account's story ended: the history a health model is backtested against
/// (docs/design.md section 7). Immutable.
/// </summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class ChurnHistory<TAccount>
{
    private readonly Dictionary<AccountId, ChurnOutcome> _outcomes;

    /// <summary>Initializes a history.</summary>
    /// <param name="snapshots">The snapshots, in any order.</param>
    /// <param name="outcomes">One outcome per account.</param>
    /// <exception cref="ArgumentException">An account has two outcomes, or churned after its observation ended; the message names it.</exception>
    public ChurnHistory(IEnumerable<HealthSnapshot<TAccount>> snapshots, IEnumerable<ChurnOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(outcomes);
        Snapshots = ReadOnlyViews.Wrap(snapshots.ToArray());
        _outcomes = [];
        foreach (ChurnOutcome outcome in outcomes)
        {
            if (outcome.ChurnedOn > outcome.ObservedUntil)
            {
                throw new ArgumentException($"Account '{outcome.Account}' churned on {outcome.ChurnedOn:uuuu-MM-dd}, after its observation ended on {outcome.ObservedUntil:uuuu-MM-dd}.", nameof(outcomes));
            }

            if (!_outcomes.TryAdd(outcome.Account, outcome))
            {
                throw new ArgumentException($"Account '{outcome.Account}' has two outcomes.", nameof(outcomes));
            }
        }
    }

    /// <summary>Gets the snapshots.</summary>
    public IReadOnlyList<HealthSnapshot<TAccount>> Snapshots { get; }

    /// <summary>Gets an account's outcome, or <see langword="null"/>.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The outcome.</returns>
    public ChurnOutcome? OutcomeOf(AccountId account) => _outcomes.GetValueOrDefault(account);

    /// <summary>Labels a snapshot for a horizon: churned within (as-of, as-of + horizon], retained, or left out.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="horizonDays">The horizon in days; positive.</param>
    /// <returns>The label.</returns>
    public SnapshotLabel Label(HealthSnapshot<TAccount> snapshot, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        if (!_outcomes.TryGetValue(snapshot.Account, out ChurnOutcome? outcome))
        {
            return SnapshotLabel.NoOutcome;
        }

        LocalDate end = snapshot.AsOf.PlusDays(horizonDays);
        return outcome.ChurnedOn switch
        {
            { } churned when churned <= snapshot.AsOf => SnapshotLabel.AfterChurn,
            { } churned when churned <= end => SnapshotLabel.Churned,
            _ => outcome.ObservedUntil >= end ? SnapshotLabel.Retained : SnapshotLabel.Censored,
        };
    }
}
