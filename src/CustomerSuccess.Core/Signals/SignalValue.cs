using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerSuccess.Signals;

/// <summary>
/// What a signal measured for one account: a finite raw value (before any curve maps it to a score), or
/// missing, with the reason it is missing.
/// </summary>
/// <remarks>
/// Missing is not zero: a health model decides per signal whether a missing value is skipped, substituted
/// or fails the score. <c>default(SignalValue)</c> is missing ("no value was measured"), so an uninitialised
/// result is never read as a zero. This type is immutable and thread-safe.
/// </remarks>
public readonly struct SignalValue : IEquatable<SignalValue>
{
    private const string DefaultMissingReason = "no value was measured";

    private readonly double _value;
    private readonly string? _missingReason;
    private readonly bool _isPresent;

    private SignalValue(double value)
    {
        _value = value;
        _missingReason = null;
        _isPresent = true;
    }

    private SignalValue(string reason)
    {
        _value = 0d;
        _missingReason = reason;
        _isPresent = false;
    }

    /// <summary>Gets a value indicating whether a value was measured.</summary>
    [MemberNotNullWhen(false, nameof(MissingReason))]
    public bool IsPresent => _isPresent;

    /// <summary>Gets the measured raw value.</summary>
    /// <exception cref="InvalidOperationException">The value is missing; the message gives the reason.</exception>
    public double Value => _isPresent
        ? _value
        : throw new InvalidOperationException($"The signal value is missing ({MissingReason}); check IsPresent first.");

    /// <summary>Gets why the value is missing, or <see langword="null"/> when it is present.</summary>
    public string? MissingReason => _isPresent ? null : _missingReason ?? DefaultMissingReason;

    /// <summary>Returns a measured value.</summary>
    /// <param name="value">The raw value; must be finite.</param>
    /// <returns>A present value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite: report <see cref="Missing"/> instead.</exception>
    public static SignalValue Of(double value) => double.IsFinite(value)
        ? new SignalValue(value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A signal value must be finite; when nothing can be measured, return SignalValue.Missing(reason).");

    /// <summary>Returns a measured yes/no value as 1 or 0.</summary>
    /// <param name="value">The condition.</param>
    /// <returns>A present value of 1 or 0.</returns>
    public static SignalValue Of(bool value) => new(value ? 1d : 0d);

    /// <summary>Returns a missing value with the reason, which explanations show to the reader.</summary>
    /// <param name="reason">Why nothing was measured, such as "no NPS response in the last 180 days".</param>
    /// <returns>A missing value.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null, empty or whitespace.</exception>
    public static SignalValue Missing(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SignalValue(reason);
    }

    /// <summary>Gets the value when present.</summary>
    /// <param name="value">The value, or 0 when missing (do not use it then).</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool TryGetValue(out double value)
    {
        value = _value;
        return _isPresent;
    }

    /// <inheritdoc />
    public bool Equals(SignalValue other) => _isPresent
        ? other._isPresent && _value.Equals(other._value)
        : !other._isPresent && string.Equals(MissingReason, other.MissingReason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SignalValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _isPresent ? _value.GetHashCode() : StringComparer.Ordinal.GetHashCode(MissingReason!);

    /// <summary>Returns the invariant value, or "missing (reason)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _isPresent ? _value.ToString("R", CultureInfo.InvariantCulture) : $"missing ({MissingReason})";

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are present and equal, or both missing for the same reason.</returns>
    public static bool operator ==(SignalValue left, SignalValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(SignalValue left, SignalValue right) => !left.Equals(right);
}
