using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using System.Data;
using System.Data.Common;
using NodaTime;

namespace CustomerSuccess;

// Score snapshots: one row each, the snapshot itself in its record (SnapshotRecord), kept together by account four days
// at a time (PeriodOf).
internal sealed partial class StoreEngine
{
    // What a read selects: the record is what is read back; the date and model name only name a record that does not read.
    // A range adds the account (fourth); a history knows it.
    private const string ReadColumns = "s.record, s.as_of, s.model_name";

    // A history is a seek per period: the periods from cs_snapshot_periods, each seek giving the account's rows of up to
    // four days, in date order (so no sort). CROSS JOIN keeps the periods the outer loop in SQLite (left to itself it moves
    // the range onto cs_snapshots and scans every account's rows in it); PostgreSQL plans it as any join.
    private const string HistoryQuery =
        $"SELECT {ReadColumns} FROM cs_snapshot_periods p CROSS JOIN cs_snapshots s WHERE p.period BETWEEN @first_period AND @last_period AND s.period = p.period AND s.account_id = @account AND s.as_of BETWEEN @from AND @to ORDER BY p.period, s.as_of, s.model_name;";

    // Every account's snapshots in a range, by date then account: within a period the rows are by account, so each
    // period's are sorted (SQLite sorts one period at a time: memory bounded by four days of a portfolio).
    private const string RangeQuery =
        $"SELECT {ReadColumns}, s.account_id FROM cs_snapshots s WHERE s.period BETWEEN @first_period AND @last_period AND s.as_of BETWEEN @from AND @to ORDER BY s.period, s.as_of, s.account_id, s.model_name;";

    /// <summary>The days in a period, the first part of a snapshot's key (<see cref="PeriodOf"/>).</summary>
    internal const int PeriodDays = 4;

    /// <summary>
    /// The period of four days a date is in (days since 1970-01-01, divided by 4, rounded down). Keyed by date alone, a
    /// run appends its rows but a history is a seek per date; keyed by account, a history is one seek but a run rewrites a
    /// page of every account. Four days of an account's rows together is a seek per four days, and a run rewrites at most
    /// the pages its period holds so far: measured on 100,000 accounts, the fourth run of a period records in about 1.4 s
    /// (goal 2 s) and a two-year history reads in under 1 ms (docs/benchmarks.md); three days read too close to the goal.
    /// </summary>
    internal static long PeriodOf(LocalDate date)
    {
        long days = StoreText.Days(date);
        return days >= 0 ? days / PeriodDays : ((days + 1) / PeriodDays) - 1; // rounded down before the epoch too
    }

    /// <inheritdoc/>
    public ValueTask<int> RecordSnapshotsAsync(IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return Write((connection, transaction) => InsertSnapshots(_dialect, connection, transaction, snapshots, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetHistoryAsync(AccountId account, LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, HistoryQuery, account, first, last), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ScoreSnapshot>> GetSnapshotsAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ScoreSnapshot>>(connection => Snapshots(connection, RangeQuery, null, first, last), cancellationToken);

    // Many rows to a statement (RowBatch), a row per snapshot: its key, the columns SQL asks most, and its record; the
    // periods written beside. Rows go in key order, so that the inserts walk each page of the period once.
    // A snapshot already recorded (same account, date and model) is skipped: the keys recorded for the batch's dates are
    // read first, and every insert also skips a key that exists (a concurrent writer's).
    private static int InsertSnapshots(StoreDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots, CancellationToken cancellationToken)
    {
        foreach (ScoreSnapshot s in snapshots)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(snapshots)); // before anything is written
        }

        HashSet<(string Account, string Date, string Model)> recorded = RecordedKeys(connection, transaction, snapshots);
        using var rows = new RowBatch(connection, transaction, "cs_snapshots",
            ["account_id", "as_of", "model_name", "model_hash", "score", "band", "record", "period"],
            [DbType.String, DbType.String, DbType.String, DbType.String, DbType.Double, DbType.String, DbType.Binary, DbType.Int64], dialect.BatchParameters);
        var record = new SnapshotRecord();
        object[] row = new object[8];
        var recordedPeriods = new SortedSet<long>();
        string? lastDate = null;
        LocalDate lastAsOf = default;
        long lastPeriod = 0;
        int seen = 0;
        foreach (ScoreSnapshot s in InKeyOrder(snapshots))
        {
            if ((++seen & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (lastDate is null || s.AsOf != lastAsOf)
            {
                (lastDate, lastAsOf, lastPeriod) = (StoreText.Date(s.AsOf), s.AsOf, PeriodOf(s.AsOf)); // a run is of one date
            }

            string date = lastDate;
            if (!recorded.Add((s.Account.Value, date, s.ModelName)))
            {
                continue; // recorded already, or twice in this batch
            }

            recordedPeriods.Add(lastPeriod);
            (row[0], row[1], row[2], row[3], row[4], row[5]) = (s.Account.Value, date, s.ModelName, s.ModelHash, Db(s.Score), Db(s.Band));
            (row[6], row[7]) = (record.Write(s), lastPeriod);
            rows.Add(row);
        }

        rows.Flush();
        using DbCommand periods = Command(connection, transaction, "INSERT INTO cs_snapshot_periods (period) VALUES (@period) ON CONFLICT DO NOTHING;");
        DbParameter period = Parameter(periods, "@period", DbType.Int64);
        foreach (long p in recordedPeriods)
        {
            period.Value = p;
            periods.ExecuteNonQuery();
        }

        return rows.Inserted;
    }

    // The snapshots in the order of their key (a stable sort: of two with one key, the first is still the one recorded);
    // as they are when already in it, as a run's usually are.
    private static IReadOnlyList<ScoreSnapshot> InKeyOrder(IReadOnlyList<ScoreSnapshot> snapshots)
    {
        for (int i = 1; i < snapshots.Count; i++)
        {
            if (KeyOrder(snapshots[i - 1], snapshots[i]) > 0)
            {
                return [.. snapshots.OrderBy(s => s, Comparer<ScoreSnapshot>.Create(KeyOrder))];
            }
        }

        return snapshots;
    }

    private static int KeyOrder(ScoreSnapshot x, ScoreSnapshot y)
    {
        int order = x.AsOf == y.AsOf ? 0 : PeriodOf(x.AsOf).CompareTo(PeriodOf(y.AsOf)); // a run's snapshots share one date
        order = order != 0 ? order : string.CompareOrdinal(x.Account.Value, y.Account.Value);
        order = order != 0 ? order : x.AsOf.CompareTo(y.AsOf);
        return order != 0 ? order : string.CompareOrdinal(x.ModelName, y.ModelName);
    }

    // The (account, date, model) keys already recorded on the dates the snapshots are of.
    private static HashSet<(string Account, string Date, string Model)> RecordedKeys(DbConnection connection, DbTransaction transaction, IReadOnlyList<ScoreSnapshot> snapshots)
    {
        var keys = new HashSet<(string, string, string)>();
        var dates = new HashSet<LocalDate>();
        foreach (ScoreSnapshot s in snapshots)
        {
            dates.Add(s.AsOf);
        }

        using DbCommand command = Command(connection, transaction, "SELECT account_id, model_name FROM cs_snapshots WHERE period = @period AND as_of = @as_of;");
        DbParameter asOf = Parameter(command, "@as_of", DbType.String);
        DbParameter period = Parameter(command, "@period", DbType.Int64);
        foreach (LocalDate day in dates)
        {
            string date = StoreText.Date(day);
            (asOf.Value, period.Value) = (date, PeriodOf(day));
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                keys.Add((reader.GetString(0), date, reader.GetString(1)));
            }
        }

        return keys;
    }

    // The snapshots a filter selects, each read from its record alone (one value a row: a history is 730 of them).
    private List<ScoreSnapshot> Snapshots(DbConnection connection, string query, AccountId? account, LocalDate first, LocalDate last)
    {
        var snapshots = new List<ScoreSnapshot>();
        var record = new SnapshotRecord();
        using DbCommand command = Command(connection, null, query);
        Bind(command, account, first, last);
        using DbDataReader reader = command.ExecuteReader();
        AccountId owner = account ?? default;
        while (reader.Read())
        {
            if (account is null)
            {
                string id = reader.GetString(3);
                owner = !owner.IsDefault && owner.Value == id ? owner : new AccountId(id);
            }

            try
            {
                // GetValue rather than GetFieldValue<byte[]>: no generic type dispatch a row, and a value that is not
                // bytes (a hand-edited row) is named below like any record that does not read.
                snapshots.Add(record.Read(owner, reader.GetValue(0) as byte[] ?? throw new FormatException("the record is not bytes.")));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new InvalidOperationException(
                    $"The store '{_dialect.Location}' holds a snapshot of account '{owner}' on {reader.GetString(1)} (model '{reader.GetString(2)}') that does not read back: {e.Message}", e);
            }
        }

        return snapshots;
    }

    private static void Bind(DbCommand command, AccountId? account, LocalDate first, LocalDate last)
    {
        if (account is { } a)
        {
            Parameter(command, "@account", DbType.String, a.Value);
        }

        Parameter(command, "@first_period", DbType.Int64, PeriodOf(first));
        Parameter(command, "@last_period", DbType.Int64, PeriodOf(last));

        Parameter(command, "@from", DbType.String, StoreText.Date(first));
        Parameter(command, "@to", DbType.String, StoreText.Date(last));
    }
}
