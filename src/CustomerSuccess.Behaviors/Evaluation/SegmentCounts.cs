using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Json;
using CustomerSuccess.Signals;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// How many accounts each named segment (a behavior predicate: "usage down 25%") holds as of an instant, in total and per
/// group of accounts (a customer segment, a region, a CSM), out of how many were judged. Counts over disjoint sets of
/// accounts merge (<see cref="Merge"/>) into the counts over their union and travel between nodes as JSON
/// (<see cref="ToJson"/>, <see cref="FromJson"/>). Immutable and thread-safe.
/// </summary>
public sealed class SegmentCounts
{
    private readonly (string Name, string Predicate)[] _segments; // in the order given
    private readonly string[] _groups; // ordinal order
    private readonly int[] _judged; // per group
    private readonly int[] _matched; // [segment * groups + group]

    private SegmentCounts(Instant asOf, (string Name, string Predicate)[] segments, string[] groups, int[] judged, int[] matched)
    {
        AsOf = asOf;
        _segments = segments;
        _groups = groups;
        _judged = judged;
        _matched = matched;
    }

    /// <summary>The name of this partial's JSON form, its <c>"partial"</c> property.</summary>
    public const string JsonKind = "segment-counts";

    /// <summary>The version of the JSON form <see cref="ToJson"/> writes; <see cref="FromJson"/> reads it and every earlier one.</summary>
    public const int JsonVersion = 1;

    /// <summary>Gets the instant the segments were judged as of.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the segments' names and predicates (in the text form), in the order they were given.</summary>
    public IReadOnlyList<(string Name, string Predicate)> Segments => ReadOnlyViews.Wrap(_segments);

    /// <summary>Gets the groups with a judged account, in ordinal order; a single empty-string group when none was given.</summary>
    public IReadOnlyList<string> Groups => ReadOnlyViews.Wrap(_groups);

    /// <summary>Gets the number of accounts judged.</summary>
    public int Judged => _judged.Sum();

    /// <summary>Counts the accounts of each segment, judging every account with an event at or before the as-of instant (and any others given), as <see cref="BehaviorEvaluator.Segment"/> does.</summary>
    /// <param name="evaluator">The events and facts.</param>
    /// <param name="segments">At least one segment: a distinct name and a predicate each.</param>
    /// <param name="context">The as-of instant and time zone.</param>
    /// <param name="groupOf">The group of an account (never null); all in one group named "" when <see langword="null"/>.</param>
    /// <param name="moreAccounts">Accounts to judge besides those with events, such as every account with facts.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentException">No segment is given, or two share a name.</exception>
    public static SegmentCounts Count(BehaviorEvaluator evaluator, IReadOnlyList<(string Name, BehaviorPredicate Predicate)> segments, in SignalContext context, Func<AccountId, string>? groupOf = null, IEnumerable<AccountId>? moreAccounts = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0)
        {
            throw new ArgumentException("Count at least one segment.", nameof(segments));
        }

        if (segments.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two segments are named '{Quoted.Short(twice.Key)}'; each needs a name of its own.", nameof(segments));
        }

        CompiledPredicate[] compiled = [.. segments.Select(s => evaluator.Compile(s.Predicate))];
        Scope start = evaluator.ScopeFor(default, -1, context);
        (AccountId Account, int Index)[] accounts = [.. compiled[0].AccountsToJudge(moreAccounts, start.T)];

        // Each account's group and the segments it is in (a bit each), judged in parts like Segment, then counted in order.
        List<(string Group, ulong[] In)> judged = evaluator.JudgeInParts<(string, ulong[])>(accounts.Length, (first, end, results) =>
        {
            for (int a = first; a < end; a++)
            {
                (AccountId account, int index) = accounts[a];
                var bits = new ulong[(compiled.Length + 63) / 64];
                for (int s = 0; s < compiled.Length; s++)
                {
                    Scope scope = start.At(account, index);
                    if (compiled[s].Bound.Evaluate(ref scope))
                    {
                        bits[s / 64] |= 1UL << (s % 64);
                    }
                }

                string group = groupOf is null ? string.Empty : groupOf(account) ?? throw new ArgumentException($"The group of account '{account}' is null; name a group, or \"\".", nameof(groupOf));
                results.Add((group, bits));
            }
        });

        string[] groups = judged.Count == 0 ? [string.Empty] : [.. judged.Select(j => j.Group).Distinct().Order(StringComparer.Ordinal)];
        var groupIndex = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        int[] judgedPerGroup = new int[groups.Length];
        int[] matched = new int[compiled.Length * groups.Length];
        foreach ((string group, ulong[] bits) in judged)
        {
            int g = groupIndex[group];
            judgedPerGroup[g]++;
            for (int s = 0; s < compiled.Length; s++)
            {
                matched[(s * groups.Length) + g] += (int)((bits[s / 64] >> (s % 64)) & 1);
            }
        }

        return new SegmentCounts(context.AsOf, [.. segments.Select(s => (s.Name, s.Predicate.ToString()))], groups, judgedPerGroup, matched);
    }

    /// <summary>Returns the number of accounts of a group judged.</summary>
    /// <param name="group">A group in <see cref="Groups"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">No account of the group was judged.</exception>
    public int JudgedIn(string group) => _judged[GroupIndex(group)];

    /// <summary>Returns the number of accounts in a segment.</summary>
    /// <param name="segment">A segment's name.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">No segment has that name.</exception>
    public int Matched(string segment)
    {
        int s = SegmentIndex(segment);
        int matched = 0;
        foreach (int count in _matched.AsSpan(s * _groups.Length, _groups.Length))
        {
            matched += count; // at most the judged accounts, which an int holds
        }

        return matched;
    }

    /// <summary>Returns the number of accounts of a group in a segment.</summary>
    /// <param name="segment">A segment's name.</param>
    /// <param name="group">A group in <see cref="Groups"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="KeyNotFoundException">No segment has that name, or no account of the group was judged.</exception>
    public int Matched(string segment, string group) => _matched[(SegmentIndex(segment) * _groups.Length) + GroupIndex(group)];

    /// <summary>Returns a segment's share of the judged accounts; undefined when none was judged.</summary>
    /// <param name="segment">A segment's name.</param>
    /// <returns>The share.</returns>
    /// <exception cref="KeyNotFoundException">No segment has that name.</exception>
    public Ratio Share(string segment) => Ratio.Of(Matched(segment), Judged);

    /// <summary>Merges counts over a disjoint set of accounts into counts over both. Associative and commutative; exact.</summary>
    /// <param name="other">Counts of the same segments (names and predicates, in the same order) as of the same instant.</param>
    /// <returns>The merged counts.</returns>
    /// <exception cref="ArgumentException">The instants or the segments differ.</exception>
    /// <exception cref="OverflowException">A count passes <see cref="int.MaxValue"/>.</exception>
    public SegmentCounts Merge(SegmentCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.AsOf != AsOf || !other._segments.SequenceEqual(_segments))
        {
            throw new ArgumentException(
                $"Cannot merge counts of [{Describe(other)}] as of {other.AsOf} into counts of [{Describe(this)}] as of {AsOf}; count every part with the same segments as of the same instant.",
                nameof(other));
        }

        // A part with no account judged has only the empty group: it adds nothing, and must not add a group either.
        if (other.Judged == 0)
        {
            return this;
        }

        if (Judged == 0)
        {
            return other;
        }

        string[] groups = [.. _groups.Union(other._groups, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        int[] judged = new int[groups.Length];
        int[] matched = new int[_segments.Length * groups.Length];
        foreach (SegmentCounts source in new[] { this, other })
        {
            for (int g = 0; g < source._groups.Length; g++)
            {
                int target = Array.BinarySearch(groups, source._groups[g], StringComparer.Ordinal);
                judged[target] = checked(judged[target] + source._judged[g]);
                for (int s = 0; s < _segments.Length; s++)
                {
                    ref int m = ref matched[(s * groups.Length) + target];
                    m = checked(m + source._matched[(s * source._groups.Length) + g]);
                }
            }
        }

        return new SegmentCounts(AsOf, _segments, groups, judged, matched);
    }

    /// <summary>Writes the counts as JSON (docs/scale.md gives the form): the instant, the segments, then each group's judged and matched counts.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PartialJson.Write(JsonKind, JsonVersion, writer =>
    {
        writer.WriteString("asOf", InstantPattern.ExtendedIso.Format(AsOf));
        writer.WriteStartArray("segments");
        foreach ((string name, string predicate) in _segments)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("predicate", predicate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("groups");
        for (int g = 0; g < _groups.Length; g++)
        {
            writer.WriteStartObject();
            writer.WriteString("group", _groups[g]);
            writer.WriteNumber("judged", _judged[g]);
            writer.WriteStartArray("matched");
            for (int s = 0; s < _segments.Length; s++)
            {
                writer.WriteNumberValue(_matched[(s * _groups.Length) + g]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads counts that <see cref="ToJson"/> wrote, on this node or another.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="CustomerSuccessValidationException">The text is not segment counts of a version this build reads, or a count cannot be; the message and <see cref="CustomerSuccessValidationException.JsonPath"/> name where.</exception>
    public static SegmentCounts FromJson(string json) => PartialJson.Read(json, JsonKind, JsonVersion, root =>
    {
        JsonAt asOfAt = root.Property("asOf");
        ParseResult<Instant> asOf = InstantPattern.ExtendedIso.Parse(asOfAt.String());
        if (!asOf.Success)
        {
            throw asOfAt.Fault("is not an instant such as 2026-11-17T09:00:00Z");
        }

        var segments = new List<(string, string)>();
        foreach (JsonAt segment in root.Property("segments").Items())
        {
            JsonAt nameAt = segment.Property("name");
            string name = nameAt.String();
            if (segments.Any(s => s.Item1 == name))
            {
                throw nameAt.Fault($"repeats the segment '{Quoted.Short(name)}'");
            }

            segments.Add((name, segment.Property("predicate").String()));
        }

        JsonAt groupsAt = root.Property("groups");
        if (segments.Count == 0 || groupsAt.Count == 0)
        {
            throw (segments.Count == 0 ? root.Property("segments") : groupsAt).Fault("is empty; counts have at least one segment and one group");
        }

        string[] groups = new string[groupsAt.Count];
        int[] judged = new int[groups.Length];
        int[] matched = new int[segments.Count * groups.Length];
        int g = 0;
        foreach (JsonAt group in groupsAt.Items())
        {
            JsonAt groupAt = group.Property("group");
            groups[g] = groupAt.String();
            if (g > 0 && string.CompareOrdinal(groups[g - 1], groups[g]) >= 0)
            {
                throw groupAt.Fault($"'{Quoted.Short(groups[g])}' does not come after '{Quoted.Short(groups[g - 1])}' in ordinal order (groups are distinct and sorted)");
            }

            judged[g] = group.Property("judged").Count32();
            JsonAt matchedAt = group.Property("matched");
            if (matchedAt.Count != segments.Count)
            {
                throw matchedAt.Fault(string.Create(CultureInfo.InvariantCulture, $"has {matchedAt.Count} counts for {segments.Count} segments"));
            }

            int s = 0;
            foreach (JsonAt count in matchedAt.Items())
            {
                int value = count.Count32();
                matched[(s++ * groups.Length) + g] = value <= judged[g] ? value : throw count.Fault("is more than the group's judged accounts");
            }

            g++;
        }

        return new SegmentCounts(asOf.Value, [.. segments], groups, judged, matched);
    });

    private static string Describe(SegmentCounts counts) => string.Join(", ", counts._segments.Select(s => $"{Quoted.Short(s.Name)}: {Quoted.Short(s.Predicate)}"));

    private int SegmentIndex(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        int s = Array.FindIndex(_segments, x => string.Equals(x.Name, segment, StringComparison.Ordinal));
        return s >= 0 ? s : throw new KeyNotFoundException($"There is no segment '{Quoted.Short(segment)}'; the segments are {string.Join(", ", _segments.Select(x => "'" + Quoted.Short(x.Name) + "'"))}.");
    }

    private int GroupIndex(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        int g = Array.BinarySearch(_groups, group, StringComparer.Ordinal);
        return g >= 0 ? g : throw new KeyNotFoundException($"No account of group '{Quoted.Short(group)}' was judged; the groups are {string.Join(", ", _groups.Select(x => "'" + Quoted.Short(x) + "'"))}.");
    }
}
