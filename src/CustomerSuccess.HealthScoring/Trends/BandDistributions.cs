using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Json;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The band distribution of every segment: how many accounts of each segment sit in each band, and how many have no
/// score. Counts over disjoint sets of accounts merge (<see cref="Merge"/>) into the counts over their union, and travel
/// between nodes as JSON (<see cref="ToJson"/>, <see cref="FromJson"/>). Immutable and thread-safe.
/// </summary>
public sealed class BandDistributions
{
    private readonly BandDistribution[] _segments; // ordinal order of the segment

    private BandDistributions(HealthBands bands, BandDistribution[] segments)
    {
        Bands = bands;
        _segments = segments;
    }

    /// <summary>The name of this partial's JSON form, its <c>"partial"</c> property.</summary>
    public const string JsonKind = "band-distributions";

    /// <summary>The version of the JSON form <see cref="ToJson"/> writes; <see cref="FromJson"/> reads it and every earlier one.</summary>
    public const int JsonVersion = 1;

    /// <summary>Gets the bands counted in.</summary>
    public HealthBands Bands { get; }

    /// <summary>Gets one distribution per segment, in ordinal order of the segment; none when no account was counted.</summary>
    public IReadOnlyList<BandDistribution> Segments => ReadOnlyViews.Wrap(_segments);

    /// <summary>Counts scores per segment and band.</summary>
    /// <param name="scores">Each account's segment and score; undefined scores count apart, never as 0.</param>
    /// <param name="bands">The bands to count in.</param>
    /// <returns>The counts.</returns>
    public static BandDistributions Of(IEnumerable<(string Segment, HealthScore Score)> scores, HealthBands bands)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(bands);
        var counts = new SortedDictionary<string, (int[] Bands, int Undefined)>(StringComparer.Ordinal);
        foreach ((string segment, HealthScore score) in scores)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(scores));
            if (!counts.TryGetValue(segment, out var entry))
            {
                entry = (new int[bands.All.Count], 0);
            }

            if (score.HasValue)
            {
                ref int count = ref entry.Bands[bands.Classify(score.Value).Index];
                count = checked(count + 1);
            }
            else
            {
                entry.Undefined = checked(entry.Undefined + 1);
            }

            counts[segment] = entry;
        }

        return new BandDistributions(bands, [.. counts.Select(c => new BandDistribution(c.Key, bands, c.Value.Bands, c.Value.Undefined))]);
    }

    /// <summary>Returns a segment's distribution.</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="KeyNotFoundException">No account of the segment was counted.</exception>
    public BandDistribution ForSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        int low = 0, high = _segments.Length - 1;
        while (low <= high)
        {
            int mid = low + ((high - low) / 2);
            int order = string.CompareOrdinal(_segments[mid].Segment, segment);
            if (order == 0)
            {
                return _segments[mid];
            }

            (low, high) = order < 0 ? (mid + 1, high) : (low, mid - 1);
        }

        throw new KeyNotFoundException($"No account of segment '{Quoted.Short(segment)}' was counted; the segments are {string.Join(", ", _segments.Select(s => "'" + Quoted.Short(s.Segment) + "'"))}.");
    }

    /// <summary>Merges counts over a disjoint set of accounts into counts over both. Associative and commutative; exact.</summary>
    /// <param name="other">Counts in the same bands (the same names and lower bounds).</param>
    /// <returns>The merged counts.</returns>
    /// <exception cref="ArgumentException">The bands differ.</exception>
    /// <exception cref="OverflowException">A count passes <see cref="int.MaxValue"/>.</exception>
    public BandDistributions Merge(BandDistributions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Bands.SameAs(other.Bands))
        {
            throw new ArgumentException(
                $"Cannot merge band counts in bands {Describe(other.Bands)} into counts in {Describe(Bands)}; count every part in the same bands.",
                nameof(other));
        }

        var merged = new List<BandDistribution>(_segments.Length + other._segments.Length);
        int i = 0, j = 0;
        while (i < _segments.Length || j < other._segments.Length)
        {
            int order = i == _segments.Length ? 1 : j == other._segments.Length ? -1 : string.CompareOrdinal(_segments[i].Segment, other._segments[j].Segment);
            merged.Add(order < 0 ? _segments[i++] : order > 0 ? other._segments[j++] : _segments[i++].Plus(other._segments[j++]));
        }

        return new BandDistributions(Bands, [.. merged]);
    }

    /// <summary>
    /// Writes the counts as JSON (docs/scale.md gives the form): the bands, then each segment's count per band and
    /// undefined count. <c>FromJson(a.ToJson()).Merge(FromJson(b.ToJson()))</c> is <c>a.Merge(b)</c>.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PartialJson.Write(JsonKind, JsonVersion, writer =>
    {
        WriteBands(writer, Bands);
        writer.WriteStartArray("segments");
        foreach (BandDistribution segment in _segments)
        {
            writer.WriteStartObject();
            writer.WriteString("segment", segment.Segment);
            writer.WriteStartArray("counts");
            foreach (HealthBand band in Bands.All)
            {
                writer.WriteNumberValue(segment.Count(band.Name));
            }

            writer.WriteEndArray();
            writer.WriteNumber("undefined", segment.Undefined);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads counts that <see cref="ToJson"/> wrote, on this node or another.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="CustomerSuccessValidationException">The text is not band counts of a version this build reads; the message and <see cref="CustomerSuccessValidationException.JsonPath"/> name where.</exception>
    public static BandDistributions FromJson(string json) => PartialJson.Read(json, JsonKind, JsonVersion, root =>
    {
        HealthBands bands = ReadBands(root.Property("bands"));
        var segments = new List<BandDistribution>();
        foreach (JsonAt segment in root.Property("segments").Items())
        {
            JsonAt nameAt = segment.Property("segment");
            string name = nameAt.String();
            if (segments.Count > 0 && string.CompareOrdinal(segments[^1].Segment, name) >= 0)
            {
                throw nameAt.Fault($"'{Quoted.Short(name)}' does not come after '{Quoted.Short(segments[^1].Segment)}' in ordinal order (segments are distinct and sorted)");
            }

            JsonAt countsAt = segment.Property("counts");
            if (countsAt.Count != bands.All.Count)
            {
                throw countsAt.Fault(string.Create(CultureInfo.InvariantCulture, $"has {countsAt.Count} counts for {bands.All.Count} bands"));
            }

            int[] counts = [.. countsAt.Items().Select(c => c.Count32())];
            segments.Add(new BandDistribution(name, bands, counts, segment.Property("undefined").Count32()));
        }

        return new BandDistributions(bands, [.. segments]);
    });

    internal static void WriteBands(Utf8JsonWriter writer, HealthBands bands)
    {
        writer.WriteStartArray("bands");
        foreach (HealthBand band in bands.All)
        {
            writer.WriteStartObject();
            writer.WriteString("name", band.Name);
            writer.WriteNumber("lowerBound", band.LowerBound);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    internal static HealthBands ReadBands(JsonAt at)
    {
        (string, double)[] bands = [.. at.Items().Select(b => (b.Property("name").String(), b.Property("lowerBound").Double()))];
        try
        {
            return HealthBands.Intern(bands);
        }
        catch (ArgumentException e)
        {
            throw at.Fault($"are not bands: {e.Message}");
        }
    }

    internal static string Describe(HealthBands bands) =>
        string.Join(" < ", bands.All.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Name} ({b.LowerBound})")));
}
