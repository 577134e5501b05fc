using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A predicate that raises an alert: what to watch (<see cref="When"/>), what it means (<see cref="Kind"/>: risk,
/// opportunity or trigger), how urgent it is, and how long to stay quiet after raising it (<see cref="Cooldown"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed partial class BehaviorRule : IEquatable<BehaviorRule>
{
    /// <summary>A cooldown that never ends: the rule raises an alert once per account (and user).</summary>
    public static readonly Duration Forever = Duration.MaxValue;

    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal) { "account", "user", "rule", "as_of", "evidence" };

    /// <summary>Initializes a rule.</summary>
    /// <param name="id">The rule's id, unique in its set (spelled like an event name, such as "support_case_spike").</param>
    /// <param name="kind">Risk, opportunity or trigger.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="when">The predicate that raises the alert.</param>
    /// <param name="cooldown">
    /// After an alert, how long the same alert (rule, account, user) stays quiet; <see cref="Duration.Zero"/> for none and
    /// <see cref="Forever"/> for once only.
    /// </param>
    /// <param name="perUser">Whether the predicate is judged per user, raising one alert per matching user (keyed by the user).</param>
    /// <param name="message">
    /// The alert's message, with optional placeholders <c>{account}</c>, <c>{user}</c>, <c>{rule}</c>, <c>{as_of}</c>, <c>{evidence}</c>.
    /// </param>
    /// <exception cref="ArgumentException">The id is badly spelled, the cooldown is negative, or the message has an unknown placeholder; the message names the rule.</exception>
    public BehaviorRule(string id, RuleKind kind, AlertSeverity severity, BehaviorPredicate when, Duration cooldown = default, bool perUser = false, string? message = null)
    {
        EventNames.ThrowIfInvalid(id, nameof(id), "rule id");
        ArgumentNullException.ThrowIfNull(when);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Rule '{id}': the kind must be Risk, Opportunity or Trigger.");
        }

        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, $"Rule '{id}': the severity must be Info, Warning or Danger.");
        }

        if (cooldown < Duration.Zero || (cooldown != Forever && (cooldown > EventTime.MaxSpan || !BehaviorText.IsWholeSeconds(cooldown))))
        {
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, $"Rule '{id}': the cooldown must be whole seconds from zero to 36525 days, or Forever.");
        }

        if (perUser && when.Contains(PredicateKind.Users))
        {
            throw new ArgumentException($"Rule '{id}': a per-user rule judges each user already; it cannot contain users(...).", nameof(when));
        }

        if (message is not null)
        {
            foreach (Match placeholder in PlaceholderPattern().Matches(message))
            {
                if (!Placeholders.Contains(placeholder.Groups[1].Value))
                {
                    throw new ArgumentException($"Rule '{id}': the message has an unknown placeholder {placeholder.Value}; use {{account}}, {{user}}, {{rule}}, {{as_of}} or {{evidence}}.", nameof(message));
                }
            }
        }

        Id = id;
        Kind = kind;
        Severity = severity;
        When = when;
        Cooldown = cooldown;
        PerUser = perUser;
        Message = message;
    }

    /// <summary>Gets the rule's id.</summary>
    public string Id { get; }

    /// <summary>Gets the kind of alert it raises.</summary>
    public RuleKind Kind { get; }

    /// <summary>Gets the alert's severity.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the predicate that raises the alert.</summary>
    public BehaviorPredicate When { get; }

    /// <summary>Gets how long the same alert stays quiet after being raised; zero for none, <see cref="Forever"/> for once only.</summary>
    public Duration Cooldown { get; }

    /// <summary>Gets whether the predicate is judged per user.</summary>
    public bool PerUser { get; }

    /// <summary>Gets the message template, or <see langword="null"/>.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public bool Equals(BehaviorRule? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BehaviorRule);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Returns the rule in the text form of a rule set.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("rule ").Append(Id).Append(' ').Append(KindName(Kind)).Append(' ').Append(SeverityName(Severity));
        if (Cooldown != Duration.Zero)
        {
            text.Append(" cooldown ").Append(Cooldown == Forever ? "forever" : BehaviorText.Duration(Cooldown));
        }

        if (PerUser)
        {
            text.Append(" per_user");
        }

        if (Message is not null)
        {
            text.Append(" message ").Append(Lexer.Quote(Message));
        }

        text.Append("\n  when ");
        When.Write(text);
        return text.ToString();
    }

    internal string Render(AccountId account, string? user, Instant asOf, IReadOnlyList<LeafEvidence> evidence) =>
        Message is null
            ? string.Empty
            : PlaceholderPattern().Replace(Message, m => m.Groups[1].Value switch
            {
                "account" => account.Value,
                "user" => user ?? string.Empty,
                "rule" => Id,
                "as_of" => BehaviorText.Instant(asOf),
                _ => string.Join("; ", evidence),
            });

    internal static string KindName(RuleKind kind) => kind.ToString().ToLowerInvariant();

    internal static string SeverityName(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    internal static bool TryKind(string text, out RuleKind kind) => Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text[0]);

    internal static bool TrySeverity(string text, out AlertSeverity severity) => Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity) && !char.IsAsciiDigit(text[0]);

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
