using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerSuccess.Cli;
using CustomerSuccess.Revenue;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// A billing book of 10,000,000 subscription events over 24 months: 2,000,000 subscriptions of 1,000,000 accounts, each
/// started (a third with a discount that ends), changed (seats), paused, resumed and most cancelled; monthly and annual
/// plans. In memory, events to an MRR history, in the order a billing export lists them (by subscription) and in time
/// order (a webhook log); end to end, the command line's mrr over the same events as a CSV file. Single-threaded, as the
/// code is.
/// </summary>
[MemoryDiagnoser]
// Two warm-up operations: the first runs while the JIT still tiers the loops up, and the second still grows the heap.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class SubscriptionBenchmarks
{
    private SubscriptionEvent[] _bySubscription = [];
    private SubscriptionEvent[] _byTime = [];
    private string _csv = string.Empty;

    /// <summary>Gets or sets the number of subscriptions; five events each.</summary>
    [Params(2_000_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bySubscription = SubscriptionData.Generate(Subscriptions);
        _byTime = [.. _bySubscription.OrderBy(e => e.EffectiveAt)];
        _csv = SubscriptionData.WriteCsv(_bySubscription);
        Console.WriteLine($"// {_bySubscription.Length:N0} events; CSV {new FileInfo(_csv).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_csv);

    [Benchmark(Baseline = true)]
    public int EventsToHistory_BySubscription() => History(_bySubscription);

    [Benchmark]
    public int EventsToHistory_ByTime() => History(_byTime);

    [Benchmark]
    public int CsvToMrr_EndToEnd()
    {
        int code = CliApp.Run(["mrr", "--subscriptions", _csv], TextWriter.Null, Console.Error);
        return code == 0 ? code : throw new InvalidOperationException($"mrr exited {code}");
    }

    private static int History(SubscriptionEvent[] events)
    {
        // A caller that knows how many events come (a reader that knows its file's size) says so.
        SubscriptionBook.Builder builder = SubscriptionBook.CreateBuilder().EnsureCapacity(events.Length);
        foreach (ref readonly SubscriptionEvent e in events.AsSpan())
        {
            builder.Add(e);
        }

        return builder.Build().ToMrrHistory(SubscriptionData.First, SubscriptionData.Last).AccountCount;
    }
}

/// <summary>The benchmark's billing book, from a fixed seed.</summary>
internal static class SubscriptionData
{
    public static readonly YearMonth First = new(2025, 1);
    public static readonly YearMonth Last = new(2026, 12);

    public static SubscriptionEvent[] Generate(int subscriptions)
    {
        var random = new Random(20260630);
        var events = new SubscriptionEvent[subscriptions * 5];
        Instant start = Instant.FromUtc(2025, 1, 1, 0, 0);
        var accounts = new AccountId[(subscriptions / 2) + 1];
        for (int a = 0; a < accounts.Length; a++)
        {
            accounts[a] = new AccountId($"acct-{a:D7}");
        }

        int n = 0;
        for (int s = 0; s < subscriptions; s++)
        {
            AccountId account = accounts[s / 2];
            string id = $"sub-{s:D8}";
            Instant at = start + Duration.FromMinutes(random.Next(0, 60 * 24 * 300));
            var price = new Money(random.Next(1, 200) * 5m, Currency.USD);
            SubscriptionInterval interval = random.Next(4) == 0 ? SubscriptionInterval.Year : SubscriptionInterval.Month;
            decimal percent = random.Next(3) == 0 ? 20m : 0m;
            events[n++] = SubscriptionEvent.Start(account, id, at, new SubscriptionTerms(price, interval, quantity: random.Next(1, 20), discountPercent: percent, discountUntil: percent > 0 ? at + Duration.FromDays(90) : null));
            at += Duration.FromMinutes(random.Next(1, 60 * 24 * 120));
            events[n++] = SubscriptionEvent.Change(account, id, at, new SubscriptionTerms(price, interval, quantity: random.Next(1, 30)));
            at += Duration.FromMinutes(random.Next(1, 60 * 24 * 120));
            events[n++] = SubscriptionEvent.Pause(account, id, at);
            at += Duration.FromMinutes(random.Next(1, 60 * 24 * 60));
            events[n++] = SubscriptionEvent.Resume(account, id, at);
            at += Duration.FromMinutes(random.Next(1, 60 * 24 * 300));
            events[n++] = SubscriptionEvent.Cancel(account, id, at);
        }

        return events;
    }

    public static string WriteCsv(IEnumerable<SubscriptionEvent> events)
    {
        string path = Path.Combine(Path.GetTempPath(), $"subscriptions-{Guid.NewGuid():N}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("account_id,subscription_id,effective_at,event,currency,amount,interval,interval_count,quantity,discount_percent,discount_amount,discount_until\n");
        CultureInfo c = CultureInfo.InvariantCulture;
        foreach (SubscriptionEvent e in events)
        {
            string at = NodaTime.Text.InstantPattern.General.Format(e.EffectiveAt);
            string kind = e.Kind.ToString().ToLowerInvariant();
            if (!e.HasTerms)
            {
                writer.Write($"{e.Account},{e.Subscription},{at},{kind},,,,,,,,\n");
                continue;
            }

            SubscriptionTerms t = e.Terms;
            string until = t.DiscountUntil is { } u ? NodaTime.Text.InstantPattern.General.Format(u) : "";
            writer.Write(string.Create(c, $"{e.Account},{e.Subscription},{at},{kind},{t.Currency},{t.Amount.Amount},{t.Interval.ToString().ToLowerInvariant()},,{t.Quantity},{(t.DiscountPercent == 0 ? "" : t.DiscountPercent.ToString(c))},,{until}\n"));
        }

        return path;
    }
}
