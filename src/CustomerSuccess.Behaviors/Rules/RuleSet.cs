using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// An ordered set of rules with unique ids, evaluated together by <see cref="BehaviorEvaluator.Alerts"/>. Read from the text
/// form with <see cref="Parse"/> or from JSON with <see cref="BehaviorJson.DeserializeRules"/>; <see cref="ToString"/> writes
/// the text form back.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleSet : IReadOnlyList<BehaviorRule>
{
    private readonly BehaviorRule[] _rules;

    /// <summary>Initializes a rule set.</summary>
    /// <param name="rules">The rules, in the order alerts are listed for an account.</param>
    /// <exception cref="CustomerSuccessValidationException">
    /// A rule is null or two rules share an id; the exception lists every such rule, naming the id and both positions.
    /// </exception>
    public RuleSet(IEnumerable<BehaviorRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (int i = 0; i < _rules.Length; i++)
        {
            if (_rules[i] is not { } rule)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Rule {i + 1} is null."));
            }
            else if (!seen.TryAdd(rule.Id, i))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Rule id '{rule.Id}' is used by rules {seen[rule.Id] + 1} and {i + 1}; ids must be unique."));
            }
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
    }

    /// <summary>Gets the number of rules.</summary>
    public int Count => _rules.Length;

    /// <summary>Gets a rule by position.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The rule.</returns>
    public BehaviorRule this[int index] => _rules[index];

    /// <summary>
    /// Parses the text form: rules one after another, each <c>rule ID KIND SEVERITY [cooldown 7d|forever] [per_user] [message "..."] when PREDICATE</c>.
    /// Lines starting with '#' are comments.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="BehaviorSyntaxException">The text is malformed; the message names the rule, line and column.</exception>
    public static RuleSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PredicateParser parser;
        try
        {
            parser = new PredicateParser(text);
        }
        catch (BehaviorSyntaxException e) when (e.Problem is not null && RuleAt(text, e.Line) is { } rule)
        {
            // The text is read into tokens before any rule is parsed: name the rule whose lines hold the bad character.
            throw new BehaviorSyntaxException($"Rule '{rule}': {e.Problem}", e.Line, e.Column);
        }

        var rules = new List<BehaviorRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (parser.Current.Kind != TokenKind.End)
        {
            Token start = parser.Current;
            parser.ExpectWord("rule");
            string id = parser.TakeName("a rule id");
            if (!ids.Add(id))
            {
                throw PredicateParser.Error($"Rule '{id}' is defined twice; rule ids must be unique.", start);
            }

            try
            {
                rules.Add(ParseRule(parser, id));
            }
            catch (BehaviorSyntaxException e) when (e.Problem is not null && !e.Problem.StartsWith("Rule '", StringComparison.Ordinal))
            {
                throw new BehaviorSyntaxException($"Rule '{id}': {e.Problem}", e.Line, e.Column);
            }
        }

        return new RuleSet(rules);
    }

    // The id of the last "rule <id>" header at or before a 1-based line, or null before the first.
    private static string? RuleAt(string text, int line)
    {
        string? rule = null;
        int number = 0;
        foreach (string row in text.Split('\n'))
        {
            if (++number > line)
            {
                break;
            }

            string[] words = row.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (words is ["rule", var id, ..])
            {
                rule = id;
            }
        }

        return rule;
    }

    /// <summary>
    /// Returns how far before the as-of instant any rule can read an event (<see cref="BehaviorPredicate.Lookback"/>): what
    /// a live evaluator keeps. Cooldowns are kept apart, from the alerts raised.
    /// </summary>
    /// <returns>The longest span, zero for no rules, or <see langword="null"/> when a rule reads all history.</returns>
    public NodaTime.Duration? Lookback()
    {
        NodaTime.Duration? longest = NodaTime.Duration.Zero;
        foreach (BehaviorRule rule in _rules)
        {
            longest = longest is { } l && rule.When.Lookback() is { } r ? (l > r ? l : r) : null;
        }

        return longest;
    }

    /// <summary>Returns the rule with an id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="rule">The rule when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BehaviorRule? rule)
    {
        rule = _rules.FirstOrDefault(r => r.Id == id);
        return rule is not null;
    }

    /// <inheritdoc />
    public IEnumerator<BehaviorRule> GetEnumerator() => ((IEnumerable<BehaviorRule>)_rules).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the text form, which <see cref="Parse"/> reads back to an equal set.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join("\n\n", _rules.Select(r => r.ToString())) + (_rules.Length == 0 ? string.Empty : "\n");

    private static BehaviorRule ParseRule(PredicateParser parser, string id)
    {
        Token kindToken = parser.Current;
        if (!BehaviorRule.TryKind(parser.TakeName("a kind: risk, opportunity or trigger"), out RuleKind kind))
        {
            throw PredicateParser.Error($"'{kindToken.Text}' is not a kind; expected risk, opportunity or trigger.", kindToken);
        }

        Token severityToken = parser.Current;
        if (!BehaviorRule.TrySeverity(parser.TakeName("a severity: info, warning or danger"), out AlertSeverity severity))
        {
            throw PredicateParser.Error($"'{severityToken.Text}' is not a severity; expected info, warning or danger.", severityToken);
        }

        NodaTime.Duration cooldown = NodaTime.Duration.Zero;
        bool perUser = false;
        string? message = null;
        while (!parser.IsWord("when"))
        {
            Token option = parser.Current;
            if (parser.IsWord("cooldown"))
            {
                parser.Take();
                if (parser.IsWord("forever"))
                {
                    parser.Take();
                    cooldown = BehaviorRule.Forever;
                }
                else
                {
                    cooldown = parser.ParseDuration();
                }
            }
            else if (parser.IsWord("per_user"))
            {
                parser.Take();
                perUser = true;
            }
            else if (parser.IsWord("message"))
            {
                parser.Take();
                if (parser.Current.Kind != TokenKind.String)
                {
                    throw parser.Error("Expected a quoted message after 'message'.");
                }

                message = parser.Take().Text;
            }
            else
            {
                throw PredicateParser.Error($"Expected cooldown, per_user, message or when, found {Lexer.Describe(option)}.", option);
            }
        }

        Token when = parser.Take();
        BehaviorPredicate predicate = parser.ParsePredicate();
        if (parser.Current.Kind != TokenKind.End && !parser.IsWord("rule"))
        {
            throw parser.Error($"Expected 'and', 'or', the next 'rule' or the end, found {Lexer.Describe(parser.Current)}.");
        }

        try
        {
            return new BehaviorRule(id, kind, severity, predicate, cooldown, perUser, message);
        }
        catch (ArgumentException e)
        {
            throw PredicateParser.Error(ArgumentProblem.Of(e), when);
        }
    }
}
