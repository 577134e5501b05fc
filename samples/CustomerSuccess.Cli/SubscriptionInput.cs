using System;
using System.Collections.Generic;
using System.IO;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>The subscription-log options that mrr, retention and cohort-retention share, and the MRR they derive.</summary>
internal static class SubscriptionInput
{
    public const string Option = "subscriptions";

    /// <summary>The value options besides --subscriptions: the month range, the zone and the discount policy.</summary>
    public static readonly string[] RangeOptions = ["from", "to"];

    public static readonly string[] PolicyOptions = ["zone", "discounts"];

    public static void WriteHelp(TextWriter output, bool range)
    {
        output.WriteLine("  --subscriptions <file>        subscription events CSV: account_id,subscription_id,effective_at,event,currency,amount,interval,");
        output.WriteLine("                                interval_count,quantity,discount_percent,discount_amount,discount_until (docs/cli.md)");
        if (range)
        {
            output.WriteLine("  --from <yyyy-MM>              first month (default: the month of the earliest event)");
            output.WriteLine("  --to <yyyy-MM>                last month (default: the month of the latest event)");
        }

        output.WriteLine("  --zone <tz>                   time zone months and dates are in, an IANA id such as Europe/Berlin (default: UTC)");
        output.WriteLine("  --discounts deduct|ignore     whether discounts lower MRR (default: deduct)");
    }

    public static SubscriptionMrrOptions Options(CommandLine line)
    {
        DateTimeZone zone = DateTimeZone.Utc;
        if (line.Value("zone") is { } id)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
                ?? throw new UsageException($"--zone '{CliText.Quote(id)}' is not a time zone; use an IANA id such as UTC, Europe/Berlin or America/New_York.");
        }

        DiscountPolicy discounts = (line.Value("discounts") ?? "deduct") switch
        {
            "deduct" => DiscountPolicy.Deduct,
            "ignore" => DiscountPolicy.Ignore,
            var other => throw new UsageException($"--discounts must be 'deduct' or 'ignore', not '{CliText.Quote(other)}'."),
        };
        return new SubscriptionMrrOptions { Zone = zone, Discounts = discounts };
    }

    /// <summary>The log's book and its range of months (--from and --to, else its events' months); null for an empty log.</summary>
    public static (SubscriptionBook Book, YearMonth From, YearMonth To)? Book(CommandLine line) => Read(line, range: true).Range;

    private static ((SubscriptionBook Book, YearMonth From, YearMonth To)? Range, Dictionary<AccountId, int> FirstLine) Read(CommandLine line, bool range)
    {
        string path = line.Required(Option, "<file>");
        YearMonth? from = range && line.Value("from") is { } f ? MrrCsv.ParseMonth(f, p => new UsageException("--from " + p)) : null;
        YearMonth? to = range && line.Value("to") is { } t ? MrrCsv.ParseMonth(t, p => new UsageException("--to " + p)) : null;
        if (from is { } a && to is { } b && b < a)
        {
            throw new UsageException($"--to {YearMonthPattern.Iso.Format(b)} is before --from {YearMonthPattern.Iso.Format(a)}.");
        }

        (SubscriptionBook book, Dictionary<AccountId, int> firstLine) = SubscriptionCsv.Read(path, Options(line));
        if (book.FirstMonth is not { } first || book.LastMonth is not { } last)
        {
            return (null, firstLine);
        }

        YearMonth start = from ?? first, end = to ?? last;
        return end < start
            ? throw new UsageException($"the months run from {YearMonthPattern.Iso.Format(start)} to {YearMonthPattern.Iso.Format(end)}: give --from and --to in that order.")
            : ((book, start, end), firstLine);
    }

    /// <summary>The month-end MRR rows of the log, each with the line of its account's first event.</summary>
    public static IReadOnlyList<(MrrRow Row, int Line)> Rows(CommandLine line, bool range)
    {
        string path = line.Required(Option, "<file>");
        ((SubscriptionBook Book, YearMonth From, YearMonth To)? read, Dictionary<AccountId, int> firstLine) = Read(line, range);
        if (read is not { } r)
        {
            return [];
        }

        try
        {
            IReadOnlyList<MrrRow> rows = r.Book.Rows(r.From, r.To);
            var lined = new (MrrRow, int)[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                lined[i] = (rows[i], firstLine[rows[i].Account]);
            }

            return lined;
        }
        catch (OverflowException e)
        {
            throw new InputException($"{path}: {CliText.Message(e)}");
        }
    }

    /// <summary>The log's MRR as an MRR file's history, for retention and cohort-retention: the same as reading the mrr output.</summary>
    public static MrrFile History(CommandLine line, MrrOptions options, bool range)
    {
        if (line.Value("by") is not null)
        {
            throw new UsageException("--by needs a column of an MRR file; a subscription log has no groups. Write the MRR with 'mrr', add the column, and pass it with --mrr.");
        }

        if (line.Value("mrr") is not null)
        {
            throw new UsageException("give --mrr or --subscriptions, not both.");
        }

        return MrrFile.From(line.Required(Option, "<file>"), Rows(line, range), options, MonthSpan.MaxMonths(line));
    }
}
