using System;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>A comparison's threshold as written: an exact decimal number or fraction, an instant or a duration.</summary>
internal readonly record struct Threshold(BehaviorValueKind Kind, decimal Number, long Nanos)
{
    /// <summary>The largest fraction a threshold may be: one that still reads as a percentage (x 100 fits a decimal).</summary>
    internal const decimal MaxFraction = decimal.MaxValue / 100m;

    internal static Threshold Of(BehaviorValueKind kind, decimal number) =>
        kind == BehaviorValueKind.Fraction && Math.Abs(number) > MaxFraction
            ? throw new ArgumentOutOfRangeException(nameof(number), number, $"A fraction to compare with is at most {MaxFraction} in magnitude, so that it reads as a percentage.")
            : new(kind, BehaviorText.Normalise(number), 0);

    internal static Threshold Of(Instant instant) => new(BehaviorValueKind.Instant, 0m, EventTime.ToNanosClamped(instant));

    internal static Threshold Of(Duration duration) => new(BehaviorValueKind.Duration, 0m, duration.ToInt64Nanoseconds());

    /// <summary>The threshold as text, as the evidence prints it.</summary>
    internal string Text => Kind switch
    {
        BehaviorValueKind.Fraction => BehaviorText.Percent(Number),
        BehaviorValueKind.Instant => BehaviorText.Instant(EventTime.ToInstant(Nanos)),
        BehaviorValueKind.Duration => BehaviorText.Duration(Duration.FromNanoseconds(Nanos)),
        _ => BehaviorText.Number(Number),
    };

    internal static void CheckKind(BehaviorValueKind expected, BehaviorValueKind given, string aggregate)
    {
        bool fits = expected == given || (expected == BehaviorValueKind.Fraction && given == BehaviorValueKind.Number);
        if (!fits)
        {
            throw new ArgumentException($"{aggregate} observes {Describe(expected)}, so it is compared with {Describe(expected)}, not {Describe(given)}.");
        }
    }

    internal static string Describe(BehaviorValueKind kind) => kind switch
    {
        BehaviorValueKind.Fraction => "a fraction (a percentage such as -25%)",
        BehaviorValueKind.Instant => "an instant (such as 2026-11-17T00:00:00Z)",
        BehaviorValueKind.Duration => "a duration (such as 14d)",
        _ => "a number",
    };
}
