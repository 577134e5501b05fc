using System;
using System.Text;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A number, instant or duration observed from an account's events (or supplied as a fact) as of an instant:
/// the left-hand side of a comparison. Create one with the static methods and compare it to get a <see cref="BehaviorPredicate"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Equal when the text forms are equal.</remarks>
public sealed class BehaviorAggregate : IEquatable<BehaviorAggregate>
{
    private BehaviorAggregate(AggregateKind kind, string name, BehaviorWindow? window, BehaviorAggregate? current = null, BehaviorAggregate? denominator = null)
    {
        Kind = kind;
        Name = name;
        Window = window;
        Current = current;
        Denominator = denominator;
    }

    /// <summary>Gets the kind of aggregate.</summary>
    public AggregateKind Kind { get; }

    /// <summary>Gets the event name, or the fact name for <see cref="AggregateKind.Fact"/>; for a change, the event of its current aggregate.</summary>
    public string Name { get; }

    /// <summary>Gets the window aggregated over; for a change, the baseline window. <see langword="null"/> for since-last and facts.</summary>
    public BehaviorWindow? Window { get; }

    /// <summary>Gets, for a change, the aggregate over the current window; for a ratio, the numerator.</summary>
    public BehaviorAggregate? Current { get; }

    /// <summary>Gets, for a ratio, the denominator.</summary>
    public BehaviorAggregate? Denominator { get; }

    /// <summary>Gets the kind of value observed.</summary>
    public BehaviorValueKind ValueKind => Kind switch
    {
        AggregateKind.First or AggregateKind.Last => BehaviorValueKind.Instant,
        AggregateKind.SinceLast => BehaviorValueKind.Duration,
        AggregateKind.Change or AggregateKind.Ratio => BehaviorValueKind.Fraction,
        _ => BehaviorValueKind.Number,
    };

    /// <summary>Counts the events in a window.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate Count(string eventName, BehaviorWindow window) => Windowed(AggregateKind.Count, eventName, window);

    /// <summary>Sums the events' values in a window.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate Sum(string eventName, BehaviorWindow window) => Windowed(AggregateKind.Sum, eventName, window);

    /// <summary>Counts the distinct users who did it in a window (events without a user are not counted).</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate DistinctUsers(string eventName, BehaviorWindow window) => Windowed(AggregateKind.DistinctUsers, eventName, window);

    /// <summary>Counts the distinct local days (in the evaluation's time zone) on which it happened in a window.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate DistinctDays(string eventName, BehaviorWindow window) => Windowed(AggregateKind.DistinctDays, eventName, window);

    /// <summary>The instant of the first event in a window; undefined when there is none.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate First(string eventName, BehaviorWindow window) => Windowed(AggregateKind.First, eventName, window);

    /// <summary>The instant of the last event in a window; undefined when there is none.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate Last(string eventName, BehaviorWindow window) => Windowed(AggregateKind.Last, eventName, window);

    /// <summary>The value of the last event in a window (the latest survey answer); undefined when there is none.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate LastValue(string eventName, BehaviorWindow window) => Windowed(AggregateKind.LastValue, eventName, window);

    /// <summary>
    /// One number over another as a fraction, such as active users over licences sold: <c>ratio(distinct_users(login, last 30d), fact(licences))</c>.
    /// Undefined when either is undefined or the denominator is 0.
    /// </summary>
    /// <param name="numerator">A count, sum, distinct count, last value or fact.</param>
    /// <param name="denominator">A count, sum, distinct count, last value or fact.</param>
    /// <returns>The aggregate.</returns>
    /// <exception cref="ArgumentException">An operand is not a plain number (an instant, a duration, a change or a ratio).</exception>
    public static BehaviorAggregate Ratio(BehaviorAggregate numerator, BehaviorAggregate denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        foreach (BehaviorAggregate operand in new[] { numerator, denominator })
        {
            if (operand.ValueKind != BehaviorValueKind.Number)
            {
                throw new ArgumentException($"A ratio divides plain numbers (counts, sums, distinct counts, last values, facts), not {operand}.", operand == numerator ? nameof(numerator) : nameof(denominator));
            }
        }

        return new BehaviorAggregate(AggregateKind.Ratio, numerator.Name, null, numerator, denominator);
    }

    /// <summary>The time since the last event at or before the as-of instant; undefined when it never happened.</summary>
    /// <param name="eventName">The event name.</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate SinceLast(string eventName)
    {
        EventNames.ThrowIfInvalid(eventName, nameof(eventName));
        return new BehaviorAggregate(AggregateKind.SinceLast, eventName, null);
    }

    /// <summary>
    /// The fractional change <c>(current - baseline) / baseline</c> of a count, sum or distinct count between its own window and
    /// a baseline window: -0.25 is a 25% drop. Undefined when the baseline is 0.
    /// </summary>
    /// <param name="current">The aggregate over the current window.</param>
    /// <param name="baseline">The baseline window, such as <c>last 30d offset 30d</c>.</param>
    /// <returns>The aggregate.</returns>
    /// <exception cref="ArgumentException"><paramref name="current"/> is not a count, sum, distinct count or last value.</exception>
    public static BehaviorAggregate Change(BehaviorAggregate current, BehaviorWindow baseline)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        if (current.Kind is not (AggregateKind.Count or AggregateKind.Sum or AggregateKind.DistinctUsers or AggregateKind.DistinctDays or AggregateKind.LastValue))
        {
            throw new ArgumentException($"A change compares a count, sum, distinct count or last value over two windows, not {current}.", nameof(current));
        }

        return new BehaviorAggregate(AggregateKind.Change, current.Name, baseline, current);
    }

    /// <summary>A number about the account's state that the caller supplies through <see cref="IAccountFacts"/>, such as days past due; undefined when not supplied.</summary>
    /// <param name="factName">The fact's name (spelled like an event name).</param>
    /// <returns>The aggregate.</returns>
    public static BehaviorAggregate Fact(string factName)
    {
        EventNames.ThrowIfInvalid(factName, nameof(factName), "fact name");
        return new BehaviorAggregate(AggregateKind.Fact, factName, null);
    }

    /// <summary>Compares with a number (or, for a change, a fraction: -0.25 for a 25% drop).</summary>
    /// <param name="comparison">The operator; not <see cref="ComparisonOperator.Between"/>.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate; false when the value is undefined (a change from 0, a missing fact) unless <see cref="BehaviorPredicate.WhenUndefined"/> says otherwise.</returns>
    /// <exception cref="ArgumentException">The aggregate observes instants or durations.</exception>
    public BehaviorPredicate Is(ComparisonOperator comparison, decimal threshold) =>
        BehaviorPredicate.Compare(this, comparison, Threshold.Of(ValueKind == BehaviorValueKind.Fraction ? BehaviorValueKind.Fraction : BehaviorValueKind.Number, threshold), default, false);

    /// <summary>Compares with an instant (for first and last).</summary>
    /// <param name="comparison">The operator; not <see cref="ComparisonOperator.Between"/>.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate; false when there is no event unless <see cref="BehaviorPredicate.WhenUndefined"/> says otherwise.</returns>
    /// <exception cref="ArgumentException">The aggregate does not observe instants.</exception>
    public BehaviorPredicate Is(ComparisonOperator comparison, Instant threshold) =>
        BehaviorPredicate.Compare(this, comparison, Threshold.Of(threshold), default, false);

    /// <summary>Compares with a duration (for since-last).</summary>
    /// <param name="comparison">The operator; not <see cref="ComparisonOperator.Between"/>.</param>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate; false when it never happened unless <see cref="BehaviorPredicate.WhenUndefined"/> says otherwise.</returns>
    /// <exception cref="ArgumentException">The aggregate does not observe durations.</exception>
    public BehaviorPredicate Is(ComparisonOperator comparison, Duration threshold) =>
        BehaviorPredicate.Compare(this, comparison, Threshold.Of(threshold), default, false);

    /// <summary><c>aggregate &gt;= threshold</c>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate.</returns>
    public BehaviorPredicate AtLeast(decimal threshold) => Is(ComparisonOperator.AtLeast, threshold);

    /// <summary><c>aggregate &gt; threshold</c>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate.</returns>
    public BehaviorPredicate MoreThan(decimal threshold) => Is(ComparisonOperator.MoreThan, threshold);

    /// <summary><c>aggregate &lt;= threshold</c>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate.</returns>
    public BehaviorPredicate AtMost(decimal threshold) => Is(ComparisonOperator.AtMost, threshold);

    /// <summary><c>aggregate &lt; threshold</c>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate.</returns>
    public BehaviorPredicate LessThan(decimal threshold) => Is(ComparisonOperator.LessThan, threshold);

    /// <summary><c>aggregate == threshold</c>.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The predicate.</returns>
    public BehaviorPredicate EqualTo(decimal threshold) => Is(ComparisonOperator.EqualTo, threshold);

    /// <summary><c>aggregate between low and high</c>, both inclusive.</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound; at least <paramref name="low"/>.</param>
    /// <returns>The predicate; false when the value is undefined unless <see cref="BehaviorPredicate.WhenUndefined"/> says otherwise.</returns>
    public BehaviorPredicate Between(decimal low, decimal high)
    {
        BehaviorValueKind kind = ValueKind == BehaviorValueKind.Fraction ? BehaviorValueKind.Fraction : BehaviorValueKind.Number;
        return BehaviorPredicate.Compare(this, ComparisonOperator.Between, Threshold.Of(kind, low), Threshold.Of(kind, high), false);
    }

    /// <inheritdoc />
    public bool Equals(BehaviorAggregate? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BehaviorAggregate);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Returns the text form, such as <c>count(support_case_opened, last 7d)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    internal void Write(StringBuilder text)
    {
        text.Append(FunctionName(Kind)).Append('(');
        switch (Kind)
        {
            case AggregateKind.Change:
                Current!.Write(text);
                text.Append(", ");
                Window!.Write(text);
                break;
            case AggregateKind.Ratio:
                Current!.Write(text);
                text.Append(", ");
                Denominator!.Write(text);
                break;
            case AggregateKind.SinceLast or AggregateKind.Fact:
                text.Append(Name);
                break;
            default:
                text.Append(Name).Append(", ");
                Window!.Write(text);
                break;
        }

        text.Append(')');
    }

    internal static string FunctionName(AggregateKind kind) => kind switch
    {
        AggregateKind.Count => "count",
        AggregateKind.Sum => "sum",
        AggregateKind.DistinctUsers => "distinct_users",
        AggregateKind.DistinctDays => "distinct_days",
        AggregateKind.First => "first",
        AggregateKind.Last => "last",
        AggregateKind.SinceLast => "since_last",
        AggregateKind.Change => "change",
        AggregateKind.LastValue => "last_value",
        AggregateKind.Ratio => "ratio",
        _ => "fact",
    };

    private static BehaviorAggregate Windowed(AggregateKind kind, string eventName, BehaviorWindow window)
    {
        EventNames.ThrowIfInvalid(eventName, nameof(eventName));
        ArgumentNullException.ThrowIfNull(window);
        return new BehaviorAggregate(kind, eventName, window);
    }
}
