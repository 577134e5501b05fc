using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// The files a backtest reads: past snapshots (<c>account_id,as_of</c> and one column per signal with the raw values
/// then) and outcomes (<c>account_id,churned_on,observed_until</c>). Each snapshot is checked against its account's
/// outcome, naming the line: a snapshot without an outcome or taken after the observation ended cannot be labelled.
/// </summary>
internal static class HistoryCsv
{
    public static readonly string[] SnapshotColumns = ["account_id", "as_of"];

    public static readonly string[] OutcomeColumns = ["account_id", "churned_on", "observed_until"];

    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    /// <summary>The signal columns of a snapshot file: every column but the account and the date, each a signal id.</summary>
    public static SignalId[] SignalColumns(string path)
    {
        using TableReader reader = TableReader.Open(path, SnapshotColumns);
        var signals = new List<SignalId>();
        foreach (string column in reader.Columns.Where(c => !SnapshotColumns.Contains(c)))
        {
            signals.Add(SignalId.TryParse(column, out SignalId id)
                ? id
                : throw InputException.At(path, 1, column, $"'{CliText.Quote(column)}' is not a signal id (a-z first, then a-z, 0-9, '_', '.', '-')."));
        }

        return signals.Count > 0
            ? [.. signals]
            : throw new InputException($"{path}, line 1: the header has no signal column; add one column per signal after account_id,as_of.");
    }

    /// <summary>Reads the outcomes, one per account.</summary>
    public static Dictionary<AccountId, (ChurnOutcome Outcome, int Line)> ReadOutcomes(string path)
    {
        var outcomes = new Dictionary<AccountId, (ChurnOutcome, int)>();
        using TableReader reader = TableReader.Open(path, OutcomeColumns);
        while (reader.Read() is { } record)
        {
            AccountId account = MrrCsv.ParseAccountId(record);
            LocalDate? churned = record.Span("churned_on").IsEmpty ? null : ParseDate(record, "churned_on");
            LocalDate observed = ParseDate(record, "observed_until");
            if (churned > observed)
            {
                throw record.Error("churned_on", $"{churned:uuuu-MM-dd} is after observed_until {observed:uuuu-MM-dd}: an account cannot churn after it stopped being watched.");
            }

            if (outcomes.TryGetValue(account, out (ChurnOutcome, int Line) first))
            {
                throw record.Error("account_id", $"account '{CliText.Quote(account.Value)}' already has an outcome on {TablePlace.Row(path, first.Line)}; give one row per account.");
            }

            outcomes.Add(account, (new ChurnOutcome(account, churned, observed), record.Line));
        }

        return outcomes;
    }

    /// <summary>Reads the snapshots' raw values of <paramref name="signals"/>, checking each against its account's outcome.</summary>
    public static List<HealthSnapshot<double[]>> ReadSnapshots(string path, IReadOnlyList<SignalId> signals, Dictionary<AccountId, (ChurnOutcome Outcome, int Line)> outcomes, string outcomesPath)
    {
        string[] required = [.. SnapshotColumns, .. signals.Select(s => s.Value)];
        var snapshots = new List<HealthSnapshot<double[]>>();
        using TableReader reader = TableReader.Open(path, required);
        while (reader.Read() is { } record)
        {
            AccountId account = MrrCsv.ParseAccountId(record);
            LocalDate asOf = ParseDate(record, "as_of");
            if (!outcomes.TryGetValue(account, out (ChurnOutcome Outcome, int Line) outcome))
            {
                throw record.Error("account_id", $"account '{CliText.Quote(account.Value)}' has no row in {outcomesPath}, so its snapshot cannot be labelled; add its outcome (churned_on empty if it has not churned).");
            }

            if (asOf > outcome.Outcome.ObservedUntil)
            {
                throw record.Error("as_of", $"{asOf:uuuu-MM-dd} is after the account's observed_until {outcome.Outcome.ObservedUntil:uuuu-MM-dd} ({outcomesPath}, {TablePlace.Row(outcomesPath, outcome.Line)}): a snapshot cannot be later than what was observed.");
            }

            snapshots.Add(new HealthSnapshot<double[]>(account, asOf, RawValues(record, signals)));
        }

        return snapshots;
    }

    /// <summary>A row's raw value of each signal, NaN where the cell is empty (missing).</summary>
    public static double[] RawValues(TableRecord record, IReadOnlyList<SignalId> signals)
    {
        var raw = new double[signals.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = RawValue(record, signals[i].Value);
        }

        return raw;
    }

    /// <summary>A row's raw value of one signal's column, NaN where the cell is empty (missing).</summary>
    public static double RawValue(TableRecord record, string column)
    {
        ReadOnlySpan<char> text = record.Span(column);
        return text.IsEmpty ? double.NaN
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value
            : throw record.Error(column, $"'{CliText.Quote(text)}' is not a number; write it like 0.82 or 12 (a dot for decimals), or leave it empty when missing.");
    }

    /// <summary>The signals a file's columns feed: each reads its column of a row, missing when the cell was empty.</summary>
    public static ISignal<double[]>[] ColumnSignals(IReadOnlyList<SignalId> signals, string file = "snapshot") =>
        [.. signals.Select((id, column) => Signal.Create<double[]>(id, SignalTiming.Lagging, (row, _) =>
            double.IsNaN(row[column]) ? SignalValue.Missing($"empty in the {file} file") : SignalValue.Of(row[column])))];

    /// <summary>
    /// Writes snapshots as the history file backtest and fit read: each signal measured in the snapshot's own context (the
    /// one the backtest scores it in), its raw value written round-trip exact so the file scores as the snapshots did.
    /// </summary>
    public static void WriteSnapshots<TAccount>(TextWriter writer, IReadOnlyList<ISignal<TAccount>> signals, IEnumerable<HealthSnapshot<TAccount>> snapshots)
    {
        writer.Write(string.Join(',', SnapshotColumns.Concat(signals.Select(s => CsvText.Quote(s.Id.Value)))));
        writer.Write('\n');
        foreach (HealthSnapshot<TAccount> snapshot in snapshots)
        {
            writer.Write(CsvText.Quote(snapshot.Account.Value));
            writer.Write(',');
            writer.Write(Date.Format(snapshot.AsOf));
            SignalContext context = snapshot.Context;
            foreach (ISignal<TAccount> signal in signals)
            {
                writer.Write(',');
                if (signal.Measure(snapshot.State, context) is { IsPresent: true } value)
                {
                    writer.Write(value.Value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes outcomes as the file backtest and fit read, by account id.</summary>
    public static void WriteOutcomes(TextWriter writer, IEnumerable<ChurnOutcome> outcomes)
    {
        writer.Write(string.Join(',', OutcomeColumns));
        writer.Write('\n');
        foreach (ChurnOutcome outcome in outcomes.OrderBy(o => o.Account.Value, StringComparer.Ordinal))
        {
            writer.Write($"{CsvText.Quote(outcome.Account.Value)},{(outcome.ChurnedOn is { } day ? Date.Format(day) : "")},{Date.Format(outcome.ObservedUntil)}\n");
        }
    }

    private static LocalDate ParseDate(TableRecord record, string column)
    {
        ReadOnlySpan<char> text = record.RequiredSpan(column);
        return Date.Parse(text.ToString()) is { Success: true } parsed
            ? parsed.Value
            : throw record.Error(column, $"'{CliText.Quote(text)}' is not a date; use yyyy-MM-dd, such as 2026-06-30.");
    }
}
