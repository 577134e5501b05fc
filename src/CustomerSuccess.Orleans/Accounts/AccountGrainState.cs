using System.Collections.Generic;
using Orleans;

namespace CustomerSuccess.Orleans;

// What an account grain persists (any Orleans grain storage): the events its rules can still read and the running
// sums of those compacted away, its facts, the last instant each alert
// was raised (the cooldowns), its clock, and its last score with the explanation. Instants are nanoseconds since the
// Unix epoch, as the event store keeps them: exact.
[GenerateSerializer]
[Alias("cs.account-grain-state")]
internal sealed class AccountGrainState
{
    [Id(0)]
    public List<StoredEvent> Events { get; set; } = [];

    [Id(1)]
    public Dictionary<string, decimal> Facts { get; set; } = [];

    [Id(2)]
    public List<Cooldown> Cooldowns { get; set; } = [];

    [Id(3)]
    public long? ClockNanos { get; set; }

    [Id(4)]
    public AccountScore? Score { get; set; }

    [Id(5)]
    public long EventsCompacted { get; set; }

    /// <summary>Running counts and sums of events compacted away that rules over all history still count.</summary>
    [Id(6)]
    public List<StoredTally> Tallies { get; set; } = [];

    /// <summary>The clock at the last compaction.</summary>
    [Id(7)]
    public long? CompactedAtNanos { get; set; }
}

[GenerateSerializer]
[Alias("cs.stored-event")]
internal readonly record struct StoredEvent([property: Id(0)] string Name, [property: Id(1)] long Nanos, [property: Id(2)] decimal Value, [property: Id(3)] string? User, [property: Id(4)] string? Id);

[GenerateSerializer]
[Alias("cs.stored-tally")]
internal readonly record struct StoredTally([property: Id(0)] string Name, [property: Id(1)] string? User, [property: Id(2)] long Count, [property: Id(3)] decimal Sum);

[GenerateSerializer]
[Alias("cs.cooldown")]
internal readonly record struct Cooldown([property: Id(0)] string RuleId, [property: Id(1)] string? Key, [property: Id(2)] long RaisedAtNanos);
