using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Revenue;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// A billing system's subscription log as CSV (docs/cli.md, "Subscription events"): one event per row, in any order,
/// read into a <see cref="SubscriptionBook"/>. Every fault names the file, line and field, including those only the
/// whole log shows (a change before the start, a resume without a pause).
/// </summary>
internal static class SubscriptionCsv
{
    public static readonly string[] Columns =
    [
        "account_id", "subscription_id", "effective_at", "event", "currency", "amount", "interval", "interval_count", "quantity",
        "discount_percent", "discount_amount", "discount_until",
    ];

    private static readonly string[] Required = ["account_id", "subscription_id", "effective_at", "event", "currency", "amount", "interval"];

    private static readonly InstantPattern Instant = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    /// <summary>The book of a file, and for each account the line of its first event (where its rows come from).</summary>
    public static (SubscriptionBook Book, Dictionary<AccountId, int> FirstLine) Read(string path, SubscriptionMrrOptions options)
    {
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder(options);
        var lines = new List<int>();
        var firstLine = new Dictionary<AccountId, int>();
        using (TableReader reader = TableReader.Open(path, Required))
        {
            while (reader.Read() is { } record)
            {
                SubscriptionEvent e = ReadEvent(record, options.Zone);
                firstLine.TryAdd(e.Account, record.Line);
                builder.Add(e);
                lines.Add(record.Line);
            }
        }

        try
        {
            return (builder.Build(), firstLine);
        }
        catch (SubscriptionEventException e) when (e.Index >= 0)
        {
            throw InputException.At(path, lines[(int)e.Index], e.Field ?? "event", CliText.Message(e));
        }
    }

    /// <summary>Writes a log in the format <see cref="Read"/> reads, one event per row in the given order.</summary>
    public static void Write(System.IO.TextWriter writer, IEnumerable<SubscriptionEvent> events)
    {
        writer.Write(string.Join(',', Columns));
        writer.Write('\n');
        CultureInfo c = CultureInfo.InvariantCulture;
        foreach (SubscriptionEvent e in events)
        {
            writer.Write(CsvText.Quote(e.Account.Value));
            writer.Write(',');
            writer.Write(CsvText.Quote(e.Subscription));
            writer.Write(',');
            writer.Write(Instant.Format(e.EffectiveAt));
            writer.Write(',');
            writer.Write(e.Kind.ToString().ToLowerInvariant());
            if (!e.HasTerms)
            {
                writer.Write(",,,,,,,,\n");
                continue;
            }

            SubscriptionTerms t = e.Terms;
            writer.Write(string.Create(c, $",{t.Currency},{t.Amount.Amount},{t.Interval.ToString().ToLowerInvariant()},{(t.IntervalCount == 1 ? "" : t.IntervalCount)},{(t.Quantity == 1 ? "" : t.Quantity)},"));
            writer.Write(string.Create(c, $"{(t.DiscountPercent == 0 ? "" : t.DiscountPercent)},{(t.DiscountAmount == 0 ? "" : t.DiscountAmount)},{(t.DiscountUntil is { } until ? Instant.Format(until) : "")}\n"));
        }
    }

    private static SubscriptionEvent ReadEvent(TableRecord record, DateTimeZone zone)
    {
        AccountId account = MrrCsv.ParseAccountId(record);
        string subscription = record.Required("subscription_id");
        if (string.IsNullOrWhiteSpace(subscription))
        {
            throw record.Error("subscription_id", "the subscription id is empty.");
        }

        Instant at = ParseInstant(record, "effective_at", zone) ?? throw record.Error("effective_at", "is empty; give an instant such as 2025-03-15T10:00:00Z or a date such as 2025-03-15.");
        string kind = record.Required("event");
        return kind switch
        {
            "start" => SubscriptionEvent.Start(account, subscription, at, Terms(record, zone)),
            "change" => SubscriptionEvent.Change(account, subscription, at, Terms(record, zone)),
            "trial" => SubscriptionEvent.Trial(account, subscription, at, Terms(record, zone)),
            "pause" => SubscriptionEvent.Pause(account, subscription, at),
            "resume" => SubscriptionEvent.Resume(account, subscription, at),
            "cancel" => SubscriptionEvent.Cancel(account, subscription, at),
            _ => throw record.Error("event", $"'{CliText.Quote(kind)}' is not an event; use start, change, trial, pause, resume or cancel."),
        };
    }

    private static SubscriptionTerms Terms(TableRecord record, DateTimeZone zone)
    {
        Currency currency = MrrCsv.ParseCurrency(record, "currency", record.Required("currency"));
        decimal amount = MrrCsv.ParseAmount(record, "amount");
        if (amount < 0)
        {
            throw record.Error("amount", $"the price cannot be negative ({amount.ToString(CultureInfo.InvariantCulture)}).");
        }

        string intervalText = record.Required("interval");
        SubscriptionInterval interval = intervalText switch
        {
            "day" => SubscriptionInterval.Day,
            "week" => SubscriptionInterval.Week,
            "month" => SubscriptionInterval.Month,
            "year" => SubscriptionInterval.Year,
            _ => throw record.Error("interval", $"'{CliText.Quote(intervalText)}' is not an interval; use day, week, month or year."),
        };

        int count = 1;
        if (record.Span("interval_count") is { IsEmpty: false } countText
            && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > 1000))
        {
            throw record.Error("interval_count", $"'{CliText.Quote(countText)}' is not a whole number of intervals from 1 to 1000 (empty is 1).");
        }

        decimal quantity = Optional(record, "quantity", 1m);
        if (quantity < 0)
        {
            throw record.Error("quantity", $"the quantity cannot be negative ({quantity.ToString(CultureInfo.InvariantCulture)}); 0 is allowed.");
        }

        decimal percent = Optional(record, "discount_percent", 0m);
        if (percent is < 0 or > 100)
        {
            throw record.Error("discount_percent", $"{percent.ToString(CultureInfo.InvariantCulture)} is not a percent from 0 to 100.");
        }

        decimal amountOff = Optional(record, "discount_amount", 0m);
        if (amountOff < 0)
        {
            throw record.Error("discount_amount", $"the discount cannot be negative ({amountOff.ToString(CultureInfo.InvariantCulture)}).");
        }

        Instant? until = ParseInstant(record, "discount_until", zone);
        return new SubscriptionTerms(new Money(amount, currency), interval, count, quantity, percent, amountOff, until);
    }

    private static decimal Optional(TableRecord record, string column, decimal empty) =>
        record.Span(column).IsEmpty ? empty : MrrCsv.ParseAmount(record, column);

    // An instant (2025-03-15T10:00:00Z, or with an offset) or a date, which starts at midnight in the reporting zone.
    private static Instant? ParseInstant(TableRecord record, string column, DateTimeZone zone)
    {
        ReadOnlySpan<char> span = record.Span(column);
        if (span.IsEmpty)
        {
            return null;
        }

        string text = span.ToString();
        if (Date.Parse(text) is { Success: true } date)
        {
            return zone.AtStartOfDay(date.Value).ToInstant();
        }

        if (Instant.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (Offset.Parse(text) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

        throw record.Error(column, $"'{CliText.Quote(text)}' is not an instant or a date; use 2025-03-15T10:00:00Z or 2025-03-15.");
    }
}
