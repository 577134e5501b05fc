using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// Recursive descent over the token list, one token of look-ahead and no backtracking, so parsing time is linear in
/// the text; nesting deeper than <see cref="MaxDepth"/> is refused before the stack is at risk.
/// </summary>
internal sealed class PredicateParser
{
    internal const int MaxDepth = 64;

    private readonly List<Token> _tokens;
    private int _at;
    private int _depth;

    internal PredicateParser(string text) => _tokens = Lexer.Tokenize(text);

    internal Token Current => _tokens[_at];

    internal BehaviorPredicate ParseWhole()
    {
        BehaviorPredicate predicate = ParsePredicate();
        if (Current.Kind != TokenKind.End)
        {
            throw Error($"Expected 'and', 'or' or the end of the predicate, found {Lexer.Describe(Current)}.");
        }

        return predicate;
    }

    internal BehaviorPredicate ParsePredicate()
    {
        Enter();
        var operands = new List<BehaviorPredicate> { ParseAnd() };
        while (IsWord("or"))
        {
            _at++;
            operands.Add(ParseAnd());
        }

        _depth--;
        return operands.Count == 1 ? operands[0] : BehaviorPredicate.Or(operands);
    }

    internal bool IsWord(string word) => Current.Kind == TokenKind.Name && Current.Text == word;

    internal Token Take() => _tokens[_at++];

    internal void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected {what}, found {Lexer.Describe(Current)}.");
        }

        _at++;
    }

    internal void ExpectWord(string word)
    {
        if (!IsWord(word))
        {
            throw Error($"Expected '{word}', found {Lexer.Describe(Current)}.");
        }

        _at++;
    }

    internal string TakeName(string what)
    {
        if (Current.Kind != TokenKind.Name)
        {
            throw Error($"Expected {what}, found {Lexer.Describe(Current)}.");
        }

        return Take().Text;
    }

    internal BehaviorSyntaxException Error(string problem) => Error(problem, Current);

    internal static BehaviorSyntaxException Error(string problem, Token at) => new(problem, at.Line, at.Column);

    internal Duration ParseDuration()
    {
        Token token = Current;
        if (token.Kind == TokenKind.Literal && TryDuration(token.Text, out Duration duration))
        {
            _at++;
            return duration;
        }

        throw Error($"Expected a duration such as 7d, 12h, 30m or 2w, found {Lexer.Describe(token)}.");
    }

    internal int ParseInteger(string what)
    {
        Token token = Current;
        if (token.Kind == TokenKind.Literal && int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            _at++;
            return value;
        }

        throw Error($"Expected {what}, found {Lexer.Describe(token)}.");
    }

    private BehaviorPredicate ParseAnd()
    {
        var operands = new List<BehaviorPredicate> { ParseNot() };
        while (IsWord("and"))
        {
            _at++;
            operands.Add(ParseNot());
        }

        return operands.Count == 1 ? operands[0] : BehaviorPredicate.And(operands);
    }

    private BehaviorPredicate ParseNot()
    {
        if (!IsWord("not"))
        {
            return ParseAtom();
        }

        Enter();
        _at++;
        BehaviorPredicate operand = ParseNot();
        _depth--;
        return BehaviorPredicate.Not(operand);
    }

    private BehaviorPredicate ParseAtom()
    {
        Token start = Current;
        if (start.Kind == TokenKind.LeftParen)
        {
            _at++;
            BehaviorPredicate inner = ParsePredicate();
            Expect(TokenKind.RightParen, "')'");
            return inner;
        }

        if (start.Kind != TokenKind.Name)
        {
            throw Error($"Expected a predicate such as count(login, last 7d) >= 1, performed(...) or '(', found {Lexer.Describe(start)}.");
        }

        return Guard(start, () => start.Text switch
        {
            "performed" or "absent" or "first_time" => ParseEventWindow(start.Text),
            "every" => ParseEvery(),
            "stopped" or "started_again" => ParseLifecycle(start.Text),
            "first_seen" => ParseFirstSeen(),
            "at_least" => ParseAtLeast(),
            "users" => ParseUsers(),
            _ => ParseComparison(),
        });
    }

    private BehaviorPredicate ParseEventWindow(string function)
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        string name = TakeName("an event name");
        Expect(TokenKind.Comma, "','");
        BehaviorWindow window = ParseWindow();
        Expect(TokenKind.RightParen, "')'");
        return function switch
        {
            "performed" => BehaviorPredicate.Performed(name, window),
            "absent" => BehaviorPredicate.Absent(name, window),
            _ => BehaviorPredicate.FirstTime(name, window),
        };
    }

    private BehaviorPredicate ParseEvery()
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        string name = TakeName("an event name");
        Expect(TokenKind.Comma, "','");
        int periods = ParseInteger("a number of periods");
        CalendarUnit unit = ParseUnit(plural: true);
        Expect(TokenKind.RightParen, "')'");
        return BehaviorPredicate.Every(name, periods, unit);
    }

    private BehaviorPredicate ParseLifecycle(string function)
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        string name = TakeName("an event name");
        Expect(TokenKind.Comma, "','");
        BehaviorWindow recent = ParseWindow();
        Expect(TokenKind.Comma, "',' and the earlier window");
        BehaviorWindow earlier = ParseWindow();
        Expect(TokenKind.RightParen, "')'");
        return function == "stopped" ? BehaviorPredicate.Stopped(name, recent, earlier) : BehaviorPredicate.StartedAgain(name, recent, earlier);
    }

    private BehaviorPredicate ParseFirstSeen()
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        BehaviorWindow window = ParseWindow();
        Expect(TokenKind.RightParen, "')'");
        return BehaviorPredicate.FirstSeen(window);
    }

    private BehaviorPredicate ParseAtLeast()
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        int count = ParseInteger("how many predicates must hold");
        var operands = new List<BehaviorPredicate>();
        while (Current.Kind == TokenKind.Comma)
        {
            _at++;
            operands.Add(ParsePredicate());
        }

        Expect(TokenKind.RightParen, "',' or ')'");
        return BehaviorPredicate.AtLeast(count, operands);
    }

    private BehaviorPredicate ParseUsers()
    {
        _at++;
        Expect(TokenKind.LeftParen, "'('");
        (UserQuantifier quantifier, int count) = IsWord("any") ? (UserQuantifier.Any, 1)
            : IsWord("all") ? (UserQuantifier.All, 1)
            : (UserQuantifier.AtLeast, -1);
        if (count == 1)
        {
            _at++;
        }
        else
        {
            count = ParseInteger("'any', 'all' or a number of users");
        }

        Expect(TokenKind.Comma, "','");
        BehaviorWindow window = ParseWindow();
        Expect(TokenKind.Comma, "','");
        BehaviorPredicate predicate = ParsePredicate();
        Expect(TokenKind.RightParen, "')'");
        return BehaviorPredicate.Users(quantifier, window, predicate, count);
    }

    private BehaviorPredicate ParseComparison()
    {
        BehaviorAggregate aggregate = ParseAggregate();
        Token at = Current;
        if (IsWord("between"))
        {
            _at++;
            decimal low = ParseNumber(aggregate);
            ExpectWord("and");
            decimal high = ParseNumber(aggregate);
            bool whenUndefined = ParseWhenUndefined();
            return Guard(at, () => aggregate.Between(low, high).WhenUndefined(whenUndefined));
        }

        if (at.Kind != TokenKind.Operator)
        {
            throw Error($"Expected a comparison (>=, >, <=, <, == or between) after {aggregate}, found {Lexer.Describe(at)}.");
        }

        _at++;
        ComparisonOperator comparison = at.Text switch
        {
            ">=" => ComparisonOperator.AtLeast,
            ">" => ComparisonOperator.MoreThan,
            "<=" => ComparisonOperator.AtMost,
            "<" => ComparisonOperator.LessThan,
            _ => ComparisonOperator.EqualTo,
        };
        switch (aggregate.ValueKind)
        {
            case BehaviorValueKind.Instant:
                Instant instant = ParseInstant();
                return aggregate.Is(comparison, instant).WhenUndefined(ParseWhenUndefined());
            case BehaviorValueKind.Duration:
                Duration duration = ParseDuration();
                return aggregate.Is(comparison, duration).WhenUndefined(ParseWhenUndefined());
            default:
                decimal number = ParseNumber(aggregate);
                return aggregate.Is(comparison, number).WhenUndefined(ParseWhenUndefined());
        }
    }

    private bool ParseWhenUndefined()
    {
        if (!IsWord("when"))
        {
            return false;
        }

        _at++;
        ExpectWord("undefined");
        if (IsWord("true") || IsWord("false"))
        {
            return Take().Text == "true";
        }

        throw Error($"Expected 'true' or 'false', found {Lexer.Describe(Current)}.");
    }

    private decimal ParseNumber(BehaviorAggregate aggregate)
    {
        Token token = Current;
        if (token.Kind == TokenKind.Literal)
        {
            bool percent = token.Text.EndsWith('%');
            string digits = percent ? token.Text[..^1] : token.Text;
            if (decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                if (percent && aggregate.ValueKind != BehaviorValueKind.Fraction)
                {
                    throw Error($"{aggregate} is a number, not a change; a percentage only fits change(...).");
                }

                if (!percent && aggregate.ValueKind == BehaviorValueKind.Fraction && Math.Abs(value) > Threshold.MaxFraction)
                {
                    throw Error($"{aggregate} is a fraction; {token.Text} is beyond what a percentage can say (at most {Threshold.MaxFraction}).");
                }

                _at++;
                return percent ? value / 100m : value;
            }
        }

        throw Error($"Expected {Threshold.Describe(aggregate.ValueKind)} after the comparison, found {Lexer.Describe(token)}.");
    }

    private Instant ParseInstant()
    {
        Token token = Current;
        if (token.Kind == TokenKind.Literal)
        {
            ParseResult<Instant> result = BehaviorText.InstantPattern.Parse(token.Text);
            if (result.Success)
            {
                _at++;
                return result.Value;
            }
        }

        throw Error($"Expected an instant in ISO 8601 UTC such as 2026-11-17T00:00:00Z, found {Lexer.Describe(token)}.");
    }

    private BehaviorAggregate ParseAggregate()
    {
        Token start = Current;
        string function = TakeName("an aggregate such as count, sum or change");
        Expect(TokenKind.LeftParen, $"'(' after '{function}'");
        BehaviorAggregate aggregate;
        switch (function)
        {
            case "count" or "sum" or "distinct_users" or "distinct_days" or "first" or "last" or "last_value":
                string name = TakeName("an event name");
                Expect(TokenKind.Comma, "','");
                BehaviorWindow window = ParseWindow();
                aggregate = function switch
                {
                    "count" => BehaviorAggregate.Count(name, window),
                    "sum" => BehaviorAggregate.Sum(name, window),
                    "distinct_users" => BehaviorAggregate.DistinctUsers(name, window),
                    "distinct_days" => BehaviorAggregate.DistinctDays(name, window),
                    "first" => BehaviorAggregate.First(name, window),
                    "last_value" => BehaviorAggregate.LastValue(name, window),
                    _ => BehaviorAggregate.Last(name, window),
                };
                break;
            case "since_last":
                aggregate = BehaviorAggregate.SinceLast(TakeName("an event name"));
                break;
            case "fact":
                aggregate = BehaviorAggregate.Fact(TakeName("a fact name"));
                break;
            case "change":
                Enter();
                BehaviorAggregate current = ParseAggregate();
                _depth--;
                Expect(TokenKind.Comma, "',' and the baseline window");
                BehaviorWindow baseline = ParseWindow();
                aggregate = Guard(start, () => BehaviorAggregate.Change(current, baseline));
                break;
            case "ratio":
                Enter();
                BehaviorAggregate numerator = ParseAggregate();
                Expect(TokenKind.Comma, "',' and the denominator");
                BehaviorAggregate denominator = ParseAggregate();
                _depth--;
                aggregate = Guard(start, () => BehaviorAggregate.Ratio(numerator, denominator));
                break;
            default:
                throw Error($"Unknown function '{function}'; expected count, sum, distinct_users, distinct_days, first, last, last_value, since_last, change, ratio, fact, performed, absent, every, stopped, started_again, first_time, first_seen, at_least or users.", start);
        }

        Expect(TokenKind.RightParen, "')'");
        return aggregate;
    }

    internal BehaviorWindow ParseWindow()
    {
        Token start = Current;
        string word = TakeName("a window such as last 7d, this week or ever");
        return Guard(start, () =>
        {
            switch (word)
            {
                case "ever":
                    return BehaviorWindow.Ever;
                case "last":
                    Duration length = ParseDuration();
                    if (!IsWord("offset"))
                    {
                        return BehaviorWindow.Last(length);
                    }

                    _at++;
                    return BehaviorWindow.Last(length, ParseDuration());
                case "first":
                    return BehaviorWindow.First(ParseDuration());
                case "between":
                    Instant from = ParseInstant();
                    ExpectWord("and");
                    return BehaviorWindow.Between(from, ParseInstant());
                case "since":
                    return BehaviorWindow.Since(TakeName("an anchor event name"));
                case "this":
                    return BehaviorWindow.This(ParseUnit(plural: false));
                case "week" or "month":
                    return BehaviorWindow.Period(word == "week" ? CalendarUnit.Week : CalendarUnit.Month, ParseInteger("a negative period such as -1"));
                case "past":
                    int count = ParseInteger("a number of periods");
                    return BehaviorWindow.Past(count, ParseUnit(plural: true));
                default:
                    throw Error($"Unknown window '{word}'; expected ever, last, first, between, since, this, week, month or past.", start);
            }
        });
    }

    private CalendarUnit ParseUnit(bool plural)
    {
        string word = TakeName(plural ? "weeks or months" : "week or month");
        return word switch
        {
            "week" or "weeks" => CalendarUnit.Week,
            "month" or "months" => CalendarUnit.Month,
            _ => throw Error($"Expected {(plural ? "weeks or months" : "week or month")}, found '{word}'.", _tokens[_at - 1]),
        };
    }

    private static bool TryDuration(string text, out Duration duration)
    {
        duration = default;
        if (text.Length < 2 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out long amount) || amount <= 0 || amount > 100_000)
        {
            return false;
        }

        duration = text[^1] switch
        {
            'w' => Duration.FromDays(amount * 7),
            'd' => Duration.FromDays(amount),
            'h' => Duration.FromHours(amount),
            'm' => Duration.FromMinutes(amount),
            's' => Duration.FromSeconds(amount),
            _ => default,
        };
        return duration != default;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"The predicate nests deeper than {MaxDepth} levels.");
        }
    }

    /// <summary>Turns an argument error from a factory (a bad count, an empty window) into a syntax error at the construct.</summary>
    private static T Guard<T>(Token at, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw Error(ArgumentProblem.Of(e), at);
        }
    }
}
