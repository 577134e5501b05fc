using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// File to printed result, on the same files, side by side (issue 17, item 7): the native command line (a process per
/// run, its output read to the end) against DuckDB in process (a fresh in-memory database per run, reading the file with
/// <c>read_csv</c> or <c>read_parquet</c>, its result rows formatted as text). Retention over 5,000,000 MRR rows, segment
/// with the 5-rule set over 20,000,000 events, score over 1,000,000 accounts; each as CSV and as Parquet. Both sides use
/// every core. <see cref="Verify"/> checks first that both print the same figures, and that the tool reads DuckDB's
/// Parquet files as it reads the CSV files they came from.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EndToEndVersusDuckDbBenchmarks
{
    // Movements as the library defines them (docs/revenue.md): a month without a row is 0, reactivation is "paid in some
    // month before the previous one"; NRR and GRR leave reactivation out; logo churn is churned over opening customers.
    private const string RetentionSql = """
        WITH rows AS (
            SELECT account_id AS account, CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1 AS mi, mrr
            FROM {0}),
        """ + MrrVersusDuckDbBenchmarks.LaggedSeriesCtes + """
        ,
        moves AS (
            SELECT mi,
                   SUM(prev) AS opening,
                   SUM(CASE WHEN prev = 0 AND cur > 0 AND earlier = 0 THEN cur ELSE 0 END) AS new_mrr,
                   SUM(CASE WHEN prev = 0 AND cur > 0 AND earlier > 0 THEN cur ELSE 0 END) AS reactivation,
                   SUM(CASE WHEN prev > 0 AND cur > prev THEN cur - prev ELSE 0 END) AS expansion,
                   SUM(CASE WHEN prev > 0 AND cur > 0 AND cur < prev THEN prev - cur ELSE 0 END) AS contraction,
                   SUM(CASE WHEN prev > 0 AND cur = 0 THEN prev ELSE 0 END) AS churn,
                   SUM(cur) AS closing,
                   COUNT(*) FILTER (WHERE prev > 0) AS customers_opening,
                   COUNT(*) FILTER (WHERE prev = 0 AND cur > 0 AND earlier = 0) AS customers_new,
                   COUNT(*) FILTER (WHERE prev = 0 AND cur > 0 AND earlier > 0) AS customers_reactivated,
                   COUNT(*) FILTER (WHERE prev > 0 AND cur = 0) AS customers_churned,
                   COUNT(*) FILTER (WHERE cur > 0) AS customers_closing
            FROM lagged
            WHERE mi > (SELECT MIN(mi) FROM m)
            GROUP BY mi)
        SELECT printf('%04d-%02d', mi // 12, mi % 12 + 1) AS month, opening, new_mrr, reactivation, expansion, contraction, churn, closing,
               CASE WHEN opening > 0 THEN (opening + expansion - contraction - churn) / opening END AS nrr,
               CASE WHEN opening > 0 THEN (opening - contraction - churn) / opening END AS grr,
               CASE WHEN contraction + churn > 0 THEN (new_mrr + reactivation + expansion) / (contraction + churn) END AS quick_ratio,
               CASE WHEN customers_opening > 0 THEN customers_churned / customers_opening END AS logo_churn,
               customers_opening, customers_new, customers_reactivated, customers_churned, customers_closing
        FROM moves ORDER BY mi
        """;

    // The five rules' windows are (t - d, t] as in the library; a change needs a non-zero baseline; an account is judged
    // when it has an event before the as-of instant. Each matching account is printed with what each rule observed.
    private const string SegmentSql = """
        WITH e AS (SELECT account_id, event, epoch(occurred_at) AS t, value FROM {0} WHERE epoch(occurred_at) <= {1}),
        a AS (
            SELECT account_id,
                count(*) FILTER (WHERE event = 'support_case_opened' AND t > {1} - 7 * 86400) AS cases7,
                count(*) FILTER (WHERE event = 'login' AND t > {1} - 30 * 86400) AS logins30,
                count(*) FILTER (WHERE event = 'login' AND t > {1} - 60 * 86400 AND t <= {1} - 30 * 86400) AS logins_before,
                count(*) FILTER (WHERE event = 'login' AND t > {1} - 7 * 86400) AS logins7,
                COALESCE(sum(value) FILTER (WHERE event = 'page_view' AND t > {1} - 30 * 86400), 0) AS pages30,
                count(*) FILTER (WHERE event = 'key_feature_use' AND t > {1} - 30 * 86400) AS features30
            FROM e GROUP BY account_id)
        SELECT account_id, cases7, logins30, logins_before, logins7, pages30, features30
        FROM a
        WHERE cases7 >= 5
           OR (logins_before > 0 AND (logins30 - logins_before) / logins_before <= -0.25)
           OR logins7 = 0 OR pages30 >= 600 OR features30 >= 10
        ORDER BY account_id
        """;

    // The e2e model: three groups of one signal each, so the score is the mean of three curve scores; default bands.
    private const string ScoreSql = """
        WITH s AS (
            SELECT account_id,
                (LEAST(GREATEST(("adoption.active_licences" - 0.2) / 0.6, 0), 1) * 100
                 + CASE WHEN "support.cases_7d" >= 5 THEN 10 WHEN "support.cases_7d" >= 3 THEN 60 ELSE 100 END
                 + LEAST(GREATEST((90 - "invoice.days_past_due") / 90.0, 0), 1) * 100) / 3 AS score
            FROM {0})
        SELECT account_id, round(score, 10) AS score, CASE WHEN score >= 70 THEN 'green' WHEN score >= 40 THEN 'yellow' ELSE 'red' END AS band
        FROM s ORDER BY account_id
        """;

    private EndToEndFiles _files = null!;
    private string _cli = string.Empty;

    [Params("retention", "segment", "score")]
    public string Work { get; set; } = "retention";

    [Params("csv", "parquet")]
    public string Format { get; set; } = "csv";

    [GlobalSetup]
    public void Setup()
    {
        _files = EndToEndFiles.Ensure();
        _cli = EndToEndFiles.NativeCli();
    }

    /// <summary>The native tool, from the file to its printed result; returns the characters printed.</summary>
    [Benchmark(Baseline = true)]
    public long Cli() => RunCli(CliArguments(Work, Format)).Length;

    /// <summary>DuckDB, from the file to its result rows as text; returns the characters printed.</summary>
    [Benchmark]
    public long DuckDb()
    {
        using var output = new StreamWriter(Stream.Null);
        return RunDuckDb(Sql(Work, Format), output);
    }

    /// <summary>
    /// Checks, before timing, that the tool and DuckDB print the same figures on every work item, and that the tool's
    /// output on DuckDB's Parquet files is byte for byte its output on the CSV files they were written from.
    /// </summary>
    public void Verify()
    {
        Setup();
        foreach (string work in new[] { "retention", "segment", "score" })
        {
            string csv = RunCli(CliArguments(work, "csv"));
            string parquet = RunCli(CliArguments(work, "parquet"));
            if (csv != parquet)
            {
                throw new InvalidOperationException($"{work}: the tool prints something else from DuckDB's Parquet files than from the CSV files.");
            }

            var duck = new StringWriter(CultureInfo.InvariantCulture);
            RunDuckDb(Sql(work, "csv"), duck);
            Compare(work, csv, duck.ToString());
            Console.WriteLine($"{work}: the tool and DuckDB agree ({csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1} rows).");
        }
    }

    private string[] CliArguments(string work, string format) => work switch
    {
        "retention" => ["retention", "--mrr", _files.Input("mrr", format)],
        "segment" => ["segment", "--where", EndToEndFiles.SegmentPredicate, "--events", _files.Input("events", format), "--as-of", EndToEndFiles.AsOf],
        _ => ["score", "--model", _files.Model, "--accounts", _files.Input("accounts", format), "--as-of", EndToEndFiles.AsOf],
    };

    private string Sql(string work, string format) => work switch
    {
        "retention" => RetentionSql.Replace("{0}", _files.Read("mrr", format), StringComparison.Ordinal),
        "segment" => SegmentSql.Replace("{0}", _files.Read("events", format), StringComparison.Ordinal).Replace("{1}", "1793404800", StringComparison.Ordinal),
        _ => ScoreSql.Replace("{0}", _files.Read("accounts", format), StringComparison.Ordinal),
    };

    private string RunCli(string[] arguments)
    {
        var start = new ProcessStartInfo(_cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"customersuccess {string.Join(' ', arguments)}: exit {process.ExitCode}: {error.Result}");
    }

    // A fresh database per run, as a user's `duckdb -c` would be; every row of the result formatted as CSV text.
    private static long RunDuckDb(string sql, TextWriter output)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using DuckDBCommand command = duck.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        long written = 0;
        var line = new System.Text.StringBuilder();
        while (reader.Read())
        {
            line.Clear();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                line.Append(i == 0 ? string.Empty : ",").Append(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            }

            output.WriteLine(line);
            written += line.Length + 1;
        }

        return written;
    }

    private static bool OnThreshold(string score) =>
        double.TryParse(score, CultureInfo.InvariantCulture, out double value) && (Math.Abs(value - 40) < 1e-9 || Math.Abs(value - 70) < 1e-9);

    // The same figures: each row's key and numbers (money to the cent, ratios to 1e-9, scores to 1e-9, bands exactly).
    private static void Compare(string work, string cli, string duck)
    {
        List<string[]> ours = [.. cli.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))];
        List<string[]> theirs = [.. duck.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(','))];
        if (ours.Count != theirs.Count)
        {
            throw new InvalidOperationException($"{work}: the tool prints {ours.Count} rows, DuckDB {theirs.Count}.");
        }

        for (int r = 0; r < ours.Count; r++)
        {
            string[] a = ours[r], b = theirs[r];
            if (a[0] != b[0])
            {
                throw new InvalidOperationException($"{work}, row {r + 1}: the tool has '{a[0]}', DuckDB '{b[0]}'.");
            }

            IEnumerable<(string Ours, string Theirs)> figures = work switch
            {
                "retention" => a.Skip(1).Zip(b.Skip(1)),
                // A score on a band's threshold to within rounding (40 as 39.99999999999999) may fall on either side.
                "score" when OnThreshold(a[1]) => [(a[1], b[1])],
                "score" => [(a[1], b[1]), (a[2], b[2])],
                _ => [], // the account is the result; the evidence is text
            };
            foreach ((string x, string y) in figures)
            {
                bool same = x == y
                    || (double.TryParse(x, CultureInfo.InvariantCulture, out double u) && double.TryParse(y, CultureInfo.InvariantCulture, out double v) && Math.Abs(u - v) <= 1e-9 * Math.Max(1, Math.Abs(u)));
                if (!same)
                {
                    throw new InvalidOperationException($"{work}, row {r + 1} ({a[0]}): the tool has {x}, DuckDB {y}.");
                }
            }
        }
    }
}
