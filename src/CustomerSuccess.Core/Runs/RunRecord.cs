using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// One daily run as a store keeps it: its id, the date it ran as of, when it started and finished, and what it counted
/// (accounts scored, accounts per band, alerts raised and suppressed...). A store keeps one run per as-of date: running
/// the same date again records nothing and reports the run already recorded.
/// </summary>
public sealed class RunRecord : IEquatable<RunRecord>
{
    /// <summary>Creates a record.</summary>
    /// <param name="id">The run's id.</param>
    /// <param name="asOf">The date it ran as of.</param>
    /// <param name="startedAt">When it started.</param>
    /// <param name="finishedAt">When it finished, not before it started.</param>
    /// <param name="counts">What it counted, by name (each name non-empty, each count zero or more).</param>
    /// <exception cref="ArgumentException">The id is empty, it finished before it started, or a count is negative or unnamed.</exception>
    public RunRecord(Guid id, LocalDate asOf, Instant startedAt, Instant finishedAt, IReadOnlyDictionary<string, long> counts)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A run needs an id.", nameof(id));
        }

        if (finishedAt < startedAt)
        {
            throw new ArgumentException($"The run finished ({finishedAt}) before it started ({startedAt}).", nameof(finishedAt));
        }

        ArgumentNullException.ThrowIfNull(counts);
        var copy = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach ((string name, long count) in counts)
        {
            if (string.IsNullOrWhiteSpace(name) || count < 0)
            {
                throw new ArgumentException($"A run's counts are named and zero or more; '{name}' = {count} is not.", nameof(counts));
            }

            copy.Add(name, count);
        }

        Id = id;
        AsOf = asOf;
        StartedAt = startedAt;
        FinishedAt = finishedAt;
        Counts = copy;
    }

    /// <summary>Gets the run's id.</summary>
    public Guid Id { get; }

    /// <summary>Gets the date it ran as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets when it started.</summary>
    public Instant StartedAt { get; }

    /// <summary>Gets when it finished.</summary>
    public Instant FinishedAt { get; }

    /// <summary>Gets what it counted, by name (ordinal order).</summary>
    public IReadOnlyDictionary<string, long> Counts { get; }

    /// <summary>A count, or 0 when the run did not count it.</summary>
    /// <param name="name">The count's name.</param>
    /// <returns>The count.</returns>
    public long Count(string name) => Counts.TryGetValue(name, out long count) ? count : 0;

    /// <inheritdoc/>
    public bool Equals(RunRecord? other) =>
        other is not null && Id == other.Id && AsOf == other.AsOf && StartedAt == other.StartedAt && FinishedAt == other.FinishedAt
        && Counts.Count == other.Counts.Count && Counts.All(c => other.Counts.TryGetValue(c.Key, out long n) && n == c.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RunRecord);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, AsOf);

    /// <inheritdoc/>
    public override string ToString() => $"run {Id} as of {AsOf:uuuu'-'MM'-'dd}: {string.Join(", ", Counts.Select(c => $"{c.Key} {c.Value}"))}";
}
