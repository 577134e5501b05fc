using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess;

/// <summary>
/// A snapshot's signals and adjustments as the two JSON columns schema versions 3 and 4 kept (read only to move them
/// into version 5's record, <see cref="SnapshotRecord"/>): arrays, <c>[signal, raw, missing_reason, curve_score, weight,
/// contribution]</c> and <c>[kind, reason, delta]</c>, numbers in their shortest exact form. One instance per migration
/// (it reuses its buffer). Compiled into each storage package.
/// </summary>
internal sealed class SnapshotJson
{
    private byte[] _text = new byte[1024];

    /// <summary>Reads a signals column.</summary>
    /// <exception cref="FormatException">The text is not a signals column.</exception>
    public List<SignalSnapshot> ReadSignals(string json)
    {
        var reader = Reader(json);
        var signals = new List<SignalSnapshot>();
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            Expect(ref reader, JsonTokenType.String);
            var id = new SignalId(reader.GetString()!);
            double? raw = NullableNumber(ref reader);
            string? missing = NullableString(ref reader);
            double? curve = NullableNumber(ref reader);
            double weight = Number(ref reader), contribution = Number(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            SignalValue value = raw is { } r ? SignalValue.Of(r) : SignalValue.Missing(missing ?? throw new FormatException($"signal '{id}' has neither a raw value nor a missing reason."));
            signals.Add(new SignalSnapshot(id, value, curve, weight, contribution));
        }

        End(ref reader);
        return signals;
    }

    /// <summary>Reads an adjustments column.</summary>
    /// <exception cref="FormatException">The text is not an adjustments column.</exception>
    public List<ScoreAdjustment> ReadAdjustments(string json)
    {
        var adjustments = new List<ScoreAdjustment>();
        if (json == "[]")
        {
            return adjustments; // nearly every snapshot
        }

        var reader = Reader(json);
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            Expect(ref reader, JsonTokenType.String);
            AdjustmentKind kind = Enum.TryParse(reader.GetString(), ignoreCase: true, out AdjustmentKind k) && Enum.IsDefined(k)
                ? k
                : throw new FormatException($"'{reader.GetString()}' is not an adjustment kind.");
            Expect(ref reader, JsonTokenType.String);
            string reason = reader.GetString()!;
            double delta = Number(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            adjustments.Add(new ScoreAdjustment(kind, reason, delta));
        }

        End(ref reader);
        return adjustments;
    }

    private Utf8JsonReader Reader(string json)
    {
        int most = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (_text.Length < most)
        {
            _text = new byte[Math.Max(most, _text.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(json, _text);
        return new Utf8JsonReader(_text.AsSpan(0, length));
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("the JSON ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader) != token)
        {
            throw new FormatException($"expected {token} at byte {reader.TokenStartIndex}, found {reader.TokenType}.");
        }
    }

    private static void End(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 0 || reader.Read())
        {
            throw new FormatException($"unexpected {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }
    }

    private static double Number(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetDouble();
    }

    private static double? NullableNumber(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType t => throw new FormatException($"expected a number or null at byte {reader.TokenStartIndex}, found {t}."),
    };

    private static string? NullableString(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType t => throw new FormatException($"expected a text or null at byte {reader.TokenStartIndex}, found {t}."),
    };
}
