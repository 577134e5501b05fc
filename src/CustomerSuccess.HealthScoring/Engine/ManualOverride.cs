using System;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A CSM's judgement that replaces the computed score until it expires ("the champion just resigned"): it carries a
/// reason, so the explanation can show it, and an expiry, so a stale opinion does not outlive the facts. Immutable.
/// </summary>
public sealed class ManualOverride
{
    /// <summary>Initializes an override.</summary>
    /// <param name="score">The score to report, 0 to 100.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expires">The first instant it no longer applies.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0 to 100.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public ManualOverride(double score, string reason, Instant expires)
    {
        if (!(score is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "An override's score must be between 0 and 100.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Score = score;
        Reason = reason;
        Expires = expires;
    }

    /// <summary>Gets the score reported while the override applies.</summary>
    public double Score { get; }

    /// <summary>Gets why the score was overridden.</summary>
    public string Reason { get; }

    /// <summary>Gets the first instant at which the override no longer applies.</summary>
    public Instant Expires { get; }

    /// <summary>Returns whether the override applies at an instant.</summary>
    /// <param name="asOf">The instant.</param>
    /// <returns><see langword="true"/> before <see cref="Expires"/>.</returns>
    public bool AppliesAt(Instant asOf) => asOf < Expires;
}
