using System;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Revenue;
using DuckDB.NET.Data;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The same work in the same run: monthly MRR movements over a million snapshot rows already in memory, by the library
/// and by DuckDB's in-process SQL over the same rows loaded into a table (loading is not timed). Both produce every
/// month's opening, new, reactivation, expansion, contraction and churn; the benchmark returns the last month's NRR.
/// </summary>
[MemoryDiagnoser]
public class MrrVersusDuckDbBenchmarks
{
    /// <summary>
    /// Common table expressions over a relation <c>rows (account, mi, mrr)</c> (mi a month number): <c>m</c>, an account's
    /// MRR a month; <c>lagged</c>, each account's months from its first with this month's MRR (<c>cur</c>, 0 without a
    /// row), the previous month's (<c>prev</c>) and the most in any month before that (<c>earlier</c>). A month without a
    /// row is 0; reactivation is "positive in some month before the previous one". Shared with the end-to-end query.
    /// </summary>
    internal const string LaggedSeriesCtes = """
        m AS (SELECT account, mi, SUM(mrr) AS mrr FROM rows GROUP BY ALL),
        months AS (SELECT DISTINCT mi FROM m),
        firsts AS (SELECT account, MIN(mi) AS first FROM m GROUP BY ALL),
        series AS (
            SELECT f.account, mo.mi, COALESCE(m.mrr, 0) AS cur
            FROM firsts f JOIN months mo ON mo.mi >= f.first
            LEFT JOIN m ON m.account = f.account AND m.mi = mo.mi),
        lagged AS (
            SELECT mi, cur,
                   LAG(cur, 1, 0) OVER w AS prev,
                   COALESCE(MAX(cur) OVER (PARTITION BY account ORDER BY mi ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING), 0) AS earlier
            FROM series WINDOW w AS (PARTITION BY account ORDER BY mi))
        """;

    private const string MovementsSql = "WITH " + LaggedSeriesCtes + """
        SELECT mi,
               SUM(prev) AS opening,
               SUM(CASE WHEN prev = 0 AND cur > 0 AND earlier = 0 THEN cur ELSE 0 END) AS new_mrr,
               SUM(CASE WHEN prev = 0 AND cur > 0 AND earlier > 0 THEN cur ELSE 0 END) AS reactivation,
               SUM(CASE WHEN prev > 0 AND cur > prev THEN cur - prev ELSE 0 END) AS expansion,
               SUM(CASE WHEN prev > 0 AND cur > 0 AND cur < prev THEN prev - cur ELSE 0 END) AS contraction,
               SUM(CASE WHEN prev > 0 AND cur = 0 THEN prev ELSE 0 END) AS churn
        FROM lagged
        WHERE mi > (SELECT MIN(mi) FROM m)
        GROUP BY mi ORDER BY mi
        """;

    private MrrRow[] _rows = [];
    private DuckDBConnection _duck = null!;

    [Params(RowOrder.Grouped, RowOrder.Random)]
    public RowOrder Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = MrrData.Rows(Order);
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using (DuckDBCommand create = _duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE rows (account VARCHAR, mi INTEGER, mrr DECIMAL(18, 2))";
            create.ExecuteNonQuery();
        }

        using DuckDBAppender appender = _duck.CreateAppender("rows");
        foreach (MrrRow row in _rows)
        {
            appender.CreateRow()
                .AppendValue(row.Account.Value)
                .AppendValue((row.Month.Year * 12) + row.Month.Month - 1)
                .AppendValue(row.Mrr.Amount)
                .EndRow();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true)]
    public decimal Library()
    {
        MrrMonthFigures last = MrrHistory.FromRows(_rows).Movements(MrrData.First, MrrData.Last).Total(MrrData.Last);
        return last.Nrr.Value;
    }

    [Benchmark]
    public decimal DuckDb()
    {
        using DuckDBCommand query = _duck.CreateCommand();
        query.CommandText = MovementsSql;
        using var reader = query.ExecuteReader();
        decimal opening = 0, expansion = 0, contraction = 0, churn = 0;
        while (reader.Read())
        {
            opening = reader.GetDecimal(1);
            expansion = reader.GetDecimal(4);
            contraction = reader.GetDecimal(5);
            churn = reader.GetDecimal(6);
        }

        return (opening + expansion - contraction - churn) / opening;
    }

    /// <summary>Checks, once, that both sides compute the same NRR before they are timed against each other.</summary>
    public void Verify()
    {
        Setup();
        decimal library = Library();
        decimal duck = DuckDb();
        Cleanup();
        if (Math.Round(library, 12) != Math.Round(duck, 12))
        {
            throw new InvalidOperationException($"The library says NRR {library}, DuckDB {duck}.");
        }
    }
}
