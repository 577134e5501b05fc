using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// An account's health: a score in [0, 100] with its band, or undefined (every signal missing, or a required one) -
/// never 0 in disguise. A small struct: scoring one account allocates nothing.
/// </summary>
public readonly struct HealthScore : IEquatable<HealthScore>
{
    // No reference fields (the band is a number into its band set) and 16 bytes: scoring a million accounts into an
    // array of these writes plain memory, two-thirds of what a 24-byte layout wrote.
    private readonly double _value;
    private readonly int _bands;
    private readonly short _band;
    private readonly bool _hasValue;
    private readonly byte _influences;

    internal HealthScore(double value, HealthBand band, HealthBands bands, HealthScoreInfluences influences)
        : this(value, bands.Id, band.Index, influences)
    {
    }

    // The fields as the columnar kernel writes them (see IsPacked).
    private HealthScore(double value, int bandsId, int bandIndex, HealthScoreInfluences influences)
    {
        _value = value;
        _bands = bandsId;
        _band = (short)bandIndex;
        _hasValue = true;
        _influences = (byte)influences;
    }

    internal HealthScore(HealthScoreInfluences influences) => _influences = (byte)influences;

    /// <summary>
    /// Gets a value indicating whether a defined score is laid out as the columnar path writes it, eight at a time: the
    /// score's bits in the first 8 bytes, then <see cref="BandedTail"/>.
    /// </summary>
    internal static bool IsPacked { get; } = CheckPacked();

    // The second 8 bytes of a defined score, read as a little-endian integer.
    internal static long BandedTail(int bandsId, int bandIndex, HealthScoreInfluences influences) =>
        ((long)influences << 56) | (1L << 48) | ((long)(ushort)bandIndex << 32) | (uint)bandsId;

    private static bool CheckPacked()
    {
        // Sequential layout is the C# default for a struct without references, but the runtime decides; ask it.
        Span<HealthScore> one = [new HealthScore(42.5, 7, 3, HealthScoreInfluences.Gated)];
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(one);
        return BitConverter.IsLittleEndian
            && bytes.Length == 16
            && MemoryMarshal.Read<double>(bytes) == 42.5
            && MemoryMarshal.Read<long>(bytes[8..]) == BandedTail(7, 3, HealthScoreInfluences.Gated);
    }

    /// <summary>Gets a value indicating whether the account has a score.</summary>
    public bool HasValue => _hasValue;

    /// <summary>Gets the score, 0 to 100.</summary>
    /// <exception cref="InvalidOperationException">The score is undefined; check <see cref="HasValue"/> first.</exception>
    public double Value => _hasValue ? _value : throw new InvalidOperationException("The health score is undefined (no signal could be scored); check HasValue first.");

    /// <summary>Gets the band, or <see langword="null"/> when the score is undefined.</summary>
    public HealthBand? Band => _hasValue ? HealthBands.FromId(_bands).All[_band] : null;

    /// <summary>Gets what shaped the score beyond the weighted average.</summary>
    public HealthScoreInfluences Influences => (HealthScoreInfluences)_influences;

    /// <summary>Returns the score, or <see langword="null"/> when undefined.</summary>
    /// <returns>The score or <see langword="null"/>.</returns>
    public double? ToNullable() => _hasValue ? _value : null;

    /// <inheritdoc />
    public bool Equals(HealthScore other) =>
        _hasValue == other._hasValue && Influences == other.Influences && (!_hasValue || (_value.Equals(other._value) && Band == other.Band));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HealthScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hasValue ? HashCode.Combine(_value, _band, Influences) : HashCode.Combine(Influences);

    /// <summary>Formats as "78.4 (green)" or "undefined".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _hasValue ? string.Create(CultureInfo.InvariantCulture, $"{_value:0.0} ({Band!.Value.Name})") : Ratio.UndefinedText;

    /// <summary>Compares two scores for equality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(HealthScore left, HealthScore right) => left.Equals(right);

    /// <summary>Compares two scores for inequality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(HealthScore left, HealthScore right) => !left.Equals(right);
}
