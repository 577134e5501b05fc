using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>One measurement of a metric.</summary>
/// <param name="On">The date measured.</param>
/// <param name="Value">The value.</param>
public readonly record struct Measurement(LocalDate On, double Value);
