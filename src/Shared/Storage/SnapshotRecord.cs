using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess;

/// <summary>
/// A score snapshot as the <c>record</c> column of its row (schema version 5, docs/storage.md): everything but the
/// account, in a binary form the store reads back with one value a row. A two-year history is 730 rows, and reading a
/// value through ADO.NET costs about as much as a seek, so the date, model and score are here as well as in their own
/// columns (which are for SQL and are never read back); the doubles are their 8 bytes, so a value reads back to the same
/// double without the text a shortest-form number needs (37% of a history read as JSON). Compiled into each storage package.
/// </summary>
/// <remarks>
/// Little-endian; a text is a 7-bit-encoded byte count then UTF-8; a count is 7-bit-encoded.
/// <code>
/// format: byte 1
/// as_of: int32 days since 1970-01-01
/// model_name, model_hash: text
/// score: byte 0 (undefined) | 1, then double score, text band
/// signals: count, each: text signal, byte flags (1: raw present, 2: curve score present),
///          double raw | text missing_reason, [double curve_score], double weight, double contribution
/// adjustments: count, each: byte kind (0 gate, 1 override), text reason, double delta
/// </code>
/// One instance per write or read: it reuses its buffer, and when reading, the texts of the record before (a history
/// repeats its model, band and signal ids from row to row).
/// </remarks>
internal sealed class SnapshotRecord
{
    private const byte Format = 1;
    private const byte RawPresent = 1, CurvePresent = 2;

    private byte[] _buffer = new byte[512];
    private int _length;
    private ScoreSnapshot? _previous;

    /// <summary>The record of a snapshot.</summary>
    public byte[] Write(ScoreSnapshot snapshot)
    {
        _length = 0;
        Byte(Format);
        Int32(StoreText.Days(snapshot.AsOf));
        Text(snapshot.ModelName);
        Text(snapshot.ModelHash);
        if (snapshot.Score is { } score)
        {
            Byte(1);
            Double(score);
            Text(snapshot.Band!);
        }
        else
        {
            Byte(0);
        }

        Count(snapshot.Signals.Count);
        foreach (SignalSnapshot s in snapshot.Signals)
        {
            Text(s.Signal.Value);
            bool present = s.Raw.TryGetValue(out double raw);
            Byte((byte)((present ? RawPresent : 0) | (s.CurveScore.HasValue ? CurvePresent : 0)));
            if (present)
            {
                Double(raw);
            }
            else
            {
                Text(s.Raw.MissingReason!);
            }

            if (s.CurveScore is { } curve)
            {
                Double(curve);
            }

            Double(s.Weight);
            Double(s.Contribution);
        }

        Count(snapshot.Adjustments.Count);
        foreach (ScoreAdjustment a in snapshot.Adjustments)
        {
            Byte(checked((byte)a.Kind));
            Text(a.Reason);
            Double(a.Delta);
        }

        return _buffer.AsSpan(0, _length).ToArray();
    }

    /// <summary>Reads a record of the account's.</summary>
    /// <exception cref="FormatException">The bytes are not a record this version reads.</exception>
    /// <exception cref="ArgumentException">The record holds a snapshot that is not one (a score out of range, a band without a score).</exception>
    public ScoreSnapshot Read(AccountId account, ReadOnlySpan<byte> record)
    {
        var reader = new Reader(record);
        if (reader.Byte() != Format)
        {
            throw new FormatException($"a snapshot record of format {record[0]}; this version reads format {Format}.");
        }

        ScoreSnapshot? previous = _previous;
        int days = reader.Int32();
        LocalDate asOf = StoreText.FromDays(days);
        string model = reader.Text(previous?.ModelName), hash = reader.Text(previous?.ModelHash);
        (double? score, string? band) = reader.Byte() switch
        {
            0 => ((double?)null, (string?)null),
            1 => (reader.Double(), reader.Text(previous?.Band)),
            byte b => throw new FormatException($"a score flag of {b}."),
        };

        int count = reader.Count();
        var signals = new SignalSnapshot[count];
        for (int i = 0; i < count; i++)
        {
            SignalSnapshot? before = previous is not null && i < previous.Signals.Count ? previous.Signals[i] : null;
            string id = reader.Text(before?.Signal.Value);
            byte flags = reader.Byte();
            SignalValue raw = (flags & RawPresent) != 0 ? SignalValue.Of(reader.Double()) : SignalValue.Missing(reader.Text(before?.Raw.MissingReason));
            double? curve = (flags & CurvePresent) != 0 ? reader.Double() : null;
            double weight = reader.Double(), contribution = reader.Double();
            signals[i] = new SignalSnapshot(before is not null && ReferenceEquals(id, before.Signal.Value) ? before.Signal : new SignalId(id), raw, curve, weight, contribution);
        }

        count = reader.Count();
        var adjustments = count == 0 ? [] : new ScoreAdjustment[count];
        for (int i = 0; i < count; i++)
        {
            byte kind = reader.Byte();
            if (!Enum.IsDefined((AdjustmentKind)kind))
            {
                throw new FormatException($"an adjustment kind of {kind}.");
            }

            adjustments[i] = new ScoreAdjustment((AdjustmentKind)kind, reader.Text(null), reader.Double());
        }

        reader.End();
        return _previous = new ScoreSnapshot(account, asOf, model, hash, score, band, signals, adjustments);
    }

    private void Byte(byte value)
    {
        Room(1);
        _buffer[_length++] = value;
    }

    private void Int32(int value)
    {
        Room(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Double(double value)
    {
        Room(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void Count(int value)
    {
        Room(5);
        uint v = checked((uint)value);
        while (v >= 0x80)
        {
            _buffer[_length++] = (byte)(v | 0x80);
            v >>= 7;
        }

        _buffer[_length++] = (byte)v;
    }

    private void Text(string value)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        Count(bytes);
        Room(bytes);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Room(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, checked(_length + bytes)));
        }
    }

    // The record's bytes, read forward; every read checks that the bytes are there.
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public byte Byte() => _bytes[Take(1)];

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(_bytes.Slice(Take(4), 4));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(_bytes.Slice(Take(8), 8));

        public int Count()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value <= int.MaxValue ? (int)value : throw new FormatException($"a count of {value}.");
                }
            }

            throw new FormatException("a count longer than five bytes.");
        }

        // The text, or the one before when it has the same bytes (a history repeats its texts: no new string for them). A
        // text that is not ASCII compares unequal, and is only decoded again.
        public string Text(string? before)
        {
            int length = Count();
            ReadOnlySpan<byte> utf8 = _bytes.Slice(Take(length), length);
            return before is not null && Ascii.Equals(utf8, before) ? before : Encoding.UTF8.GetString(utf8);
        }

        public readonly void End()
        {
            if (_at != _bytes.Length)
            {
                throw new FormatException($"{_bytes.Length - _at} bytes after the record's end.");
            }
        }

        private int Take(int length)
        {
            if (length > _bytes.Length - _at)
            {
                throw new FormatException($"the record ends at byte {_bytes.Length}, within a value at byte {_at}.");
            }

            int at = _at;
            _at += length;
            return at;
        }
    }
}
