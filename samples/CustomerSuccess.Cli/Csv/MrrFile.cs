using System;
using System.Collections.Generic;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// An MRR file read into a history, with what the file itself can tell about a failure later: the line of an account billed
/// in a currency in a month (for a missing exchange rate), and the file's name (for a sum that overflows).
/// </summary>
internal sealed class MrrFile
{
    // The first line of each (currency, month) outside the reporting currency: bounded by the pairs, not the rows.
    private readonly Dictionary<(Currency Currency, YearMonth Month), (int Line, AccountId Account)> _foreign;

    private MrrFile(string path, MrrHistory history, long rows, YearMonth? first, YearMonth? last, bool multipleCurrencies, Dictionary<(Currency, YearMonth), (int, AccountId)> foreign)
    {
        Path = path;
        Rows = rows;
        History = history;
        FirstMonth = first;
        LastMonth = last;
        MultipleCurrencies = multipleCurrencies;
        _foreign = foreign;
    }

    public string Path { get; }

    public MrrHistory History { get; }

    /// <summary>Gets the number of data rows the file held.</summary>
    public long Rows { get; }

    /// <summary>Gets the file's first month (rows of 0 included), or null for a file without rows.</summary>
    public YearMonth? FirstMonth { get; }

    /// <summary>Gets the file's last month (rows of 0 included), or null for a file without rows.</summary>
    public YearMonth? LastMonth { get; }

    /// <summary>Gets a value indicating whether the file holds amounts in more than one currency.</summary>
    public bool MultipleCurrencies { get; }

    /// <summary>
    /// Reads an MRR file, naming the file, line and field of any bad row; refuses a file whose months span more than
    /// <paramref name="maxMonths"/>. A CSV file is parsed on up to <paramref name="threads"/> cores, its rows still added in
    /// file order, so the history (and any error) is the one a single core gives.
    /// </summary>
    public static MrrFile Read(string path, string? groupColumn, MrrOptions options, int maxMonths, int threads = 1) =>
        From(path, MrrCsv.ReadRows(path, groupColumn, options.ReportingCurrency, threads), groupColumn, options, maxMonths);

    /// <summary>
    /// An MRR file's history from rows derived from another file (a subscription log): each row carries the line of that file
    /// it comes from, so a missing rate or an overflow names it.
    /// </summary>
    public static MrrFile From(string path, IEnumerable<(MrrRow Row, int Line)> rows, MrrOptions options, int maxMonths) =>
        From(path, rows, groupColumn: null, options, maxMonths);

    private static MrrFile From(string path, IEnumerable<(MrrRow Row, int Line)> source, string? groupColumn, MrrOptions options, int maxMonths)
    {
        // Sized once for the most rows the file can hold (the shortest, "a,2026-01,1", takes 12 bytes) instead of doubling.
        var builder = new MrrHistory.Builder(options).EnsureCapacity(TableReader.RowsAtMost(path, 12));
        var span = new MonthSpan(path, maxMonths);
        var foreign = new Dictionary<(Currency, YearMonth), (int, AccountId)>();
        Currency? seen = null;
        long rows = 0;
        bool multiple = false;
        foreach ((MrrRow row, int line) in source)
        {
            rows++;
            seen ??= row.Mrr.Currency;
            multiple |= seen != row.Mrr.Currency;
            span.Add(row.Month, line);
            if (row.Mrr.Currency != options.ReportingCurrency)
            {
                foreign.TryAdd((row.Mrr.Currency, row.Month), (line, row.Account));
            }

            try
            {
                builder.Add(row);
            }
            catch (ArgumentException e)
            {
                throw InputException.At(path, line, "currency", CliText.Message(e));
            }
        }

        span.Check();
        try
        {
            return new MrrFile(path, builder.Build(), rows, span.First, span.Last, multiple, foreign);
        }
        catch (ArgumentException e)
        {
            throw Conflict(path, groupColumn, options) ?? new InputException($"{path}: {CliText.Message(e)}");
        }
        catch (OverflowException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    /// <summary>
    /// Refuses a breakdown whose figures (one per group and month) would outnumber the file's rows by far: a report's size must
    /// follow the input's, so many groups over many months, each from a row or two, cannot make the tool build millions of rows.
    /// </summary>
    /// <param name="column">The breakdown column, or null for the total.</param>
    /// <param name="months">The months the report has figures for.</param>
    public void CheckFigures(string? column, long months)
    {
        long groups = Math.Max(1, History.Groups.Count);
        long allowed = Math.Max(MinFigures, FiguresPerRow * Rows);
        if (groups * months > allowed)
        {
            throw new InputException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{Path}, field '{column ?? "month"}': {groups:N0} groups over {months:N0} months make {groups * months:N0} rows of figures, more than {FiguresPerRow} per row of the file (at most {allowed:N0}); break it down by a column with fewer values, or split the file."));
        }
    }

    // Enough for any real breakdown (50 CSMs over 100 years is 60,000) while keeping a report linear in its input.
    private const long MinFigures = 1_000_000;
    private const long FiguresPerRow = 16;

    /// <summary>Runs a computation over the history, turning a missing rate or an overflow into bad input that names the file.</summary>
    public T Compute<T>(Func<MrrHistory, T> compute)
    {
        try
        {
            return compute(History);
        }
        catch (MissingExchangeRateException e)
        {
            throw MissingRate(e);
        }
        catch (OverflowException e)
        {
            throw new InputException($"{Path}: {CliText.Message(e)}");
        }
    }

    private InputException MissingRate(MissingExchangeRateException e)
    {
        // The row of that currency in that month, or else the latest earlier one (a month's opening is last month's MRR).
        (int Line, AccountId Account)? found = null;
        YearMonth? foundMonth = null;
        foreach (((Currency currency, YearMonth month), (int, AccountId) where) in _foreign)
        {
            if (currency == e.From && month <= e.Month && (foundMonth is not { } m || month > m))
            {
                found = where;
                foundMonth = month;
            }
        }

        string advice = "Pass the rates with --rates <file>.";
        return found is { } at
            ? InputException.At(Path, at.Line, "currency", $"account '{CliText.Quote(at.Account.Value)}' is billed in {e.From}: {CliText.Message(e)} {advice}")
            : new InputException($"{Path}: {CliText.Message(e)} {advice}");
    }

    // Rows of one account and month that name different groups: found again by a second pass, on this error path only,
    // so that reading keeps no row index.
    private static InputException? Conflict(string path, string? groupColumn, MrrOptions options)
    {
        if (groupColumn is null)
        {
            return null;
        }

        var groups = new Dictionary<(AccountId, YearMonth), (string Group, int Line)>();
        foreach ((MrrRow row, int line) in MrrCsv.ReadRows(path, groupColumn, options.ReportingCurrency))
        {
            string group = row.Group;
            if (!groups.TryAdd((row.Account, row.Month), (group, line)) && groups[(row.Account, row.Month)] is var earlier && earlier.Group != group)
            {
                return InputException.At(
                    path,
                    line,
                    groupColumn,
                    $"account '{CliText.Quote(row.Account.Value)}' in {YearMonthPattern.Iso.Format(row.Month)} is in group '{CliText.Quote(group)}' here and '{CliText.Quote(earlier.Group)}' on {TablePlace.Row(path, earlier.Line)}; one account has one group a month.");
            }
        }

        return null;
    }
}
