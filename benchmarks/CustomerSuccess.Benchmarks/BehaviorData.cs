using System;
using System.Collections.Generic;
using CustomerSuccess.Behaviors;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// 10,000,000 events of 100,000 accounts over the 90 days before <see cref="AsOf"/>, from a fixed seed: logins (40%),
/// page views valued 1 to 20 pages (35%), key-feature use (20%) and support cases (5%). A fifth of the accounts halve their
/// activity in the last 30 days, so a 30-over-30 drop has something to find. Each event is also kept as plain columns, for
/// the baselines.
/// </summary>
public sealed class BehaviorData
{
    public const int Accounts = 100_000;
    public const int Events = 10_000_000;
    public static readonly Instant AsOf = Instant.FromUtc(2026, 10, 31, 0, 0);
    public static readonly string[] Names = ["login", "page_view", "key_feature_use", "support_case_opened"];

    /// <summary>The five rules of the rule-set benchmark: windowed counts and sums and a 30-day-over-30-day drop.</summary>
    public const string RuleText = """
        rule support_spike risk danger when count(support_case_opened, last 7d) >= 5
        rule usage_drop risk warning when change(count(login, last 30d), last 30d offset 30d) <= -25%
        rule gone_quiet risk danger when absent(login, last 7d)
        rule heavy_reader opportunity info when sum(page_view, last 30d) >= 600
        rule feature_adoption opportunity info when count(key_feature_use, last 30d) >= 10
        """;

    private BehaviorData(int size)
    {
        var random = new Random(42);
        AccountIds = new AccountId[Accounts];
        for (int a = 0; a < Accounts; a++)
        {
            AccountIds[a] = new AccountId($"acct-{a:D6}");
        }

        Account = new int[size];
        Name = new byte[size];
        Seconds = new long[size];
        Value = new double[size];
        long end = AsOf.ToUnixTimeSeconds();
        const long Span = 90L * 86_400;
        for (int i = 0; i < size; i++)
        {
            int account = random.Next(Accounts);
            int roll = random.Next(100);
            byte name = roll < 40 ? (byte)0 : roll < 75 ? (byte)1 : roll < 95 ? (byte)2 : (byte)3;
            long age = (long)(random.NextDouble() * Span);
            if (account % 5 == 0 && age < 30L * 86_400 && random.Next(2) == 0)
            {
                age += 30L * 86_400; // a declining account: half its recent activity happened a month earlier
            }

            Account[i] = account;
            Name[i] = name;
            Seconds[i] = end - 1 - age;
            Value[i] = name == 1 ? 1 + random.Next(20) : 1;
        }
    }

    public AccountId[] AccountIds { get; }

    public int[] Account { get; }

    public byte[] Name { get; }

    /// <summary>Unix seconds, before <see cref="AsOf"/>.</summary>
    public long[] Seconds { get; }

    public double[] Value { get; }

    public int Count => Account.Length;

    public static BehaviorData Create(int events = Events) => new(events);

    public BehaviorEvent EventAt(int i) =>
        new(AccountIds[Account[i]], Names[Name[i]], Instant.FromUnixTimeSeconds(Seconds[i]), (decimal)Value[i]);

    public IEnumerable<BehaviorEvent> AllEvents()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return EventAt(i);
        }
    }

    public EventStore BuildStore()
    {
        var builder = new EventStore.Builder().EnsureCapacity(Count);
        for (int i = 0; i < Count; i++)
        {
            builder.Add(EventAt(i));
        }

        return builder.Build();
    }
}
