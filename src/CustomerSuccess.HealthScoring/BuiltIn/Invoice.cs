using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>An invoice, for <see cref="HealthSignals.DaysPastDue"/>.</summary>
/// <param name="Due">The due date.</param>
/// <param name="Paid">The day it was paid, or <see langword="null"/> while unpaid.</param>
public readonly record struct Invoice(LocalDate Due, LocalDate? Paid);
