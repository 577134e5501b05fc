using System.Collections.Generic;

namespace CustomerSuccess.Behaviors;

/// <summary>What an <see cref="EventCompactor"/> keeps: events, and tallies of those folded into running sums.</summary>
public sealed class CompactedEvents
{
    internal CompactedEvents(IReadOnlyList<BehaviorEvent> events, IReadOnlyList<EventTally> tallies, int forgotten)
    {
        Events = events;
        Tallies = tallies;
        Forgotten = forgotten;
    }

    /// <summary>Gets the events kept, in the order they were given.</summary>
    public IReadOnlyList<BehaviorEvent> Events { get; }

    /// <summary>Gets the tallies (the earlier ones with the newly folded events added), by account, name and user (ordinal).</summary>
    public IReadOnlyList<EventTally> Tallies { get; }

    /// <summary>Gets how many of the events given were not kept (folded into a tally, no longer readable, or a duplicate by id).</summary>
    public int Forgotten { get; }

    /// <summary>Builds the store a <see cref="BehaviorEvaluator"/> reads: the kept events with the tallies.</summary>
    /// <returns>The store.</returns>
    public EventStore ToStore() => EventStore.Create(Events, Tallies);
}
