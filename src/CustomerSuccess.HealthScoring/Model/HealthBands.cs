using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Ordered bands that classify a score: each band runs from its lower bound up to the next band's. The default is
/// red &lt; 40 &lt;= yellow &lt; 70 &lt;= green (docs/design.md section 4). Immutable and thread-safe.
/// </summary>
public sealed class HealthBands
{
    // Scores refer to their bands by number, so that a HealthScore holds no reference: an array of a million scores is
    // then plain memory, written without GC barriers. Band sets are few and live as long as the process.
    private static readonly object RegistryLock = new();
    private static HealthBands[] _registry = []; // copied on write, so reading needs no lock

    private readonly HealthBand[] _bands;

    private HealthBands(HealthBand[] bands)
    {
        _bands = bands;
        lock (RegistryLock)
        {
            Id = _registry.Length;
            Volatile.Write(ref _registry, [.. _registry, this]);
        }
    }

    internal int Id { get; }

    /// <summary>Gets red &lt; 40 &lt;= yellow &lt; 70 &lt;= green.</summary>
    public static HealthBands Default { get; } = Create(("red", 0), ("yellow", 40), ("green", 70));

    /// <summary>Gets the bands, lowest first.</summary>
    public IReadOnlyList<HealthBand> All => ReadOnlyViews.Wrap(_bands);

    /// <summary>Creates bands from names and lower bounds.</summary>
    /// <param name="bands">Lowest first; the first starts at 0; lower bounds strictly ascending, within [0, 100]; names distinct.</param>
    /// <returns>The bands.</returns>
    /// <exception cref="ArgumentException">The bands are empty, unordered, out of range or repeat a name; the message names the band.</exception>
    public static HealthBands Create(params IReadOnlyList<(string Name, double LowerBound)> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0)
        {
            throw new ArgumentException("Bands need at least one band.", nameof(bands));
        }

        var result = new HealthBand[bands.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < bands.Count; i++)
        {
            (string name, double lower) = bands[i];
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name))
            {
                throw new ArgumentException($"Band {i + 1} needs a name of its own ('{name}').", nameof(bands));
            }

            if (i == 0 && lower != 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The lowest band '{name}' must start at 0, not {lower}."), nameof(bands));
            }

            if (!(lower is >= 0 and <= 100) || (i > 0 && lower <= result[i - 1].LowerBound))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Band '{name}' starts at {lower}; bands must start in rising order within 0 to 100."), nameof(bands));
            }

            result[i] = new HealthBand(name, lower, i);
        }

        return new HealthBands(result);
    }

    internal static HealthBands FromId(int id) => Volatile.Read(ref _registry)[id];

    /// <summary>
    /// The registered bands with these names and bounds, or new ones: a process that reads partials all day (a silo
    /// merging other nodes' band counts) then keeps one instance per definition, not one per partial read.
    /// </summary>
    internal static HealthBands Intern(IReadOnlyList<(string Name, double LowerBound)> bands)
    {
        lock (RegistryLock)
        {
            foreach (HealthBands known in _registry)
            {
                if (known.Defines(bands))
                {
                    return known;
                }
            }

            return Create(bands); // the constructor takes the same lock again, which a monitor allows
        }
    }

    /// <summary>Whether both have the same bands: the same names and lower bounds, in the same order.</summary>
    internal bool SameAs(HealthBands other) => ReferenceEquals(this, other) || Defines([.. other._bands.Select(b => (b.Name, b.LowerBound))]);

    private bool Defines(IReadOnlyList<(string Name, double LowerBound)> bands)
    {
        if (bands.Count != _bands.Length)
        {
            return false;
        }

        for (int i = 0; i < _bands.Length; i++)
        {
            if (!string.Equals(bands[i].Name, _bands[i].Name, StringComparison.Ordinal) || !bands[i].LowerBound.Equals(_bands[i].LowerBound))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the band a score falls in.</summary>
    /// <param name="score">A score in [0, 100].</param>
    /// <returns>The band.</returns>
    public HealthBand Classify(double score)
    {
        HealthBand band = _bands[0];
        for (int i = 1; i < _bands.Length; i++)
        {
            if (score < _bands[i].LowerBound)
            {
                break;
            }

            band = _bands[i];
        }

        return band;
    }
}
