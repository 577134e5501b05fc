using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Json;
using NodaTime;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// The data form of predicates: JSON with one key per node, such as
/// <c>{"compare":{"aggregate":{"count":{"event":"support_case_opened","window":{"last":"7d"}}},"op":"&gt;=","value":5}}</c>.
/// Hand-written over <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>, so it needs no reflection and works under AOT.
/// </summary>
public static class BehaviorJson
{
    /// <summary>Writes a predicate as JSON.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(BehaviorPredicate predicate, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            Write(writer, predicate);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a predicate from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// The JSON is malformed or not a predicate; <see cref="CustomerSuccessValidationException.JsonPath"/> and the message give the path at fault.
    /// </exception>
    public static BehaviorPredicate Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonFaults.Read(json, () =>
        {
            using JsonDocument document = Parse(json);
            return ReadPredicate(document.RootElement, "$", 0);
        });
    }

    /// <summary>
    /// Writes a rule set as JSON: <c>{"rules":[{"id":...,"kind":"risk","severity":"danger","cooldown":"7d","perUser":false,"message":...,"when":{...}}]}</c>.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeRules(RuleSet rules, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rules");
            foreach (BehaviorRule rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("kind", BehaviorRule.KindName(rule.Kind));
                writer.WriteString("severity", BehaviorRule.SeverityName(rule.Severity));
                if (rule.Cooldown != Duration.Zero)
                {
                    writer.WriteString("cooldown", rule.Cooldown == BehaviorRule.Forever ? "forever" : BehaviorText.Duration(rule.Cooldown));
                }

                if (rule.PerUser)
                {
                    writer.WriteBoolean("perUser", true);
                }

                if (rule.Message is not null)
                {
                    writer.WriteString("message", rule.Message);
                }

                writer.WritePropertyName("when");
                Write(writer, rule.When);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads a rule set from JSON. A rule's <c>when</c> is the data form of its predicate, or a string in the text form.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// The JSON is malformed or not a rule set; <see cref="CustomerSuccessValidationException.JsonPath"/> and the message give
    /// the path at fault (and the rule's id).
    /// </exception>
    public static RuleSet DeserializeRules(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonFaults.Read(json, () => ReadRules(json));
    }

    private static RuleSet ReadRules(string json)
    {
        using JsonDocument document = Parse(json);
        Only(document.RootElement, "$", "rules");
        JsonElement list = Property(document.RootElement, "rules", "$");
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Error("$.rules", "expected an array of rules");
        }

        var rules = new List<BehaviorRule>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.rules[{i}]");
            string id = Text(item, "id", path);
            if (!ids.TryAdd(id, i))
            {
                throw Error(path + ".id", $"rule id '{id}' is also used by $.rules[{ids[id]}]; ids must be unique");
            }

            try
            {
                rules.Add(ReadRule(item, path, id));
            }
            catch (JsonException e) when (!e.Message.Contains($"rule '{id}'", StringComparison.Ordinal))
            {
                throw new JsonException($"rule '{id}': {e.Message}", e.Path, e.LineNumber, e.BytePositionInLine, e);
            }
            i++;
        }

        return new RuleSet(rules);
    }

    private static BehaviorRule ReadRule(JsonElement item, string path, string id)
    {
        Only(item, path, "id", "kind", "severity", "cooldown", "perUser", "message", "when");
        string kindText = Text(item, "kind", path);
        if (!BehaviorRule.TryKind(kindText, out RuleKind kind))
        {
            throw Error(path + ".kind", $"rule '{id}': '{kindText}' is not a kind; expected risk, opportunity or trigger");
        }

        string severityText = Text(item, "severity", path);
        if (!BehaviorRule.TrySeverity(severityText, out AlertSeverity severity))
        {
            throw Error(path + ".severity", $"rule '{id}': '{severityText}' is not a severity; expected info, warning or danger");
        }

        Duration cooldown = Duration.Zero;
        if (item.TryGetProperty("cooldown", out _))
        {
            string text = Text(item, "cooldown", path);
            cooldown = text == "forever" ? BehaviorRule.Forever : DurationValue(text, path + ".cooldown");
        }

        bool perUser = item.TryGetProperty("perUser", out JsonElement flag) && (flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : throw Error(path + ".perUser", "expected true or false"));
        string? message = item.TryGetProperty("message", out _) ? Text(item, "message", path) : null;
        JsonElement when = Property(item, "when", path);
        BehaviorPredicate predicate;
        if (when.ValueKind == JsonValueKind.String)
        {
            try
            {
                predicate = BehaviorPredicate.Parse(when.GetString()!);
            }
            catch (BehaviorSyntaxException e)
            {
                throw Error(path + ".when", $"rule '{id}': {e.Message}");
            }
        }
        else
        {
            predicate = ReadPredicate(when, path + ".when", 0);
        }

        return Guard(path, () => new BehaviorRule(id, kind, severity, predicate, cooldown, perUser, message));
    }

    /// <summary>Writes a predicate to a JSON writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="predicate">The predicate.</param>
    public static void Write(Utf8JsonWriter writer, BehaviorPredicate predicate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(predicate);
        writer.WriteStartObject();
        switch (predicate.Kind)
        {
            case PredicateKind.And or PredicateKind.Or:
                writer.WriteStartArray(predicate.Kind == PredicateKind.And ? "and" : "or");
                foreach (BehaviorPredicate child in predicate.Children)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case PredicateKind.Not:
                writer.WritePropertyName("not");
                Write(writer, predicate.Children[0]);
                break;
            case PredicateKind.Compare:
                writer.WriteStartObject("compare");
                writer.WritePropertyName("aggregate");
                WriteAggregate(writer, predicate.Aggregate!);
                writer.WriteString("op", BehaviorPredicate.OperatorText(predicate.Operator));
                WriteThreshold(writer, predicate.Operator == ComparisonOperator.Between ? "low" : "value", predicate.Low);
                if (predicate.Operator == ComparisonOperator.Between)
                {
                    WriteThreshold(writer, "high", predicate.High);
                }

                if (predicate.UndefinedAnswer)
                {
                    writer.WriteBoolean("whenUndefined", true);
                }

                writer.WriteEndObject();
                break;
            case PredicateKind.Every:
                writer.WriteStartObject("every");
                writer.WriteString("event", predicate.Event);
                writer.WriteNumber("periods", predicate.Number);
                writer.WriteString("unit", BehaviorWindow.UnitName(predicate.Unit));
                writer.WriteEndObject();
                break;
            case PredicateKind.Stopped or PredicateKind.StartedAgain:
                writer.WriteStartObject(predicate.Kind == PredicateKind.Stopped ? "stopped" : "startedAgain");
                writer.WriteString("event", predicate.Event);
                writer.WritePropertyName("recent");
                WriteWindow(writer, predicate.Window!);
                writer.WritePropertyName("earlier");
                WriteWindow(writer, predicate.Earlier!);
                writer.WriteEndObject();
                break;
            case PredicateKind.FirstSeen:
                writer.WriteStartObject("firstSeen");
                writer.WritePropertyName("window");
                WriteWindow(writer, predicate.Window!);
                writer.WriteEndObject();
                break;
            case PredicateKind.AtLeast:
                writer.WriteStartObject("atLeast");
                writer.WriteNumber("count", predicate.Number);
                writer.WriteStartArray("of");
                foreach (BehaviorPredicate child in predicate.Children)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case PredicateKind.Users:
                writer.WriteStartObject("users");
                if (predicate.Quantifier == UserQuantifier.AtLeast)
                {
                    writer.WriteNumber("atLeast", predicate.Number);
                }
                else
                {
                    writer.WriteString("quantifier", predicate.Quantifier == UserQuantifier.Any ? "any" : "all");
                }

                writer.WritePropertyName("firstSeen");
                WriteWindow(writer, predicate.Window!);
                writer.WritePropertyName("where");
                Write(writer, predicate.Children[0]);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject(predicate.Kind switch
                {
                    PredicateKind.Performed => "performed",
                    PredicateKind.Absent => "absent",
                    _ => "firstTime",
                });
                writer.WriteString("event", predicate.Event);
                writer.WritePropertyName("window");
                WriteWindow(writer, predicate.Window!);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    // Operators such as ">=" stay readable: the output is data for people and programs, not HTML.
    private static JsonWriterOptions WriterOptions(bool indented) =>
        new() { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static JsonDocument Parse(string json)
    {
        DuplicateKeys.Reject(json);
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new JsonException($"The JSON is malformed: {e.Message}", e.Path, e.LineNumber, e.BytePositionInLine, e);
        }
    }

    internal static BehaviorPredicate ReadPredicate(JsonElement element, string path, int depth)
    {
        if (depth > PredicateParser.MaxDepth)
        {
            throw Error(path, $"the predicate nests deeper than {PredicateParser.MaxDepth} levels");
        }

        (string key, JsonElement body) = Single(element, path, "a predicate such as {\"performed\": {...}}");
        string at = path + "." + Quoted.Short(key);
        switch (key)
        {
            case "performed" or "absent" or "firstTime": Only(body, at, "event", "window"); break;
            case "every": Only(body, at, "event", "periods", "unit"); break;
            case "stopped" or "startedAgain": Only(body, at, "event", "recent", "earlier"); break;
            case "firstSeen": Only(body, at, "window"); break;
            case "atLeast": Only(body, at, "count", "of"); break;
            case "users": Only(body, at, "firstSeen", "where", "atLeast", "quantifier"); break;
            case "compare": Only(body, at, "aggregate", "op", "whenUndefined", "low", "high", "value"); break;
        }

        return Guard(at, () => key switch
        {
            "and" or "or" => ReadJunction(key, body, at, depth),
            "not" => BehaviorPredicate.Not(ReadPredicate(body, at, depth + 1)),
            "compare" => ReadCompare(body, at, depth),
            "performed" => BehaviorPredicate.Performed(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "absent" => BehaviorPredicate.Absent(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "firstTime" => BehaviorPredicate.FirstTime(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "every" => BehaviorPredicate.Every(Text(body, "event", at), Integer(body, "periods", at), Unit(Text(body, "unit", at), at + ".unit")),
            "stopped" => BehaviorPredicate.Stopped(Text(body, "event", at), ReadWindow(Property(body, "recent", at), at + ".recent"), ReadWindow(Property(body, "earlier", at), at + ".earlier")),
            "startedAgain" => BehaviorPredicate.StartedAgain(Text(body, "event", at), ReadWindow(Property(body, "recent", at), at + ".recent"), ReadWindow(Property(body, "earlier", at), at + ".earlier")),
            "firstSeen" => BehaviorPredicate.FirstSeen(ReadWindow(Property(body, "window", at), at + ".window")),
            "atLeast" => BehaviorPredicate.AtLeast(Integer(body, "count", at), ReadList(Property(body, "of", at), at + ".of", depth)),
            "users" => ReadUsers(body, at, depth),
            _ => throw Error(path, $"'{Quoted.Short(key)}' is not a predicate; expected and, or, not, compare, performed, absent, firstTime, every, stopped, startedAgain, firstSeen, atLeast or users"),
        });
    }

    private static BehaviorPredicate ReadJunction(string key, JsonElement body, string at, int depth)
    {
        List<BehaviorPredicate> operands = ReadList(body, at, depth);
        return key == "and" ? BehaviorPredicate.And(operands) : BehaviorPredicate.Or(operands);
    }

    private static List<BehaviorPredicate> ReadList(JsonElement body, string at, int depth)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw Error(at, "expected an array of predicates");
        }

        var operands = new List<BehaviorPredicate>();
        int i = 0;
        foreach (JsonElement item in body.EnumerateArray())
        {
            operands.Add(ReadPredicate(item, string.Create(CultureInfo.InvariantCulture, $"{at}[{i++}]"), depth + 1));
        }

        return operands;
    }

    private static BehaviorPredicate ReadUsers(JsonElement body, string at, int depth)
    {
        BehaviorWindow window = ReadWindow(Property(body, "firstSeen", at), at + ".firstSeen");
        BehaviorPredicate where = ReadPredicate(Property(body, "where", at), at + ".where", depth + 1);
        if (body.TryGetProperty("atLeast", out _))
        {
            return BehaviorPredicate.Users(UserQuantifier.AtLeast, window, where, Integer(body, "atLeast", at));
        }

        return Text(body, "quantifier", at) switch
        {
            "any" => BehaviorPredicate.Users(UserQuantifier.Any, window, where),
            "all" => BehaviorPredicate.Users(UserQuantifier.All, window, where),
            string other => throw Error(at + ".quantifier", $"'{other}' is not a quantifier; expected any or all, or give atLeast"),
        };
    }

    private static BehaviorPredicate ReadCompare(JsonElement body, string at, int depth)
    {
        BehaviorAggregate aggregate = ReadAggregate(Property(body, "aggregate", at), at + ".aggregate", depth);
        string op = Text(body, "op", at);
        bool whenUndefined = body.TryGetProperty("whenUndefined", out JsonElement flag) && (flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : throw Error(at + ".whenUndefined", "expected true or false"));
        if (op == "between")
        {
            return aggregate.Between(Number(body, "low", at), Number(body, "high", at)).WhenUndefined(whenUndefined);
        }

        ComparisonOperator comparison = op switch
        {
            ">=" => ComparisonOperator.AtLeast,
            ">" => ComparisonOperator.MoreThan,
            "<=" => ComparisonOperator.AtMost,
            "<" => ComparisonOperator.LessThan,
            "==" => ComparisonOperator.EqualTo,
            _ => throw Error(at + ".op", $"'{op}' is not an operator; expected >=, >, <=, <, == or between"),
        };
        return (aggregate.ValueKind switch
        {
            BehaviorValueKind.Instant => aggregate.Is(comparison, InstantValue(Text(body, "value", at), at + ".value")),
            BehaviorValueKind.Duration => aggregate.Is(comparison, DurationValue(Text(body, "value", at), at + ".value")),
            _ => aggregate.Is(comparison, Number(body, "value", at)),
        }).WhenUndefined(whenUndefined);
    }

    private static BehaviorAggregate ReadAggregate(JsonElement element, string path, int depth)
    {
        if (depth > PredicateParser.MaxDepth)
        {
            throw Error(path, $"the aggregate nests deeper than {PredicateParser.MaxDepth} levels");
        }

        (string key, JsonElement body) = Single(element, path, "an aggregate such as {\"count\": {...}}");
        string at = path + "." + Quoted.Short(key);
        switch (key)
        {
            case "ratio": Only(body, at, "of", "per"); break;
            case "change": Only(body, at, "of", "baseline"); break;
            case "sinceLast": Only(body, at, "event"); break;
            case "fact": Only(body, at, "name"); break;
            default: Only(body, at, "event", "window"); break;
        }

        return Guard(at, () => key switch
        {
            "count" => BehaviorAggregate.Count(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "sum" => BehaviorAggregate.Sum(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "distinctUsers" => BehaviorAggregate.DistinctUsers(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "distinctDays" => BehaviorAggregate.DistinctDays(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "first" => BehaviorAggregate.First(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "last" => BehaviorAggregate.Last(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "lastValue" => BehaviorAggregate.LastValue(Text(body, "event", at), ReadWindow(Property(body, "window", at), at + ".window")),
            "ratio" => BehaviorAggregate.Ratio(ReadAggregate(Property(body, "of", at), at + ".of", depth + 1), ReadAggregate(Property(body, "per", at), at + ".per", depth + 1)),
            "sinceLast" => BehaviorAggregate.SinceLast(Text(body, "event", at)),
            "fact" => BehaviorAggregate.Fact(Text(body, "name", at)),
            "change" => BehaviorAggregate.Change(ReadAggregate(Property(body, "of", at), at + ".of", depth + 1), ReadWindow(Property(body, "baseline", at), at + ".baseline")),
            _ => throw Error(path, $"'{Quoted.Short(key)}' is not an aggregate; expected count, sum, distinctUsers, distinctDays, first, last, lastValue, sinceLast, change, ratio or fact"),
        });
    }

    internal static BehaviorWindow ReadWindow(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "expected a window such as {\"last\": \"7d\"}");
        }

        Only(element, path, "last", "offset", "ever", "first", "from", "to", "since", "this", "period", "relative", "past", "unit");

        return Guard(path, () =>
        {
            if (element.TryGetProperty("last", out _))
            {
                Duration length = DurationValue(Text(element, "last", path), path + ".last");
                return element.TryGetProperty("offset", out _)
                    ? BehaviorWindow.Last(length, DurationValue(Text(element, "offset", path), path + ".offset"))
                    : BehaviorWindow.Last(length);
            }

            if (element.TryGetProperty("ever", out JsonElement ever))
            {
                return ever.ValueKind == JsonValueKind.True ? BehaviorWindow.Ever : throw Error(path + ".ever", "expected true");
            }

            if (element.TryGetProperty("first", out _))
            {
                return BehaviorWindow.First(DurationValue(Text(element, "first", path), path + ".first"));
            }

            if (element.TryGetProperty("from", out _))
            {
                return BehaviorWindow.Between(InstantValue(Text(element, "from", path), path + ".from"), InstantValue(Text(element, "to", path), path + ".to"));
            }

            if (element.TryGetProperty("since", out _))
            {
                return BehaviorWindow.Since(Text(element, "since", path));
            }

            if (element.TryGetProperty("this", out _))
            {
                return BehaviorWindow.This(Unit(Text(element, "this", path), path + ".this"));
            }

            if (element.TryGetProperty("period", out _))
            {
                return BehaviorWindow.Period(Unit(Text(element, "period", path), path + ".period"), Integer(element, "relative", path));
            }

            if (element.TryGetProperty("past", out _))
            {
                return BehaviorWindow.Past(Integer(element, "past", path), Unit(Text(element, "unit", path), path + ".unit"));
            }

            throw Error(path, "expected a window: last (with optional offset), ever, first, from/to, since, this, period/relative or past/unit");
        });
    }

    internal static void WriteWindow(Utf8JsonWriter writer, BehaviorWindow window)
    {
        writer.WriteStartObject();
        switch (window.Kind)
        {
            case WindowKind.Ever:
                writer.WriteBoolean("ever", true);
                break;
            case WindowKind.Last:
                writer.WriteString("last", BehaviorText.Duration(window.Length));
                if (window.Offset != Duration.Zero)
                {
                    writer.WriteString("offset", BehaviorText.Duration(window.Offset));
                }

                break;
            case WindowKind.First:
                writer.WriteString("first", BehaviorText.Duration(window.Length));
                break;
            case WindowKind.Between:
                writer.WriteString("from", BehaviorText.Instant(window.From));
                writer.WriteString("to", BehaviorText.Instant(window.To));
                break;
            case WindowKind.Since:
                writer.WriteString("since", window.Anchor);
                break;
            case WindowKind.CalendarPeriod when window.Periods == 0:
                writer.WriteString("this", BehaviorWindow.UnitName(window.Unit));
                break;
            case WindowKind.CalendarPeriod:
                writer.WriteString("period", BehaviorWindow.UnitName(window.Unit));
                writer.WriteNumber("relative", window.Periods);
                break;
            default:
                writer.WriteNumber("past", window.Periods);
                writer.WriteString("unit", BehaviorWindow.UnitName(window.Unit));
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteAggregate(Utf8JsonWriter writer, BehaviorAggregate aggregate)
    {
        writer.WriteStartObject();
        switch (aggregate.Kind)
        {
            case AggregateKind.Change:
                writer.WriteStartObject("change");
                writer.WritePropertyName("of");
                WriteAggregate(writer, aggregate.Current!);
                writer.WritePropertyName("baseline");
                WriteWindow(writer, aggregate.Window!);
                writer.WriteEndObject();
                break;
            case AggregateKind.Ratio:
                writer.WriteStartObject("ratio");
                writer.WritePropertyName("of");
                WriteAggregate(writer, aggregate.Current!);
                writer.WritePropertyName("per");
                WriteAggregate(writer, aggregate.Denominator!);
                writer.WriteEndObject();
                break;
            case AggregateKind.Fact:
                writer.WriteStartObject("fact");
                writer.WriteString("name", aggregate.Name);
                writer.WriteEndObject();
                break;
            case AggregateKind.SinceLast:
                writer.WriteStartObject("sinceLast");
                writer.WriteString("event", aggregate.Name);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject(aggregate.Kind switch
                {
                    AggregateKind.Count => "count",
                    AggregateKind.Sum => "sum",
                    AggregateKind.DistinctUsers => "distinctUsers",
                    AggregateKind.DistinctDays => "distinctDays",
                    AggregateKind.First => "first",
                    AggregateKind.LastValue => "lastValue",
                    _ => "last",
                });
                writer.WriteString("event", aggregate.Name);
                writer.WritePropertyName("window");
                WriteWindow(writer, aggregate.Window!);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteThreshold(Utf8JsonWriter writer, string name, Threshold threshold)
    {
        switch (threshold.Kind)
        {
            case BehaviorValueKind.Instant or BehaviorValueKind.Duration:
                writer.WriteString(name, threshold.Text);
                break;
            default:
                writer.WriteNumber(name, threshold.Number); // a change's fraction as a number: -0.25 for a 25% drop
                break;
        }
    }

    private static (string Key, JsonElement Body) Single(JsonElement element, string path, string expected)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            using JsonElement.ObjectEnumerator properties = element.EnumerateObject();
            if (properties.MoveNext())
            {
                JsonProperty only = properties.Current;
                if (!properties.MoveNext())
                {
                    return (only.Name, only.Value);
                }
            }
        }

        throw Error(path, $"expected an object with exactly one key: {expected}");
    }

    // A key the reader does not know is a mistake (a misspelt "cooldwon" would otherwise drop the cooldown): refuse it.
    private static void Only(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw Error(path + "." + Quoted.Short(property.Name), $"unknown field '{Quoted.Short(property.Name)}'; expected {string.Join(", ", known)}");
            }
        }
    }

    internal static JsonElement Property(JsonElement element, string name, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "expected an object");
        }

        return element.TryGetProperty(name, out JsonElement value) ? value : throw Error(path, $"'{name}' is missing");
    }

    internal static string Text(JsonElement element, string name, string path)
    {
        JsonElement value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(path + "." + name, "expected a string");
    }

    private static int Integer(JsonElement element, string name, string path)
    {
        JsonElement value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw Error(path + "." + name, "expected an integer");
    }

    private static decimal Number(JsonElement element, string name, string path)
    {
        JsonElement value = Property(element, name, path);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number) ? number : throw Error(path + "." + name, "expected a number");
    }

    private static Instant InstantValue(string text, string path)
    {
        NodaTime.Text.ParseResult<Instant> result = BehaviorText.InstantPattern.Parse(text);
        return result.Success ? result.Value : throw Error(path, $"'{text}' is not an ISO 8601 UTC instant such as 2026-11-17T00:00:00Z");
    }

    internal static Duration DurationValue(string text, string path)
    {
        try
        {
            var parser = new PredicateParser(text);
            Duration duration = parser.ParseDuration();
            return parser.Current.Kind == TokenKind.End ? duration : throw Error(path, $"'{text}' is not a duration such as 7d, 12h, 30m or 2w");
        }
        catch (BehaviorSyntaxException)
        {
            throw Error(path, $"'{text}' is not a duration such as 7d, 12h, 30m or 2w");
        }
    }

    private static CalendarUnit Unit(string text, string path) => text switch
    {
        "week" => CalendarUnit.Week,
        "month" => CalendarUnit.Month,
        _ => throw Error(path, $"'{text}' is not a calendar unit; expected week or month"),
    };

    internal static JsonException Error(string path, string problem) => new($"{path}: {problem}.", path, null, null);

    /// <summary>Turns a factory's argument error into a JSON error at the path of the construct.</summary>
    internal static T Guard<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw Error(path, ArgumentProblem.Of(e).TrimEnd('.'));
        }
    }
}
