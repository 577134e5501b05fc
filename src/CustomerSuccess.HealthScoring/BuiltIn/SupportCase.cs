using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>A support case, for <see cref="HealthSignals.OldestOpenCaseAge"/> and <see cref="HealthSignals.CountInWindow"/>.</summary>
/// <param name="Opened">When it was opened.</param>
/// <param name="Closed">When it was closed, or <see langword="null"/> while open.</param>
/// <param name="Priority">1 is the most urgent (P1).</param>
public readonly record struct SupportCase(Instant Opened, Instant? Closed, int Priority);
