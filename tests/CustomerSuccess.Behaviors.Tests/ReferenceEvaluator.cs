using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Behaviors.Tests;

/// <summary>
/// The semantics of docs/behaviors.md written as plainly as possible: it reads the predicate's JSON data form and scans
/// a list of events for every leaf. Slow and obvious, so that the engine can be checked against it.
/// </summary>
internal sealed class ReferenceEvaluator(IReadOnlyList<BehaviorEvent> events, IReadOnlyDictionary<(string Account, string Fact), decimal> facts, DateTimeZone zone)
{
    private static readonly Duration Tick = Duration.FromNanoseconds(1);

    public bool Matches(BehaviorPredicate predicate, string account, Instant t)
    {
        using JsonDocument json = JsonDocument.Parse(BehaviorJson.Serialize(predicate));
        var mine = events.Where(e => e.Account.Value == account && e.OccurredAt <= t).ToList();
        Instant? first = mine.Count == 0 ? null : mine.Min(e => e.OccurredAt);
        return Eval(json.RootElement, new Ctx(account, null, t, first, mine));
    }

    private sealed record Ctx(string Account, string? User, Instant T, Instant? FirstSeen, List<BehaviorEvent> Events)
    {
        public IEnumerable<BehaviorEvent> Named(string name) => Events.Where(e => e.Name == name && (User is null || e.UserId == User));
    }

    private bool Eval(JsonElement p, Ctx c)
    {
        JsonProperty node = p.EnumerateObject().Single();
        JsonElement b = node.Value;
        switch (node.Name)
        {
            case "and": return b.EnumerateArray().Select(x => Eval(x, c)).ToList().All(x => x);
            case "or": return b.EnumerateArray().Select(x => Eval(x, c)).ToList().Any(x => x);
            case "not": return !Eval(b, c);
            case "atLeast": return b.GetProperty("of").EnumerateArray().Count(x => Eval(x, c)) >= b.GetProperty("count").GetInt32();
            case "performed": return Count(c, b.GetProperty("event").GetString()!, Window(b.GetProperty("window"), c)) > 0;
            case "absent": return Count(c, b.GetProperty("event").GetString()!, Window(b.GetProperty("window"), c)) == 0;
            case "firstTime":
            {
                var w = Window(b.GetProperty("window"), c);
                string e = b.GetProperty("event").GetString()!;
                return w is { } win && Count(c, e, w) > 0 && c.Named(e).All(x => x.OccurredAt > win.Lo);
            }

            case "firstSeen":
            {
                var w = Window(b.GetProperty("window"), c);
                return w is { } win && c.FirstSeen is { } f && f <= c.T && f > win.Lo && f <= win.Hi;
            }

            case "every":
            {
                int n = b.GetProperty("periods").GetInt32();
                string unit = b.GetProperty("unit").GetString()!;
                string e = b.GetProperty("event").GetString()!;
                return Enumerable.Range(1, n).All(k =>
                {
                    (Instant start, Instant end) = Period(c.T, unit, -k, 1);
                    return c.Named(e).Any(x => x.OccurredAt >= start && x.OccurredAt < end);
                });
            }

            case "stopped" or "startedAgain":
            {
                string e = b.GetProperty("event").GetString()!;
                var recent = Window(b.GetProperty("recent"), c);
                var earlier = Window(b.GetProperty("earlier"), c);
                if (node.Name == "stopped")
                {
                    return Count(c, e, earlier) > 0 && Count(c, e, recent) == 0;
                }

                return earlier is { } ew && Count(c, e, recent) > 0 && Count(c, e, earlier) == 0 && c.Named(e).Any(x => x.OccurredAt <= ew.Lo);
            }

            case "users":
            {
                var w = Window(b.GetProperty("firstSeen"), c);
                if (w is not { } win)
                {
                    return false;
                }

                var judged = c.Events.Where(e => e.UserId is not null).GroupBy(e => e.UserId!)
                    .Select(g => (User: g.Key, First: g.Min(e => e.OccurredAt)))
                    .Where(u => u.First > win.Lo && u.First <= win.Hi)
                    .Select(u => Eval(b.GetProperty("where"), c with { User = u.User, FirstSeen = u.First }))
                    .ToList();
                int matched = judged.Count(x => x);
                if (b.TryGetProperty("atLeast", out JsonElement n))
                {
                    return matched >= n.GetInt32();
                }

                return b.GetProperty("quantifier").GetString() == "any" ? matched > 0 : judged.Count > 0 && matched == judged.Count;
            }

            default: // compare
            {
                decimal? x = Observe(b.GetProperty("aggregate"), c);
                if (x is null)
                {
                    return b.TryGetProperty("whenUndefined", out JsonElement u) && u.GetBoolean();
                }

                string op = b.GetProperty("op").GetString()!;
                if (op == "between")
                {
                    return x >= b.GetProperty("low").GetDecimal() && x <= b.GetProperty("high").GetDecimal();
                }

                JsonElement v = b.GetProperty("value");
                decimal threshold = v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : TimeValue(v.GetString()!);
                return op switch
                {
                    ">=" => x >= threshold,
                    ">" => x > threshold,
                    "<=" => x <= threshold,
                    "<" => x < threshold,
                    _ => x == threshold,
                };
            }
        }
    }

    /// <summary>Instants as seconds since the epoch and durations as seconds; the generator keeps them whole seconds.</summary>
    private static decimal TimeValue(string text) => text.EndsWith('Z')
        ? InstantPattern.ExtendedIso.Parse(text).Value.ToUnixTimeSeconds()
        : (decimal)Dur(text).TotalSeconds;

    private decimal? Observe(JsonElement a, Ctx c)
    {
        JsonProperty node = a.EnumerateObject().Single();
        JsonElement b = node.Value;
        switch (node.Name)
        {
            case "fact":
                return facts.TryGetValue((c.Account, b.GetProperty("name").GetString()!), out decimal f) ? f : null;
            case "sinceLast":
            {
                var xs = c.Named(b.GetProperty("event").GetString()!).ToList();
                return xs.Count == 0 ? null : (decimal)(c.T - xs.Max(x => x.OccurredAt)).TotalSeconds;
            }

            case "change":
            {
                decimal? current = Observe(b.GetProperty("of"), c);
                JsonProperty inner = b.GetProperty("of").EnumerateObject().Single();
                decimal? baseline = Over(inner.Name, inner.Value.GetProperty("event").GetString()!, Window(b.GetProperty("baseline"), c), c);
                return current is null || baseline is null || baseline == 0 ? null : (current - baseline) / baseline;
            }

            case "ratio":
            {
                decimal? n = Observe(b.GetProperty("of"), c);
                decimal? d = Observe(b.GetProperty("per"), c);
                return n is null || d is null || d == 0 ? null : n / d;
            }

            default:
                return Over(node.Name, b.GetProperty("event").GetString()!, Window(b.GetProperty("window"), c), c);
        }
    }

    private decimal? Over(string kind, string name, (Instant Lo, Instant Hi)? window, Ctx c)
    {
        if (window is not { } w)
        {
            return null;
        }

        var xs = c.Named(name).Where(x => x.OccurredAt > w.Lo && x.OccurredAt <= w.Hi)
            .OrderBy(x => x.OccurredAt).ThenBy(x => x.Value).ThenBy(x => x.UserId, StringComparer.Ordinal).ToList();
        return kind switch
        {
            "count" => xs.Count,
            "sum" => xs.Sum(x => x.Value),
            "distinctUsers" => xs.Where(x => x.UserId is not null).Select(x => x.UserId).Distinct().Count(),
            "distinctDays" => xs.Select(x => x.OccurredAt.InZone(zone).Date).Distinct().Count(),
            "first" => xs.Count == 0 ? null : xs[0].OccurredAt.ToUnixTimeSeconds(),
            "last" => xs.Count == 0 ? null : xs[^1].OccurredAt.ToUnixTimeSeconds(),
            "lastValue" => xs.Count == 0 ? null : xs[^1].Value,
            _ => throw new InvalidOperationException(kind),
        };
    }

    private static int Count(Ctx c, string name, (Instant Lo, Instant Hi)? window) =>
        window is { } w ? c.Named(name).Count(x => x.OccurredAt > w.Lo && x.OccurredAt <= w.Hi) : 0;

    private (Instant Lo, Instant Hi)? Window(JsonElement w, Ctx c)
    {
        Instant t = c.T;
        if (w.TryGetProperty("last", out JsonElement last))
        {
            Duration offset = w.TryGetProperty("offset", out JsonElement o) ? Dur(o.GetString()!) : Duration.Zero;
            return (t - offset - Dur(last.GetString()!), t - offset);
        }

        if (w.TryGetProperty("ever", out _))
        {
            return (Instant.MinValue, t);
        }

        if (w.TryGetProperty("from", out JsonElement from))
        {
            Instant to = InstantPattern.ExtendedIso.Parse(w.GetProperty("to").GetString()!).Value;
            return (InstantPattern.ExtendedIso.Parse(from.GetString()!).Value, to < t ? to : t);
        }

        if (w.TryGetProperty("since", out JsonElement since))
        {
            var anchors = c.Named(since.GetString()!).ToList();
            return anchors.Count == 0 ? null : (anchors.Max(x => x.OccurredAt), t);
        }

        if (w.TryGetProperty("first", out JsonElement firstDays))
        {
            if (c.FirstSeen is not { } f || f > t || f + Dur(firstDays.GetString()!) - Tick > t)
            {
                return null;
            }

            return (f - Tick, f + Dur(firstDays.GetString()!) - Tick);
        }

        if (w.TryGetProperty("this", out JsonElement thisUnit))
        {
            (Instant start, _) = Period(t, thisUnit.GetString()!, 0, 1);
            return (start - Tick, t);
        }

        if (w.TryGetProperty("period", out JsonElement unit))
        {
            (Instant start, Instant end) = Period(t, unit.GetString()!, w.GetProperty("relative").GetInt32(), 1);
            return (start - Tick, end - Tick);
        }

        int n = w.GetProperty("past").GetInt32();
        (Instant s, Instant e) = Period(t, w.GetProperty("unit").GetString()!, -n, n);
        return (s - Tick, e - Tick);
    }

    private (Instant Start, Instant End) Period(Instant t, string unit, int relative, int count)
    {
        LocalDate today = t.InZone(zone).Date;
        LocalDate start;
        LocalDate end;
        if (unit == "week")
        {
            LocalDate monday = today.PlusDays(-((int)today.DayOfWeek - 1));
            start = monday.PlusWeeks(relative);
            end = start.PlusWeeks(count);
        }
        else
        {
            start = new LocalDate(today.Year, today.Month, 1).PlusMonths(relative);
            end = start.PlusMonths(count);
        }

        return (zone.AtStartOfDay(start).ToInstant(), zone.AtStartOfDay(end).ToInstant());
    }

    private static Duration Dur(string text)
    {
        long n = long.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            'w' => Duration.FromDays(7 * n),
            'd' => Duration.FromDays(n),
            'h' => Duration.FromHours(n),
            'm' => Duration.FromMinutes(n),
            _ => Duration.FromSeconds(n),
        };
    }
}
