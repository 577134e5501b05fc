using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerSuccess.HealthScoring;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>One account's stored scores over time: the trend against the previous snapshot and what moved it most.</summary>
internal sealed class HistoryCommand : ICommand
{
    /// <summary>The engine's dead band: a change of up to this many points is stable.</summary>
    private const double DeadBand = 5;

    public string Name => "history";

    public string Summary => "One account's stored health scores in date order, with the trend, the change and the signal that moved it most.";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "account", "from", "to", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} history --store <store> --account <id> [--from <yyyy-MM-dd>] [--to <yyyy-MM-dd>] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Output: as_of,score,band,trend,change,top_cause, by date: trend is improving, declining or stable against");
        output.WriteLine($"the previous snapshot of the same model (a dead band of {DeadBand} points), change is the difference in points,");
        output.WriteLine("top_cause the signal whose contribution moved most ('adjustments' when gates or an override moved it more).");
        output.WriteLine("All three are empty for the first snapshot and when either score is undefined.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        var account = new AccountId(line.Required("account", "<id>"));
        LocalDate from = StoreInput.Date(line, "from") ?? new LocalDate(1900, 1, 1);
        LocalDate to = StoreInput.Date(line, "to") ?? new LocalDate(9999, 12, 31);
        if (to < from)
        {
            throw new UsageException($"--to {StoreInput.Text(to)} is before --from {StoreInput.Text(from)}.");
        }

        CliStore store = StoreInput.Open(line);
        IReadOnlyList<ScoreSnapshot> history = StoreInput.Use(store, s => s.GetHistoryAsync(account, from, to));
        TableOutput.Write(output, format, Columns, Rows(history).Select(r => r.Cells));
        return ExitCodes.Success;
    }

    /// <summary>The output's columns, which the account review page's health table repeats.</summary>
    internal static IReadOnlyList<string> Columns { get; } = ["as_of", "score", "band", "trend", "change", "top_cause"];

    /// <summary>
    /// One row per snapshot, in the order given (date order): its cells, and what moved the score since the previous
    /// snapshot of the same model (<see langword="null"/> for the first, across a change of signals, or when either score is undefined).
    /// </summary>
    internal static IReadOnlyList<(ScoreSnapshot Snapshot, ScoreChange? Moved, IReadOnlyList<Cell> Cells)> Rows(IReadOnlyList<ScoreSnapshot> history)
    {
        var previous = new Dictionary<string, ScoreSnapshot>(StringComparer.Ordinal);
        var rows = new List<(ScoreSnapshot, ScoreChange?, IReadOnlyList<Cell>)>(history.Count);
        foreach (ScoreSnapshot snapshot in history)
        {
            Cell trend = Cell.Empty, change = Cell.Empty, cause = Cell.Empty;
            ScoreChange? moved = null;
            if (previous.TryGetValue(snapshot.ModelName, out ScoreSnapshot? before)
                && before.Signals.Select(s => s.Signal).SequenceEqual(snapshot.Signals.Select(s => s.Signal))
                && HealthTrends.Attribute(before, snapshot) is { } attributed)
            {
                moved = attributed;
                trend = Cell.Of(HealthTrends.TrendSince(snapshot, before, DeadBand)!.Value.ToString().ToLowerInvariant());
                change = Cell.Of(Math.Round((decimal)attributed.Change, 10));
                cause = Cell.Of(TopCause(attributed));
            }

            previous[snapshot.ModelName] = snapshot;
            rows.Add((snapshot, moved, [
                Cell.Of(StoreInput.Text(snapshot.AsOf)),
                snapshot.Score is { } score ? Cell.Of(Math.Round((decimal)score, 10)) : Cell.Empty,
                snapshot.Band is { } band ? Cell.Of(band) : Cell.Empty,
                trend, change, cause]));
        }

        return rows;
    }

    // The largest move by size; the first signal in model order on a tie; nothing when nothing moved.
    private static string TopCause(ScoreChange moved)
    {
        SignalChange? top = moved.BySignal.Where(s => s.Delta != 0).MaxBy(s => Math.Abs(s.Delta));
        double signal = top is null ? 0 : Math.Abs(top.Delta);
        return Math.Abs(moved.Adjustments) > signal ? "adjustments" : top?.Id.Value ?? string.Empty;
    }
}
