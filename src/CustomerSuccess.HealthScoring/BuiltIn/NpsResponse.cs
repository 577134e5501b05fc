using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>An NPS survey answer, 0 to 10.</summary>
/// <param name="At">When it was given.</param>
/// <param name="Score">The answer, 0 to 10.</param>
public readonly record struct NpsResponse(Instant At, int Score);
