using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A condition on an account's behavior as of an instant: "5 support cases in 7 days", "usage down 25%", "did the
/// essential process every week for 4 weeks". Built with the static methods (the fluent form), parsed from the text form
/// with <see cref="Parse"/>, or read from JSON with <see cref="BehaviorJson"/>; the three forms round-trip.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Two predicates are equal when their text forms are equal. Evaluate with a
/// <see cref="BehaviorEvaluator"/>.
/// </remarks>
public sealed class BehaviorPredicate : IEquatable<BehaviorPredicate>
{
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<BehaviorPredicate> _children = ReadOnlyViews.Wrap(Array.Empty<BehaviorPredicate>());

    private string? _text;

    private BehaviorPredicate(PredicateKind kind)
    {
        Kind = kind;
    }

    /// <summary>
    /// Returns how far before the as-of instant the predicate can read an event: events older than that cannot change its
    /// answer, so a live evaluator (an account grain) keeps only those. Calendar periods count a generous 31-day month
    /// and a day for the time zone.
    /// </summary>
    /// <returns>The span, or <see langword="null"/> when some part reads all history (ever, since, first, first_seen, first_time, since_last, users, between fixed instants).</returns>
    public NodaTime.Duration? Lookback() => Behaviors.Lookback.Of(this);

    /// <summary>Gets the kind of predicate.</summary>
    public PredicateKind Kind { get; }

    /// <summary>Gets the operands of <c>and</c>, <c>or</c>, <c>not</c>, <c>at_least</c> and <c>users</c>; empty otherwise.</summary>
    public IReadOnlyList<BehaviorPredicate> Children
    {
        get => _children;
        private init => _children = ReadOnlyViews.Copy(value, nameof(Children));
    }

    internal BehaviorAggregate? Aggregate { get; private init; }

    internal ComparisonOperator Operator { get; private init; }

    internal Threshold Low { get; private init; }

    internal Threshold High { get; private init; }

    internal bool UndefinedAnswer { get; private init; }

    internal string? Event { get; private init; }

    internal BehaviorWindow? Window { get; private init; }

    internal BehaviorWindow? Earlier { get; private init; }

    internal CalendarUnit Unit { get; private init; }

    internal int Number { get; private init; }

    internal UserQuantifier Quantifier { get; private init; }

    /// <summary>Parses the text form, such as <c>count(support_case_opened, last 7d) &gt;= 5 and not performed(login, last 30d)</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="BehaviorSyntaxException">The text is not a predicate; the exception gives the line and column.</exception>
    public static BehaviorPredicate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PredicateParser(text).ParseWhole();
    }

    /// <summary>Done at least once in the window.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Performed(string eventName, BehaviorWindow window) => WithEvent(PredicateKind.Performed, eventName, window);

    /// <summary>Not done in the window.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Absent(string eventName, BehaviorWindow window) => WithEvent(PredicateKind.Absent, eventName, window);

    /// <summary>Done in each of the last <paramref name="periods"/> complete calendar periods: the essential behavior is established.</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="periods">How many periods, 1 to <see cref="BehaviorWindow.MaxPeriods"/>.</param>
    /// <param name="unit">Weeks or months, in the evaluation's time zone.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Every(string eventName, int periods, CalendarUnit unit)
    {
        EventNames.ThrowIfInvalid(eventName, nameof(eventName));
        BehaviorWindow.Past(periods, unit); // validates
        return new BehaviorPredicate(PredicateKind.Every) { Event = eventName, Number = periods, Unit = unit };
    }

    /// <summary>Done in the earlier window but not in the recent one (the lifecycle filter "stopped").</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="recent">The recent window, such as <c>last 30d</c>.</param>
    /// <param name="earlier">The earlier window, such as <c>last 30d offset 30d</c>.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Stopped(string eventName, BehaviorWindow recent, BehaviorWindow earlier) =>
        Lifecycle(PredicateKind.Stopped, eventName, recent, earlier);

    /// <summary>Done in the recent window, not in the earlier one, and at some time before the earlier one ("started again").</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="recent">The recent window.</param>
    /// <param name="earlier">The earlier window, the gap.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate StartedAgain(string eventName, BehaviorWindow recent, BehaviorWindow earlier) =>
        Lifecycle(PredicateKind.StartedAgain, eventName, recent, earlier);

    /// <summary>Done in the window and never before it ("did it for the first time recently").</summary>
    /// <param name="eventName">The event name.</param>
    /// <param name="window">The window.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate FirstTime(string eventName, BehaviorWindow window) => WithEvent(PredicateKind.FirstTime, eventName, window);

    /// <summary>The first event of any name (of the account, or of the user inside <see cref="Users"/>) falls in the window: new accounts, new users.</summary>
    /// <param name="window">The window.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate FirstSeen(BehaviorWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return new BehaviorPredicate(PredicateKind.FirstSeen) { Window = window };
    }

    /// <summary>At least <paramref name="count"/> of the predicates hold: "used any 2 of these 5 key features".</summary>
    /// <param name="count">How many must hold, 1 to the number of predicates.</param>
    /// <param name="predicates">The predicates; at least two.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate AtLeast(int count, params IEnumerable<BehaviorPredicate> predicates)
    {
        BehaviorPredicate[] operands = Operands(predicates, nameof(predicates));
        if (operands.Length < 2)
        {
            throw new ArgumentException("at_least needs two or more predicates.", nameof(predicates));
        }

        if (count < 1 || count > operands.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"at_least needs a count from 1 to the number of predicates ({operands.Length}).");
        }

        return new BehaviorPredicate(PredicateKind.AtLeast) { Number = count, Children = operands };
    }

    /// <summary>
    /// Judges each user first seen in <paramref name="firstSeen"/> by <paramref name="predicate"/> over the user's own events,
    /// and holds when any, all (and at least one) or at least <paramref name="count"/> of them satisfy it: "new users who viewed
    /// fewer than 3 pages in their first 7 days" is <c>users(any, last 30d, count(page_view, first 7d) &lt; 3)</c>.
    /// </summary>
    /// <param name="quantifier">Any, all or at least N users.</param>
    /// <param name="firstSeen">The window the users' first events fall in; <see cref="BehaviorWindow.Ever"/> for every user.</param>
    /// <param name="predicate">The predicate judged per user.</param>
    /// <param name="count">For <see cref="UserQuantifier.AtLeast"/>, how many users; 1 or more.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Users(UserQuantifier quantifier, BehaviorWindow firstSeen, BehaviorPredicate predicate, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(firstSeen);
        ArgumentNullException.ThrowIfNull(predicate);
        if (!Enum.IsDefined(quantifier))
        {
            throw new ArgumentOutOfRangeException(nameof(quantifier), quantifier, "The quantifier must be Any, All or AtLeast.");
        }

        if (quantifier == UserQuantifier.AtLeast ? count < 1 : count != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "users(at least N) needs N of 1 or more; any and all take no count.");
        }

        if (predicate.Contains(PredicateKind.Users))
        {
            throw new ArgumentException("users(...) cannot be nested inside users(...): a user has no users.", nameof(predicate));
        }

        return new BehaviorPredicate(PredicateKind.Users) { Quantifier = quantifier, Number = count, Window = firstSeen, Children = [predicate] };
    }

    /// <summary>All of the predicates hold.</summary>
    /// <param name="predicates">Two or more predicates.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate And(params IEnumerable<BehaviorPredicate> predicates) => Junction(PredicateKind.And, predicates);

    /// <summary>Any of the predicates holds.</summary>
    /// <param name="predicates">Two or more predicates.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Or(params IEnumerable<BehaviorPredicate> predicates) => Junction(PredicateKind.Or, predicates);

    /// <summary>The predicate does not hold.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The predicate.</returns>
    public static BehaviorPredicate Not(BehaviorPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new BehaviorPredicate(PredicateKind.Not) { Children = [predicate] };
    }

    /// <summary>
    /// Returns this comparison with its answer for an undefined value (a change from 0, a missing fact, no event): false
    /// unless set; the text form writes <c>when undefined true</c>.
    /// </summary>
    /// <param name="answer">The comparison's answer when its value is undefined.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="InvalidOperationException">This is not a comparison.</exception>
    public BehaviorPredicate WhenUndefined(bool answer) => Kind == PredicateKind.Compare
        ? Compare(Aggregate!, Operator, Low, High, answer)
        : throw new InvalidOperationException($"Only a comparison has an answer for an undefined value, not {this}.");

    /// <summary>This predicate and another.</summary>
    /// <param name="other">The other predicate.</param>
    /// <returns><c>this and other</c>.</returns>
    public BehaviorPredicate And(BehaviorPredicate other) => And([this, other]);

    /// <summary>This predicate or another.</summary>
    /// <param name="other">The other predicate.</param>
    /// <returns><c>this or other</c>.</returns>
    public BehaviorPredicate Or(BehaviorPredicate other) => Or([this, other]);

    /// <summary>The negation of this predicate.</summary>
    /// <returns><c>not this</c>.</returns>
    public BehaviorPredicate Negate() => Not(this);

    /// <summary>Gets the names of the events the predicate reads, in ordinal order.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> EventNamesUsed() => Walk().SelectMany(p => p.NamesHere()).Where(n => n.Fact is false).Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Gets the names of the facts the predicate reads, in ordinal order.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> FactNamesUsed() => Walk().SelectMany(p => p.NamesHere()).Where(n => n.Fact).Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public bool Equals(BehaviorPredicate? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BehaviorPredicate);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Returns the canonical text form, which <see cref="Parse"/> reads back to an equal predicate.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (_text is null)
        {
            var text = new StringBuilder();
            Write(text);
            _text = text.ToString();
        }

        return _text;
    }

    internal static BehaviorPredicate Compare(BehaviorAggregate aggregate, ComparisonOperator comparison, Threshold low, Threshold high, bool whenUndefined)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (!Enum.IsDefined(comparison) || (comparison == ComparisonOperator.Between) != (high.Kind != default))
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Use Between(low, high) for a range and the other operators for one threshold.");
        }

        Threshold.CheckKind(aggregate.ValueKind, low.Kind, aggregate.ToString());
        if (comparison == ComparisonOperator.Between && high.Number < low.Number)
        {
            throw new ArgumentException($"{aggregate} between {low.Text} and {high.Text}: the upper bound is below the lower one.", nameof(high));
        }

        // A change is written and compared as a fraction even when given as a plain number.
        if (aggregate.ValueKind == BehaviorValueKind.Fraction)
        {
            low = low with { Kind = BehaviorValueKind.Fraction };
            high = comparison == ComparisonOperator.Between ? high with { Kind = BehaviorValueKind.Fraction } : high;
        }

        return new BehaviorPredicate(PredicateKind.Compare) { Aggregate = aggregate, Operator = comparison, Low = low, High = high, UndefinedAnswer = whenUndefined };
    }

    internal bool Contains(PredicateKind kind) => Walk().Any(p => p.Kind == kind);

    internal IEnumerable<BehaviorPredicate> Walk()
    {
        yield return this;
        foreach (BehaviorPredicate child in Children)
        {
            foreach (BehaviorPredicate p in child.Walk())
            {
                yield return p;
            }
        }
    }

    private IEnumerable<(string Name, bool Fact)> NamesHere()
    {
        if (Event is not null)
        {
            yield return (Event, false);
        }

        foreach (BehaviorWindow? w in new[] { Window, Earlier })
        {
            if (w?.Anchor is not null)
            {
                yield return (w.Anchor, false);
            }
        }

        foreach ((string Name, bool Fact) name in AggregateNames(Aggregate))
        {
            yield return name;
        }
    }

    private static IEnumerable<(string Name, bool Fact)> AggregateNames(BehaviorAggregate? aggregate)
    {
        if (aggregate is null)
        {
            yield break;
        }

        if (aggregate.Window?.Anchor is not null)
        {
            yield return (aggregate.Window.Anchor, false);
        }

        if (aggregate.Kind is not (AggregateKind.Change or AggregateKind.Ratio))
        {
            yield return (aggregate.Name, aggregate.Kind == AggregateKind.Fact);
        }

        foreach ((string Name, bool Fact) name in AggregateNames(aggregate.Current).Concat(AggregateNames(aggregate.Denominator)))
        {
            yield return name;
        }
    }

    private static BehaviorPredicate WithEvent(PredicateKind kind, string eventName, BehaviorWindow window)
    {
        EventNames.ThrowIfInvalid(eventName, nameof(eventName));
        ArgumentNullException.ThrowIfNull(window);
        return new BehaviorPredicate(kind) { Event = eventName, Window = window };
    }

    private static BehaviorPredicate Lifecycle(PredicateKind kind, string eventName, BehaviorWindow recent, BehaviorWindow earlier)
    {
        EventNames.ThrowIfInvalid(eventName, nameof(eventName));
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(earlier);
        return new BehaviorPredicate(kind) { Event = eventName, Window = recent, Earlier = earlier };
    }

    private static BehaviorPredicate Junction(PredicateKind kind, IEnumerable<BehaviorPredicate> predicates)
    {
        BehaviorPredicate[] operands = Operands(predicates, nameof(predicates));
        return operands.Length >= 2
            ? new BehaviorPredicate(kind) { Children = operands }
            : throw new ArgumentException($"'{(kind == PredicateKind.And ? "and" : "or")}' needs two or more predicates.", nameof(predicates));
    }

    private static BehaviorPredicate[] Operands(IEnumerable<BehaviorPredicate> predicates, string parameter)
    {
        ArgumentNullException.ThrowIfNull(predicates, parameter);
        BehaviorPredicate[] operands = predicates.ToArray();
        return Array.IndexOf(operands, null) < 0 ? operands : throw new ArgumentException("A predicate list contains null.", parameter);
    }

    // Precedence: or < and < not < everything else. A child that binds looser, or a junction inside the same junction,
    // is parenthesised, so that printing and parsing give back the same tree.
    private static int Precedence(PredicateKind kind) => kind switch
    {
        PredicateKind.Or => 1,
        PredicateKind.And => 2,
        PredicateKind.Not => 3,
        _ => 4,
    };

    internal void Write(StringBuilder text)
    {
        switch (Kind)
        {
            case PredicateKind.And or PredicateKind.Or:
                string word = Kind == PredicateKind.And ? " and " : " or ";
                for (int i = 0; i < Children.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(word);
                    }

                    WriteOperand(text, Children[i], Precedence(Kind) + 1);
                }

                break;
            case PredicateKind.Not:
                text.Append("not ");
                WriteOperand(text, Children[0], Precedence(PredicateKind.Not));
                break;
            case PredicateKind.Compare:
                Aggregate!.Write(text);
                if (Operator == ComparisonOperator.Between)
                {
                    text.Append(" between ").Append(Low.Text).Append(" and ").Append(High.Text);
                }
                else
                {
                    text.Append(' ').Append(OperatorText(Operator)).Append(' ').Append(Low.Text);
                }

                if (UndefinedAnswer)
                {
                    text.Append(" when undefined true");
                }

                break;
            case PredicateKind.Every:
                text.Append("every(").Append(Event).Append(", ").Append(Number.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(BehaviorWindow.UnitName(Unit)).Append(Number == 1 ? ")" : "s)");
                break;
            case PredicateKind.Stopped or PredicateKind.StartedAgain:
                text.Append(Kind == PredicateKind.Stopped ? "stopped(" : "started_again(").Append(Event).Append(", ");
                Window!.Write(text);
                text.Append(", ");
                Earlier!.Write(text);
                text.Append(')');
                break;
            case PredicateKind.FirstSeen:
                text.Append("first_seen(");
                Window!.Write(text);
                text.Append(')');
                break;
            case PredicateKind.AtLeast:
                text.Append("at_least(").Append(Number.ToString(CultureInfo.InvariantCulture));
                foreach (BehaviorPredicate child in Children)
                {
                    text.Append(", ");
                    child.Write(text);
                }

                text.Append(')');
                break;
            case PredicateKind.Users:
                text.Append("users(").Append(Quantifier switch
                {
                    UserQuantifier.Any => "any",
                    UserQuantifier.All => "all",
                    _ => Number.ToString(CultureInfo.InvariantCulture),
                }).Append(", ");
                Window!.Write(text);
                text.Append(", ");
                Children[0].Write(text);
                text.Append(')');
                break;
            default:
                text.Append(Kind switch
                {
                    PredicateKind.Performed => "performed(",
                    PredicateKind.Absent => "absent(",
                    _ => "first_time(",
                }).Append(Event).Append(", ");
                Window!.Write(text);
                text.Append(')');
                break;
        }
    }

    internal static string OperatorText(ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.AtLeast => ">=",
        ComparisonOperator.MoreThan => ">",
        ComparisonOperator.AtMost => "<=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.EqualTo => "==",
        _ => "between",
    };

    private static void WriteOperand(StringBuilder text, BehaviorPredicate operand, int minimum)
    {
        bool parens = Precedence(operand.Kind) < minimum;
        if (parens)
        {
            text.Append('(');
        }

        operand.Write(text);
        if (parens)
        {
            text.Append(')');
        }
    }
}
