using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using CustomerSuccess.Storage.PostgreSql;
using CustomerSuccess.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Issue 18's store goals, recording: one run of 100,000 accounts with 8 signals each (one transaction, prepared
/// statements; goal under 2 s on SQLite). SQLite on a file in the temporary folder; PostgreSQL on the server CS_POSTGRES
/// names (a new database for the run; the PostgreSQL case fails without one, so filter it out: --filter
/// '*StoreBenchmarks*Sqlite*'). The store holds 12 days' runs first; each operation records a new as-of date (a date is
/// recorded once), so the operations meet each day of a period of four (the first appends, the fourth rewrites most).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StoreBenchmarks
{
    private readonly StoreBenchData _data = new();
    private SqliteStore _sqlite = null!;
    private PostgreSqlStore? _postgres;
    private const int PrefilledDays = 12;
    private int _day;
    private ScoreSnapshot[] _run = [];

    [GlobalSetup(Target = nameof(RecordRun_Sqlite))]
    public void SetupSqlite() => Prefill((_sqlite = _data.Sqlite("runs.db")).RecordRunAsync);

    [GlobalSetup(Target = nameof(RecordRun_PostgreSql))]
    public void SetupPostgreSql() => Prefill((_postgres = _data.PostgreSql()).RecordRunAsync);

    [GlobalCleanup]
    public void Cleanup() => _data.Remove();

    // Its snapshots are made before the clock starts.
    [IterationSetup]
    public void NextRun() => _run = StoreBenchData.Snapshots(100_000, StoreBenchData.FirstDay.PlusDays(StoreBenchData.HistoryDays + _day++));

    // The runs of the days before: a run's cost depends on how much of its period of four days is recorded already
    // (StoreEngine.PeriodOf), so the measured runs find a store with history, as a daily one does.
    private void Prefill(Func<RunRecord, IReadOnlyList<ScoreSnapshot>, IReadOnlyList<Alert>, IReadOnlyList<HealthModel>, System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<bool>> record)
    {
        for (; _day < PrefilledDays; _day++)
        {
            ScoreSnapshot[] run = StoreBenchData.Snapshots(100_000, StoreBenchData.FirstDay.PlusDays(StoreBenchData.HistoryDays + _day));
            record(StoreBenchData.Run(run[0].AsOf, run.Length), run, [], [], default).AsTask().Wait();
        }
    }

    [Benchmark]
    public bool RecordRun_Sqlite() => _sqlite.RecordRunAsync(StoreBenchData.Run(_run[0].AsOf, _run.Length), _run, [], []).AsTask().Result;

    [Benchmark]
    public bool RecordRun_PostgreSql() => _postgres!.RecordRunAsync(StoreBenchData.Run(_run[0].AsOf, _run.Length), _run, [], []).AsTask().Result;
}

/// <summary>
/// Issue 18's store goals, reading: one account's two-year history (730 daily snapshots of 8 signals, among 200 accounts'
/// two years: 146,000 snapshots; goal under 1 ms), in steady state (many calls an iteration).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class StoreHistoryBenchmarks
{
    private static readonly AccountId Account = new("acct-000042");
    private readonly StoreBenchData _data = new();
    private SqliteStore _sqlite = null!;
    private PostgreSqlStore? _postgres;

    [GlobalSetup(Target = nameof(History_Sqlite))]
    public void SetupSqlite() => StoreBenchData.FillHistory((_sqlite = _data.Sqlite("history.db")).RecordRunAsync);

    [GlobalSetup(Target = nameof(History_PostgreSql))]
    public void SetupPostgreSql() => StoreBenchData.FillHistory((_postgres = _data.PostgreSql()).RecordRunAsync);

    [GlobalCleanup]
    public void Cleanup() => _data.Remove();

    [Benchmark]
    public int History_Sqlite() => _sqlite.GetHistoryAsync(Account, StoreBenchData.FirstDay, StoreBenchData.FirstDay.PlusDays(StoreBenchData.HistoryDays - 1)).AsTask().Result.Count;

    [Benchmark]
    public int History_PostgreSql() => _postgres!.GetHistoryAsync(Account, StoreBenchData.FirstDay, StoreBenchData.FirstDay.PlusDays(StoreBenchData.HistoryDays - 1)).AsTask().Result.Count;
}

/// <summary>The store benchmarks' data and stores: a temporary folder, a throwaway PostgreSQL database, made-up runs.</summary>
internal sealed class StoreBenchData
{
    public const int Signals = 8, HistoryAccounts = 200, HistoryDays = 730;
    public static readonly LocalDate FirstDay = new(2025, 1, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("cs-store-bench-").FullName;
    private string? _database;

    public SqliteStore Sqlite(string file) => new(Path.Combine(_folder, file));

    public PostgreSqlStore PostgreSql()
    {
        string server = Server;
        _database = $"cs_bench_{Guid.NewGuid():N}";
        Admin(server, $"CREATE DATABASE \"{_database}\";");
        return new PostgreSqlStore(new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString);
    }

    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Admin(Server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE);");
        }
    }

    private static string Server => Environment.GetEnvironmentVariable("CS_POSTGRES") is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException("CS_POSTGRES names no PostgreSQL server (source .ci/postgres start).");

    public static void FillHistory(Func<RunRecord, IReadOnlyList<ScoreSnapshot>, IReadOnlyList<Alert>, IReadOnlyList<HealthModel>, System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<bool>> record)
    {
        for (int d = 0; d < HistoryDays; d++)
        {
            LocalDate day = FirstDay.PlusDays(d);
            record(Run(day, HistoryAccounts), Snapshots(HistoryAccounts, day), [], [], default).AsTask().Wait();
        }
    }

    public static RunRecord Run(LocalDate asOf, int accounts) =>
        new(Guid.NewGuid(), asOf, Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 1, 1, 0, 1), new Dictionary<string, long> { ["accounts_scored"] = accounts });

    // A run's snapshots as the engine would explain them: 8 signals, one of them missing now and then, a gate sometimes.
    public static ScoreSnapshot[] Snapshots(int accounts, LocalDate asOf)
    {
        var random = new Random(asOf.DayOfYear);
        SignalId[] ids = [.. Enumerable.Range(0, Signals).Select(i => new SignalId($"signal.{i}"))];
        var snapshots = new ScoreSnapshot[accounts];
        for (int a = 0; a < accounts; a++)
        {
            var signals = new SignalSnapshot[Signals];
            double score = 0;
            for (int s = 0; s < Signals; s++)
            {
                bool missing = random.Next(20) == 0;
                double curve = random.NextDouble() * 100;
                signals[s] = missing
                    ? new SignalSnapshot(ids[s], SignalValue.Missing("no events in 30 days"), null, 0, 0)
                    : new SignalSnapshot(ids[s], SignalValue.Of(random.NextDouble() * 50), curve, 1.0 / Signals, curve / Signals);
                score += signals[s].Contribution;
            }

            ScoreAdjustment[] gates = random.Next(10) == 0 ? [new ScoreAdjustment(AdjustmentKind.Gate, "invoice 90 days overdue", -5)] : [];
            score = Math.Clamp(score + gates.Sum(g => g.Delta), 0, 100);
            snapshots[a] = new ScoreSnapshot(new AccountId($"acct-{a:D6}"), asOf, "bench", "hash", score, score >= 70 ? "green" : score >= 40 ? "yellow" : "red", signals, gates);
        }

        return snapshots;
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
