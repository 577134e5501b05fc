using System.Globalization;

namespace CustomerSuccess.HealthScoring;

/// <summary>A point of a curve: a raw value and its score.</summary>
/// <param name="Raw">The raw value.</param>
/// <param name="Score">The score, 0 to 100.</param>
public readonly record struct CurvePoint(double Raw, double Score)
{
    /// <summary>Formats as "(raw -> score)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Raw} -> {Score})");
}
