using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// A predicate bound to a store: event names resolved to indices, windows to nanoseconds. Without evidence it
/// short-circuits and allocates nothing for count and sum leaves; with evidence it visits every leaf.
/// </summary>
internal sealed class BoundPredicate
{
    private readonly BehaviorPredicate _predicate;
    private readonly BoundPredicate[] _children;
    private readonly BoundAggregate? _aggregate;
    private readonly BoundWindow? _window;
    private readonly BoundWindow? _earlier;
    private readonly int _event;
    private readonly decimal _low;
    private readonly decimal _high;
    private readonly string _text;
    private readonly string _expected;

    internal BoundPredicate(BehaviorPredicate predicate, EventStore store)
    {
        _predicate = predicate;
        _children = predicate.Children.Select(c => new BoundPredicate(c, store)).ToArray();
        _aggregate = predicate.Aggregate is null ? null : new BoundAggregate(predicate.Aggregate, store);
        _window = predicate.Window is null ? null : new BoundWindow(predicate.Window, store);
        _earlier = predicate.Earlier is null ? null : new BoundWindow(predicate.Earlier, store);
        _event = predicate.Event is null ? -1 : store.NameOf(predicate.Event);
        _low = predicate.Low.Number;
        _high = predicate.High.Number;
        _text = predicate.Kind is PredicateKind.And or PredicateKind.Or or PredicateKind.Not ? string.Empty : predicate.ToString();
        _expected = predicate.Kind == PredicateKind.Compare ? ExpectedText() : string.Empty;
        LeafCount = predicate.Kind is PredicateKind.And or PredicateKind.Or or PredicateKind.Not or PredicateKind.AtLeast
            ? _children.Sum(c => c.LeafCount)
            : 1;
    }

    /// <summary>Gets how many evidence entries an explained evaluation adds.</summary>
    internal int LeafCount { get; }

    internal bool Evaluate(ref Scope scope)
    {
        switch (_predicate.Kind)
        {
            case PredicateKind.Compare:
                return Compare(ref scope);
            case PredicateKind.And:
                bool all = true;
                foreach (BoundPredicate child in _children)
                {
                    all &= child.Evaluate(ref scope);
                    if (!all && !scope.Explaining)
                    {
                        return false;
                    }
                }

                return all;
            case PredicateKind.Or:
                bool any = false;
                foreach (BoundPredicate child in _children)
                {
                    any |= child.Evaluate(ref scope);
                    if (any && !scope.Explaining)
                    {
                        return true;
                    }
                }

                return any;
            case PredicateKind.Not:
                return !_children[0].Evaluate(ref scope);
            case PredicateKind.AtLeast:
                int held = 0;
                foreach (BoundPredicate child in _children)
                {
                    held += child.Evaluate(ref scope) ? 1 : 0;
                }

                return held >= _predicate.Number;
            case PredicateKind.Users:
                return Users(ref scope);
            default:
                return Behavior(ref scope);
        }
    }

    private bool Compare(ref Scope scope)
    {
        bool matched;
        if (!_aggregate!.Observe(ref scope, out BehaviorValue observed, out string? reason))
        {
            matched = _predicate.UndefinedAnswer;
            scope.Evidence?.Add(new LeafEvidence(_aggregate.Text, null, _expected, matched, reason));
            return matched;
        }

        if (_predicate.Low.Kind is BehaviorValueKind.Instant or BehaviorValueKind.Duration)
        {
            matched = Holds(observed.Nanos.CompareTo(_predicate.Low.Nanos));
        }
        else
        {
            decimal x = observed.Number; // exact: sums of exact values against exact thresholds
            matched = _predicate.Operator == ComparisonOperator.Between
                ? x >= _low && x <= _high
                : Holds(x.CompareTo(_low));
        }

        scope.Evidence?.Add(new LeafEvidence(_aggregate.Text, observed, _expected, matched, null));
        return matched;
    }

    private bool Holds(int comparison) => _predicate.Operator switch
    {
        ComparisonOperator.AtLeast => comparison >= 0,
        ComparisonOperator.MoreThan => comparison > 0,
        ComparisonOperator.AtMost => comparison <= 0,
        ComparisonOperator.LessThan => comparison < 0,
        _ => comparison == 0,
    };

    private string ExpectedText() => _predicate.Operator == ComparisonOperator.Between
        ? $"between {_predicate.Low.Text} and {_predicate.High.Text}"
        : $"{BehaviorPredicate.OperatorText(_predicate.Operator)} {_predicate.Low.Text}";

    private bool Behavior(ref Scope scope)
    {
        bool matched;
        string expected;
        decimal observed;
        string? note = null;
        switch (_predicate.Kind)
        {
            case PredicateKind.Performed or PredicateKind.Absent:
                int count = BoundAggregate.CountIn(scope, _event, _window!.Resolve(scope));
                matched = (count > 0) == (_predicate.Kind == PredicateKind.Performed);
                observed = count;
                expected = _predicate.Kind == PredicateKind.Performed ? "at least 1" : "none";
                break;
            case PredicateKind.Every:
                int periods = 0;
                for (int k = 1; k <= _predicate.Number; k++)
                {
                    (long start, long end) = BoundWindow.CalendarPeriods(scope.T, scope.Zone, _predicate.Unit, -k, 1);
                    periods += BoundAggregate.CountIn(scope, _event, new ResolvedWindow(start - 1, end - 1, true)) > 0 ? 1 : 0;
                    if (periods < k && !scope.Explaining)
                    {
                        return false;
                    }
                }

                matched = periods == _predicate.Number;
                observed = periods;
                expected = string.Create(CultureInfo.InvariantCulture, $"done in {_predicate.Number} of {_predicate.Number} {BehaviorWindow.UnitName(_predicate.Unit)}s");
                break;
            case PredicateKind.Stopped or PredicateKind.StartedAgain:
                ResolvedWindow recentSpan = _window!.Resolve(scope);
                ResolvedWindow earlierSpan = _earlier!.Resolve(scope);
                int recent = BoundAggregate.CountIn(scope, _event, recentSpan);
                int earlier = BoundAggregate.CountIn(scope, _event, earlierSpan);
                if (_predicate.Kind == PredicateKind.Stopped)
                {
                    matched = earlier > 0 && recent == 0;
                    expected = "done in the earlier window, not in the recent one";
                }
                else
                {
                    int before = earlierSpan.Defined ? BoundAggregate.CountIn(scope, _event, new ResolvedWindow(long.MinValue, earlierSpan.Lo, true)) : 0;
                    matched = recent > 0 && earlier == 0 && before > 0 && earlierSpan.Defined;
                    expected = "done in the recent window, not in the earlier one, and before it";
                }

                observed = recent;
                note = string.Create(CultureInfo.InvariantCulture, $"recent window {recent}, earlier window {earlier}");
                break;
            case PredicateKind.FirstTime:
                ResolvedWindow span = _window!.Resolve(scope);
                int inWindow = BoundAggregate.CountIn(scope, _event, span);
                matched = inWindow > 0 && BoundAggregate.CountIn(scope, _event, new ResolvedWindow(long.MinValue, span.Lo, true)) == 0;
                observed = inWindow;
                expected = "done in the window and never before";
                break;
            default: // first seen
                ResolvedWindow seen = _window!.Resolve(scope);
                long first = scope.FirstSeen;
                matched = seen.Defined && first <= scope.T && first > seen.Lo && first <= seen.Hi;
                if (scope.Explaining)
                {
                    scope.Evidence!.Add(new LeafEvidence(_text, first <= scope.T ? BehaviorValue.OfNanos(BehaviorValueKind.Instant, first) : null, "first event in the window", matched, first <= scope.T ? null : "no event yet"));
                }

                return matched;
        }

        scope.Evidence?.Add(new LeafEvidence(_text, BehaviorValue.OfNumber(observed), expected, matched, note));
        return matched;
    }

    private bool Users(ref Scope scope)
    {
        EventStore store = scope.Store;
        ResolvedWindow window = _window!.Resolve(scope);
        int judged = 0;
        int matchedUsers = 0;
        List<string>? names = scope.Explaining ? [] : null;
        (int user, long firstSeen, List<LeafEvidence>? evidence) = (scope.User, scope.FirstSeen, scope.Evidence);
        scope.Evidence = null; // per-user leaves would drown the account's evidence; the users leaf summarises them
        if (scope.Account >= 0 && window.Defined)
        {
            for (int i = store.AccountUsers[scope.Account]; i < store.AccountUsers[scope.Account + 1]; i++)
            {
                long first = store.UserFirstSeen[i];
                if (first > scope.T)
                {
                    break; // ordered by first event: the rest do not exist yet
                }

                if (first <= window.Lo || first > window.Hi)
                {
                    continue;
                }

                scope.User = store.UserIds[i];
                scope.FirstSeen = first;
                judged++;
                if (_children[0].Evaluate(ref scope))
                {
                    matchedUsers++;
                    names?.Add(store.UserList[scope.User]);
                }
            }
        }

        (scope.User, scope.FirstSeen, scope.Evidence) = (user, firstSeen, evidence);
        bool matched = _predicate.Quantifier switch
        {
            UserQuantifier.Any => matchedUsers > 0,
            UserQuantifier.All => judged > 0 && matchedUsers == judged,
            _ => matchedUsers >= _predicate.Number,
        };
        if (evidence is not null)
        {
            string expected = _predicate.Quantifier switch
            {
                UserQuantifier.Any => "any user",
                UserQuantifier.All => string.Create(CultureInfo.InvariantCulture, $"all {judged} users"),
                _ => string.Create(CultureInfo.InvariantCulture, $"at least {_predicate.Number} users"),
            };
            string note = string.Create(CultureInfo.InvariantCulture, $"{matchedUsers} of {judged} users matched{(names!.Count == 0 ? string.Empty : ": " + string.Join(", ", names.Take(10)) + (names.Count > 10 ? ", ..." : string.Empty))}");
            evidence.Add(new LeafEvidence(_text, BehaviorValue.OfNumber(matchedUsers), expected, matched, note));
        }

        return matched;
    }
}
