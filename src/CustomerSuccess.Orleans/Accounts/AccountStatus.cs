using System.Collections.Generic;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>What an account grain holds now: its clock, events and facts kept, cooldowns and last score. Immutable.</summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.account-status")]
public sealed class AccountStatus
{
    /// <summary>Gets the account's id.</summary>
    [Id(0)]
    public required string Account { get; init; }

    /// <summary>Gets the latest instant evaluated as of, in extended ISO form, or <see langword="null"/> before the first evaluation.</summary>
    [Id(1)]
    public string? Clock { get; init; }

    /// <summary>Gets the number of events kept: those within the reach of the rules' bounded windows, and of older ones what the rules still read (<see cref="CustomerSuccess.Behaviors.EventCompactor"/>).</summary>
    [Id(2)]
    public int EventsKept { get; init; }

    /// <summary>Gets the number of events no longer kept: forgotten, or folded into running sums (<see cref="EventsTallied"/>).</summary>
    [Id(3)]
    public long EventsCompacted { get; init; }

    /// <summary>Gets the facts, by name.</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, decimal> Facts { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the last instant each alert (rule, and user for a per-user rule) was raised, as "rule[/user]" to extended ISO.</summary>
    [Id(5)]
    public IReadOnlyDictionary<string, string> LastRaised { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the last score, or <see langword="null"/> when no health model is configured or nothing was scored yet.</summary>
    [Id(6)]
    public AccountScore? Score { get; init; }

    /// <summary>Gets the number of compacted events still counted in running sums, for rules that count over all history.</summary>
    [Id(7)]
    public long EventsTallied { get; init; }
}
