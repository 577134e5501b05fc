using System;
using System.Globalization;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>A value observed by an aggregate, or a threshold it is compared with. Immutable.</summary>
public readonly struct BehaviorValue : IEquatable<BehaviorValue>
{
    private readonly decimal _number;
    private readonly long _nanos;

    private BehaviorValue(BehaviorValueKind kind, decimal number, long nanos)
    {
        Kind = kind;
        _number = number;
        _nanos = nanos;
    }

    /// <summary>Gets the kind of value.</summary>
    public BehaviorValueKind Kind { get; }

    /// <summary>Gets the number (or fraction); 0 for instants and durations.</summary>
    public decimal Number => _number;

    /// <summary>Gets the instant of an <see cref="BehaviorValueKind.Instant"/> value.</summary>
    public Instant Instant => EventTime.ToInstant(_nanos);

    /// <summary>Gets the duration of a <see cref="BehaviorValueKind.Duration"/> value.</summary>
    public Duration Duration => Duration.FromNanoseconds(_nanos);

    /// <summary>Nanoseconds for instants and durations, so that comparisons are exact integers.</summary>
    internal long Nanos => _nanos;

    /// <summary>Returns a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static BehaviorValue OfNumber(decimal value) => new(BehaviorValueKind.Number, value, 0);

    /// <summary>Returns a fraction.</summary>
    /// <param name="value">The fraction, -0.25 for a 25% drop.</param>
    /// <returns>The value.</returns>
    public static BehaviorValue OfFraction(decimal value) => new(BehaviorValueKind.Fraction, value, 0);

    /// <summary>Returns an instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The value.</returns>
    public static BehaviorValue OfInstant(Instant value) => new(BehaviorValueKind.Instant, 0m, EventTime.ToNanosClamped(value));

    /// <summary>Returns a duration.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The value.</returns>
    public static BehaviorValue OfDuration(Duration value) => new(BehaviorValueKind.Duration, 0m, value.ToInt64Nanoseconds());

    internal static BehaviorValue OfNanos(BehaviorValueKind kind, long nanos) => new(kind, 0m, nanos);

    /// <inheritdoc />
    public bool Equals(BehaviorValue other) => Kind == other.Kind && _number.Equals(other._number) && _nanos == other._nanos;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BehaviorValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, _number, _nanos);

    /// <summary>Returns the value as the text form writes it: 6, -31.5%, 2026-11-17T09:00:00Z, 16.5d.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        BehaviorValueKind.Fraction => (_number * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%",
        BehaviorValueKind.Instant => BehaviorText.Instant(Instant),
        BehaviorValueKind.Duration => (_nanos / 86_400e9).ToString("0.##", CultureInfo.InvariantCulture) + "d",
        _ => BehaviorText.Number(_number),
    };

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(BehaviorValue left, BehaviorValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BehaviorValue left, BehaviorValue right) => !left.Equals(right);
}
