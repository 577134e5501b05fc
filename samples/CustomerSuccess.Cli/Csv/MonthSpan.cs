using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// Bounds the months one input file may span. Reports are per month (and per group), so one far-off month in a small file
/// would otherwise make the tool build millions of rows: the work must follow the file's size, not its values.
/// </summary>
internal sealed class MonthSpan(string path, int maxMonths)
{
    /// <summary>The default bound: a hundred years of months.</summary>
    public const int DefaultMaxMonths = 1200;

    /// <summary>The option that raises the bound.</summary>
    public const string Option = "max-months";

    // Rows per month and the first line of each month: enough to find the median month and name the line farthest from it.
    private readonly Dictionary<YearMonth, (long Rows, int FirstLine)> _months = [];
    private long _rows;

    /// <summary>Reads <c>--max-months</c>, or the default.</summary>
    public static int MaxMonths(CommandLine line)
    {
        if (line.Value(Option) is not { } text)
        {
            return DefaultMaxMonths;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int max) && max >= 2
            ? max
            : throw new UsageException($"--{Option} must be a whole number of months from 2 to {int.MaxValue}, not '{CliText.Quote(text)}'.");
    }

    /// <summary>Gets the earliest month added, or null before any.</summary>
    public YearMonth? First { get; private set; }

    /// <summary>Gets the latest month added, or null before any.</summary>
    public YearMonth? Last { get; private set; }

    public void Add(YearMonth month, int line)
    {
        _rows++;
        First = First is { } first && first < month ? first : month;
        Last = Last is { } last && last > month ? last : month;
        ref (long Rows, int FirstLine) seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_months, month, out bool exists);
        seen = exists ? (seen.Rows + 1, seen.FirstLine) : (1, line);
    }

    /// <summary>Refuses the file when its months span more than the bound, naming the line of the month farthest from the median.</summary>
    public void Check()
    {
        if (_months.Count < 2)
        {
            return;
        }

        YearMonth first = default, last = default, median = default;
        long seen = 0;
        bool medianFound = false;
        var months = new List<YearMonth>(_months.Keys);
        months.Sort();
        foreach (YearMonth month in months)
        {
            long rows = _months[month].Rows;
            if (seen == 0)
            {
                first = month;
            }

            seen += rows;
            if (!medianFound && seen * 2 >= _rows)
            {
                median = month;
                medianFound = true;
            }

            last = month;
        }

        long span = Index(last) - Index(first) + 1;
        if (span <= maxMonths)
        {
            return;
        }

        YearMonth far = Index(median) - Index(first) >= Index(last) - Index(median) ? first : last;
        throw InputException.At(
            path,
            _months[far].FirstLine,
            "month",
            $"{Format(far)} is {Math.Abs(Index(far) - Index(median))} months from the file's median month {Format(median)}: the file spans {span} months, more than {maxMonths}. "
            + $"Correct the month, or raise the bound with --{Option}.");
    }

    private static long Index(YearMonth month) => (month.Year * 12L) + month.Month;

    private static string Format(YearMonth month) => YearMonthPattern.Iso.Format(month);
}
