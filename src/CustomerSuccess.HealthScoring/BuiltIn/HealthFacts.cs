using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>A support case, for <see cref="HealthSignals.OldestOpenCaseAge"/> and <see cref="HealthSignals.CountInWindow"/>.</summary>
/// <param name="Opened">When it was opened.</param>
/// <param name="Closed">When it was closed, or <see langword="null"/> while open.</param>
/// <param name="Priority">1 is the most urgent (P1).</param>
public readonly record struct SupportCase(Instant Opened, Instant? Closed, int Priority);

/// <summary>An NPS survey answer, 0 to 10.</summary>
/// <param name="At">When it was given.</param>
/// <param name="Score">The answer, 0 to 10.</param>
public readonly record struct NpsResponse(Instant At, int Score);

/// <summary>An invoice, for <see cref="HealthSignals.DaysPastDue"/>.</summary>
/// <param name="Due">The due date.</param>
/// <param name="Paid">The day it was paid, or <see langword="null"/> while unpaid.</param>
public readonly record struct Invoice(LocalDate Due, LocalDate? Paid);
