namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Maps a signal's raw value to a score in [0, 100]. Curves are how a health model says what good looks like:
/// "80% of licences active is full marks", "every day past due costs points".
/// </summary>
/// <remarks>
/// Implementations must be pure and thread-safe, return a value in [0, 100] for every finite input, and say
/// truthfully whether they never decrease (<see cref="IsNonDecreasing"/>), which the engine's monotonicity law relies on.
/// </remarks>
public interface IScoreCurve
{
    /// <summary>Gets a value indicating whether the score never falls as the raw value rises.</summary>
    bool IsNonDecreasing { get; }

    /// <summary>Maps a finite raw value to a score.</summary>
    /// <param name="raw">The raw value.</param>
    /// <returns>A score in [0, 100].</returns>
    double Score(double raw);
}
