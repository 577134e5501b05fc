using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CustomerSuccess.Behaviors;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// The event file behind <c>alerts</c> and <c>segment</c> (docs/behaviors.md): header <c>account_id,user_id,event,occurred_at,value</c>
/// with <c>occurred_at</c> an ISO-8601 instant, <c>user_id</c> and <c>value</c> optional (value defaults to 1), and an optional
/// <c>event_id</c> column whose repeats are kept once.
/// </summary>
internal static class EventCsv
{
    public static readonly string[] Columns = ["account_id", "user_id", "event", "occurred_at", "value"];

    private static readonly string[] RequiredColumns = ["account_id", "event", "occurred_at"];

    /// <summary>
    /// Reads an event file into a store; any error names the file, line and field. A CSV file is parsed on up to
    /// <paramref name="threads"/> cores (<see cref="ParallelCsv{T, TState}"/>), its events added in file order, so the
    /// store (and any error) is the one a single core gives.
    /// </summary>
    public static EventStore ReadStore(string path, int threads = 1, int rangeBytes = ParallelCsv.RangeBytes)
    {
        // Sized once for the most events the file can hold (the shortest row, "a,,e,2026-01-01T00:00:00Z,", takes 27
        // bytes) instead of doubling.
        var builder = new EventStore.Builder().EnsureCapacity(TableReader.RowsAtMost(path, ShortestRow));
        if (ParallelCsv.TrySplit(path, RequiredColumns, threads, rangeBytes, out IReadOnlyList<CsvRange> ranges, out IReadOnlyList<string> columns))
        {
            foreach ((BehaviorEvent e, _) in new ParallelCsv<BehaviorEvent, RowState>(path, columns, ShortestRow, () => new RowState(), ParseEvent).Read(ranges, threads))
            {
                builder.Add(e);
            }
        }
        else
        {
            using TableReader reader = TableReader.Open(path, RequiredColumns);
            var state = new RowState();
            while (reader.Read() is { } record)
            {
                builder.Add(ParseEvent(record, state));
            }
        }

        try
        {
            return builder.Build();
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    private const int ShortestRow = 27;

    // What a parser keeps from row to row: the previous account (reused when the next row names it again) and the names
    // and users seen (one string each).
    private sealed class RowState
    {
        public AccountId Previous;
        public readonly StringPool Names = new();
        public readonly StringPool Users = new();
    }

    private static BehaviorEvent ParseEvent(TableRecord record, RowState state)
    {
        AccountId account = !state.Previous.IsDefault && record.RequiredSpan("account_id").SequenceEqual(state.Previous.Value) ? state.Previous : MrrCsv.ParseAccountId(record);
        state.Previous = account;
        string name = state.Names.Get(record.RequiredSpan("event"), out bool newName);
        if (newName && !EventNames.IsValid(name))
        {
            throw record.Error("event", $"'{CliText.Quote(name)}' is not an event name: start with a letter, then letters, digits, '_', '.' or '-'.");
        }

        ReadOnlySpan<char> instantText = record.RequiredSpan("occurred_at");
        if (!IsoInstant.TryParse(instantText, out Instant occurredAt))
        {
            throw record.Error("occurred_at", $"'{CliText.Quote(instantText)}' is not an ISO-8601 instant in UTC, such as 2026-11-17T09:30:00Z.");
        }

        ReadOnlySpan<char> valueText = record.Span("value");
        decimal value = 1m;
        if (!valueText.IsEmpty && !ExactDecimal.TryParse(valueText, out value))
        {
            throw record.Error("value", $"'{CliText.Quote(valueText)}' is not a number; write it like 3 or 7.98 (a dot for decimals, at most 4 of them), or leave it empty for 1.");
        }

        try
        {
            ReadOnlySpan<char> user = record.Span("user_id");
            return new BehaviorEvent(account, name, occurredAt, value, user.IsEmpty ? null : state.Users.Get(user, out _), record.Optional("event_id"));
        }
        catch (ArgumentException e)
        {
            throw record.Error(ColumnOf(e.ParamName), CliText.Message(e));
        }
    }

    // The column behind the argument an event refused.
    private static string ColumnOf(string? parameter) => parameter switch
    {
        "value" => "value",
        "userId" => "user_id",
        "id" => "event_id",
        "name" => "event",
        _ => "occurred_at",
    };

    /// <summary>Writes events in the file format that <see cref="ReadStore"/> reads.</summary>
    public static void Write(TextWriter output, IEnumerable<BehaviorEvent> events)
    {
        output.Write("account_id,user_id,event,occurred_at,value,event_id\n");
        var line = new StringBuilder();
        foreach (BehaviorEvent e in events)
        {
            line.Clear().AppendJoin(',',
                CsvText.Quote(e.Account.Value), CsvText.Quote(e.UserId ?? string.Empty), e.Name, InstantPattern.ExtendedIso.Format(e.OccurredAt),
                e.Value.ToString(CultureInfo.InvariantCulture), CsvText.Quote(e.Id ?? string.Empty)).Append('\n');
            output.Write(line);
        }
    }
}

/// <summary>The optional facts file of <c>alerts</c> and <c>segment</c>: <c>account_id,fact,value</c>, read by <c>fact(name)</c>.</summary>
internal static class FactCsv
{
    public static AccountFacts Read(string path)
    {
        var facts = new List<(AccountId, string, decimal)>();
        var seen = new Dictionary<(AccountId, string), int>();
        using TableReader reader = TableReader.Open(path, "account_id", "fact", "value");
        while (reader.Read() is { } record)
        {
            AccountId account = MrrCsv.ParseAccountId(record);
            string fact = record.Required("fact");
            if (!EventNames.IsValid(fact))
            {
                throw record.Error("fact", $"'{CliText.Quote(fact)}' is not a fact name: start with a letter, then letters, digits, '_', '.' or '-'.");
            }

            ReadOnlySpan<char> text = record.RequiredSpan("value");
            if (!ExactDecimal.TryParse(text, out decimal value))
            {
                throw record.Error("value", $"'{CliText.Quote(text)}' is not a number; write it like 30 or 17.2 (a dot for decimals), within 28 significant digits.");
            }

            if (!seen.TryAdd((account, fact), record.Line))
            {
                throw record.Error("fact", $"fact '{CliText.Quote(fact)}' of account '{CliText.Quote(account.ToString())}' is also on {TablePlace.Row(path, seen[(account, fact)])}.");
            }

            facts.Add((account, fact, value));
        }

        try
        {
            return AccountFacts.Create(facts);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    public static void Write(TextWriter output, IEnumerable<(AccountId Account, string Fact, decimal Value)> facts)
    {
        output.Write("account_id,fact,value\n");
        foreach ((AccountId account, string fact, decimal value) in facts)
        {
            output.Write($"{CsvText.Quote(account.Value)},{fact},{value.ToString(CultureInfo.InvariantCulture)}\n");
        }
    }
}
