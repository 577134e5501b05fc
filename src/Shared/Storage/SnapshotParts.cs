using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;

namespace CustomerSuccess;

/// <summary>
/// A snapshot's signals and adjustments as the two JSON columns of its row (docs/storage.md): one row per snapshot
/// instead of one per signal is nine times fewer rows to bind and to read, and JSON keeps them queryable in SQL
/// (<c>json_each</c>, <c>jsonb_array_elements</c>). Each element is an array, not an object, so that a snapshot of
/// eight signals stays within a page: <c>[signal, raw, missing_reason, curve_score, weight, contribution]</c> and
/// <c>[kind, reason, delta]</c>. Numbers are written in their shortest exact form, so a stored value reads back to
/// the same double. One instance per write or read (it reuses its buffers). Compiled into each storage package.
/// </summary>
internal sealed class SnapshotParts : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private byte[] _text = new byte[1024];

    public SnapshotParts() => _writer = new Utf8JsonWriter(_buffer);

    public void Dispose() => _writer.Dispose();

    /// <summary>The signals column of a snapshot.</summary>
    public string Signals(IReadOnlyList<SignalSnapshot> signals)
    {
        Begin();
        foreach (SignalSnapshot s in signals)
        {
            _writer.WriteStartArray();
            _writer.WriteStringValue(s.Signal.Value);
            if (s.Raw.TryGetValue(out double raw))
            {
                _writer.WriteNumberValue(raw);
                _writer.WriteNullValue();
            }
            else
            {
                _writer.WriteNullValue();
                _writer.WriteStringValue(s.Raw.MissingReason);
            }

            Number(s.CurveScore);
            _writer.WriteNumberValue(s.Weight);
            _writer.WriteNumberValue(s.Contribution);
            _writer.WriteEndArray();
        }

        return End();
    }

    /// <summary>The adjustments column of a snapshot.</summary>
    public string Adjustments(IReadOnlyList<ScoreAdjustment> adjustments)
    {
        Begin();
        foreach (ScoreAdjustment a in adjustments)
        {
            _writer.WriteStartArray();
            _writer.WriteStringValue(StoreText.Name(a.Kind));
            _writer.WriteStringValue(a.Reason);
            _writer.WriteNumberValue(a.Delta);
            _writer.WriteEndArray();
        }

        return End();
    }

    /// <summary>
    /// Reads a signals column. A signal id equal to the one at the same place in <paramref name="previous"/> (the last
    /// snapshot read: a history repeats its model's ids) is taken from it rather than allocated again.
    /// </summary>
    /// <exception cref="FormatException">The text is not a signals column.</exception>
    public List<SignalSnapshot> ReadSignals(string json, IReadOnlyList<SignalSnapshot>? previous)
    {
        var reader = Reader(json);
        var signals = new List<SignalSnapshot>();
        Expect(ref reader, JsonTokenType.StartArray);
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            Expect(ref reader, JsonTokenType.String);
            SignalId id = previous is not null && signals.Count < previous.Count && reader.ValueTextEquals(previous[signals.Count].Signal.Value)
                ? previous[signals.Count].Signal
                : new SignalId(reader.GetString()!);
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

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartArray();
    }

    private string End()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private void Number(double? value)
    {
        if (value is { } v)
        {
            _writer.WriteNumberValue(v);
        }
        else
        {
            _writer.WriteNullValue();
        }
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
