using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using NodaTime;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// One account, live: it keeps the account's recent events (as far back as the rules read) and facts, evaluates the rules
/// when events or facts arrive and when its clock moves, keeps its cooldowns and last score in grain storage, and
/// publishes what it raises on the alert streams. When the silo has an <see cref="IAlertLog"/> (the project's SQLite or
/// PostgreSQL store), what it raises is recorded there too, with its evidence, where <c>alerts list --store</c> and the
/// report read it. Keyed by the account id.
/// </summary>
[Alias("cs.account-grain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records events of this account (in any order, late ones too) and, when
    /// <see cref="CustomerSuccessClusterOptions.EvaluateOnEvent"/> is on, evaluates the rules as of the newest instant seen.
    /// </summary>
    /// <param name="events">Events of this account.</param>
    /// <returns>The alerts raised; none when nothing was evaluated.</returns>
    /// <exception cref="System.ArgumentException">An event belongs to another account.</exception>
    [Alias("record-events")]
    Task<IReadOnlyList<AccountAlert>> RecordEventsAsync(IReadOnlyList<BehaviorEvent> events);

    /// <summary>Sets facts of this account (licences, days past due); evaluates as of the clock when events evaluate and the clock is set.</summary>
    /// <param name="facts">Facts by name; each replaces the value before.</param>
    /// <returns>The alerts raised.</returns>
    [Alias("record-facts")]
    Task<IReadOnlyList<AccountAlert>> RecordFactsAsync(IReadOnlyDictionary<string, decimal> facts);

    /// <summary>Moves the account's clock to an instant and evaluates the rules as of it: what makes "nobody logged in for 14 days" fire without an event.</summary>
    /// <param name="asOf">The instant; not before the clock.</param>
    /// <returns>The alerts raised.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The instant is before the clock.</exception>
    [Alias("advance-to")]
    Task<IReadOnlyList<AccountAlert>> AdvanceToAsync(Instant asOf);

    /// <summary>Returns what the grain holds.</summary>
    /// <returns>The status.</returns>
    [Alias("status")]
    Task<AccountStatus> GetStatusAsync();
}
