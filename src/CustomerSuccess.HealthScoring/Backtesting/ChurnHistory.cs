using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>What an account looked like on a past day: the state a health model's signals read then.</summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthSnapshot<TAccount>
{
    /// <summary>Initializes a new <see cref="HealthSnapshot{TAccount}"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The day of the snapshot; nothing after it may be in <paramref name="state"/>.</param>
    /// <param name="state">The account as it was that day.</param>
    public HealthSnapshot(AccountId account, LocalDate asOf, TAccount state)
    {
        Account = account;
        AsOf = asOf;
        State = state;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day of the snapshot; nothing after it may be in <see cref="State"/>.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the account as it was that day.</summary>
    public TAccount State { get; }

    /// <summary>The context a snapshot is scored in: the start of its day, in UTC, so nothing later is read.</summary>
    internal Signals.SignalContext Context => new(AsOf.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), DateTimeZone.Utc);
}

/// <summary>How an account's story ended, as far as it was watched.</summary>
public sealed class ChurnOutcome
{
    /// <summary>Initializes a new <see cref="ChurnOutcome"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="churnedOn">The day it churned, or <see langword="null"/> if it had not churned by <paramref name="observedUntil"/>.</param>
    /// <param name="observedUntil">The last day the account was observed.</param>
    public ChurnOutcome(AccountId account, LocalDate? churnedOn, LocalDate observedUntil)
    {
        Account = account;
        ChurnedOn = churnedOn;
        ObservedUntil = observedUntil;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day it churned, or <see langword="null"/> if it had not churned by <see cref="ObservedUntil"/>.</summary>
    public LocalDate? ChurnedOn { get; }

    /// <summary>Gets the last day the account was observed.</summary>
    public LocalDate ObservedUntil { get; }
}

/// <summary>How a snapshot counts for a horizon.</summary>
public enum SnapshotLabel
{
    /// <summary>The account had not churned by as-of + horizon and was observed that long: 0.</summary>
    Retained = 0,

    /// <summary>The account churned within (as-of, as-of + horizon]: 1.</summary>
    Churned = 1,

    /// <summary>Not churned, but observation ends before as-of + horizon: left out.</summary>
    Censored = 2,

    /// <summary>Taken on or after the churn date: left out.</summary>
    AfterChurn = 3,

    /// <summary>No outcome is known for the account: left out.</summary>
    NoOutcome = 4,
}

/// <summary>
/// Past snapshots of accounts and how each account's story ended: the history a health model is backtested against
/// (DESIGN section 7). Immutable.
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
