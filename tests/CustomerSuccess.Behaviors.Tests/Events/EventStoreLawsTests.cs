using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>
/// The store sorts its columns by (name, account) one of two ways: a counting sort by the pair when there are no more
/// pairs than events, by account and then by name otherwise. Both must keep every event once, each account's events by
/// name and then (instant, value, user), exactly as a plain sort of the events would.
/// </summary>
public class EventStoreLawsTests
{
    [Property(MaxTest = 300)]
    public Property Build_KeepsEveryEvent_InThePlainSortsOrder_WithFewOrManyPairs(PositiveInt accounts, PositiveInt names, NonNegativeInt[] seeds)
    {
        int accountCount = 1 + (accounts.Get % 12), nameCount = 1 + (names.Get % 6);
        Instant t0 = Instant.FromUtc(2026, 1, 1, 0, 0);
        BehaviorEvent[] events = [.. seeds.Select((s, i) => new BehaviorEvent(
            new AccountId($"a{(s.Get * 7 + i) % accountCount}"),
            $"e{(s.Get / 3) % nameCount}",
            t0 + Duration.FromMinutes(s.Get % 50),
            (s.Get % 5) - 2,
            s.Get % 4 == 0 ? null : $"u{s.Get % 3}"))];

        EventStore store = EventStore.Create(events);

        IEnumerable<(string, string, Instant, decimal, string?)> Key(IEnumerable<BehaviorEvent> es) =>
            es.Select(e => (e.Account.Value, e.Name, e.OccurredAt, e.Value, e.UserId));
        var expected = Key(events)
            .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2, StringComparer.Ordinal)
            .ThenBy(e => e.Item3).ThenBy(e => e.Item4).ThenBy(e => e.Item5, StringComparer.Ordinal)
            .ToList();
        var actual = Key(store.Accounts.SelectMany(store.EventsOf)).ToList();

        return (store.Count == events.Length && expected.SequenceEqual(actual))
            .Label($"{accountCount} accounts x {nameCount} names, {events.Length} events");
    }

    // The builder's columns start at 1,024 events and grow in native memory: events added past a growth, with or without a
    // capacity asked ahead, come out as a plain sort gives them; a builder dropped unbuilt is freed by its finalizer.
    [Theory]
    [InlineData(0, 5_000)]
    [InlineData(1_500, 5_000)]
    [InlineData(10_000, 5_000)]
    public void Build_AfterTheColumnsGrew_KeepsEveryEventInOrder(int capacity, int count)
    {
        Instant t0 = Instant.FromUtc(2026, 1, 1, 0, 0);
        BehaviorEvent[] events = [.. Enumerable.Range(0, count).Select(i => new BehaviorEvent(
            new AccountId($"a{(i * 7919) % 37}"),
            $"e{(i * 31) % 3}",
            t0 + Duration.FromMinutes((i * 104_729) % 10_000),
            i % 9,
            i % 5 == 0 ? null : $"u{i % 4}"))];

        var builder = new EventStore.Builder().EnsureCapacity(capacity);
        foreach (BehaviorEvent e in events)
        {
            builder.Add(e);
        }

        EventStore store = builder.Build();

        var expected = events.Select(e => (e.Account.Value, e.Name, e.OccurredAt, e.Value, e.UserId))
            .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2, StringComparer.Ordinal)
            .ThenBy(e => e.Item3).ThenBy(e => e.Item4).ThenBy(e => e.Item5, StringComparer.Ordinal)
            .ToList();
        var actual = store.Accounts.SelectMany(store.EventsOf).Select(e => (e.Account.Value, e.Name, e.OccurredAt, e.Value, e.UserId)).ToList();
        Assert.Equal(expected, actual);
        Assert.Throws<InvalidOperationException>(() => builder.Add(events[0]));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void ABuilderDroppedUnbuilt_IsFreedByTheFinalizer_AndOthersStillBuild()
    {
        static void Drop()
        {
            var builder = new EventStore.Builder().EnsureCapacity(100_000);
            builder.Add(new BehaviorEvent(new AccountId("a"), "login", Instant.FromUtc(2026, 1, 1, 0, 0)));
        }

        Drop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        EventStore store = EventStore.Create([new BehaviorEvent(new AccountId("b"), "login", Instant.FromUtc(2026, 1, 1, 0, 0))]);
        Assert.Equal(1, store.Count);
    }
}
