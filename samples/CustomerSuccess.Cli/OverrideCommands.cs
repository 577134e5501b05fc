using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.HealthScoring;
using NodaTime;

namespace CustomerSuccess.Cli;

/// <summary>The columns every override command prints, one row per override.</summary>
internal static class OverrideRows
{
    public static readonly string[] Columns = ["account_id", "score", "reason", "set_by", "set_at", "expires_at", "cleared_at"];

    public static IReadOnlyList<Cell> Row(OverrideRecord o) =>
    [
        Cell.Of(o.Account.Value), Cell.Of(Math.Round((decimal)o.Score, 10)), Cell.Of(o.Reason), Cell.Of(o.SetBy),
        Cell.Of(StoreInput.Text(o.SetAt)), Cell.Of(StoreInput.Text(o.Expires)), o.ClearedAt is { } c ? Cell.Of(StoreInput.Text(c)) : Cell.Empty,
    ];
}

/// <summary>Sets a CSM's override of an account's score until a date; the account's open override is cleared by it.</summary>
internal sealed class OverrideSetCommand : ICommand
{
    public string Name => "override set";

    public string Summary => "Set an account's score by hand until a date, with a reason (it survives every run until then).";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "account", "score", "reason", "expires", "by", "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} override set --store <store> --account <id> --score <0-100> --reason <text> --expires <yyyy-MM-dd> [--by <name>] [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("The override applies from now until the start of the --expires date (UTC); runs as of dates in between score");
        output.WriteLine("the account with it, and their snapshots say so. --by defaults to the user's login name. An open override");
        output.WriteLine("of the account is cleared now. Output: the override, as 'override list' prints it.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        var account = new AccountId(line.Required("account", "<id>"));
        string scoreText = line.Required("score", "<0-100>");
        double score = double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0 && s <= 100
            ? s
            : throw new UsageException($"--score '{CliText.Quote(scoreText)}' is not a score from 0 to 100.");
        string reason = line.Required("reason", "<text>");
        LocalDate expiresOn = StoreInput.Date(line, "expires") ?? throw new UsageException("'override set' needs --expires <yyyy-MM-dd>: an override without an end is how scores go stale.");
        Instant now = SystemClock.Instance.GetCurrentInstant();
        Instant expires = expiresOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        if (expires <= now)
        {
            throw new UsageException($"--expires {StoreInput.Text(expiresOn)} has passed; give a later date.");
        }

        string by = line.Value("by") ?? Environment.UserName;
        var record = new OverrideRecord(account, score, reason, string.IsNullOrWhiteSpace(by) ? "unknown" : by, now, expires);
        CliStore store = StoreInput.Open(line);
        StoreInput.Use(store, async x => { await x.SetOverrideAsync(record); return 0; });
        TableOutput.Write(output, format, OverrideRows.Columns, [OverrideRows.Row(record)]);
        return ExitCodes.Success;
    }
}

/// <summary>Clears an account's open override now.</summary>
internal sealed class OverrideClearCommand : ICommand
{
    public string Name => "override clear";

    public string Summary => "Clear an account's open override now (its history is kept).";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "account"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} override clear --store <store> --account <id>");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine("Exit 1 when the account has no open override. Nothing is printed on success.");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        var account = new AccountId(line.Required("account", "<id>"));
        CliStore store = StoreInput.Open(line);
        Instant now = SystemClock.Instance.GetCurrentInstant();
        return StoreInput.Use(store, s => s.ClearOverrideAsync(account, now))
            ? ExitCodes.Success
            : throw new InputException($"account '{CliText.Quote(account.Value)}' has no open override in {CliText.Quote(store.Name)}.");
    }
}

/// <summary>Lists every override ever set, open and closed.</summary>
internal sealed class OverrideListCommand : ICommand
{
    public string Name => "override list";

    public string Summary => "List every override ever set, with who set it, why, until when and when it was cleared.";

    public IReadOnlyCollection<string> ValueOptions { get; } = [StoreInput.Option, "format"];

    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public void WriteHelp(TextWriter output)
    {
        output.WriteLine($"Usage: {CliApp.ToolName} override list --store <store> [--format csv|json]");
        output.WriteLine();
        output.WriteLine(Summary);
        output.WriteLine();
        output.WriteLine("Output: " + string.Join(',', OverrideRows.Columns) + ", by account id, then when set; cleared_at is empty");
        output.WriteLine("while an override was not cleared (it then ends at expires_at).");
    }

    public int Run(CommandLine line, TextWriter output)
    {
        string format = TableOutput.ParseFormat(line, "csv", TableOutput.Formats);
        CliStore store = StoreInput.Open(line);
        IReadOnlyList<OverrideRecord> all = StoreInput.Use(store, s => s.GetOverridesAsync());
        TableOutput.Write(output, format, OverrideRows.Columns, all.Select(OverrideRows.Row));
        return ExitCodes.Success;
    }
}
