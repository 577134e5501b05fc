using System;

namespace CustomerSuccess.Demo;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform, unlike
/// <see cref="Random"/>, whose seeded algorithm is an implementation detail. The demo data must be the same
/// everywhere because tests and docs quote it.
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns an integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) =>
        minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));

    /// <summary>Returns true with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Returns a value between min and max, uniform in log space (prices spread that way).</summary>
    public double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + (NextDouble() * (Math.Log(max) - Math.Log(min))));

    /// <summary>Picks one element.</summary>
    public T Pick<T>(T[] items) => items[Next(0, items.Length)];

    private ulong NextUInt64()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
