using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Signals;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The 5-rule set of <see cref="BehaviorData.RuleText"/> over the same 10,000,000 events of 100,000 accounts: the
/// library's rule evaluation (alerts with evidence) against DuckDB's <c>count(*) FILTER (...) GROUP BY account</c> over the
/// same rows in a table (loading is not timed). Both return the number of (account, rule) alerts; <see cref="Verify"/>
/// compares them first.
/// </summary>
[MemoryDiagnoser]
public class BehaviorsVersusDuckDbBenchmarks
{
    private BehaviorEvaluator _evaluator = null!;
    private RuleSet _rules = null!;
    private CompiledPredicate[] _predicates = [];
    private DuckDBConnection _duck = null!;
    private string _sql = string.Empty;
    private readonly SignalContext _context = new(BehaviorData.AsOf, DateTimeZone.Utc);

    [GlobalSetup]
    public void Setup()
    {
        BehaviorData data = BehaviorData.Create();
        _evaluator = new BehaviorEvaluator(data.BuildStore());
        _rules = RuleSet.Parse(BehaviorData.RuleText);
        _predicates = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(_rules, r => _evaluator.Compile(r.When)));

        long t = BehaviorData.AsOf.ToUnixTimeSeconds();
        const long Day = 86_400;
        string In(int name, long days, long offset = 0) => string.Create(CultureInfo.InvariantCulture, $"name = {name} AND t > {t - ((days + offset) * Day)} AND t <= {t - (offset * Day)}");

        // Windows are (t - d, t] as in the library; a change needs a non-zero baseline.
        _sql = $"""
            SELECT CAST(SUM(CAST(cases7 >= 5 AS INTEGER)
                     + CAST(logins_before > 0 AND (logins30 - logins_before) / logins_before <= -0.25 AS INTEGER)
                     + CAST(logins7 = 0 AS INTEGER)
                     + CAST(COALESCE(pages30, 0) >= 600 AS INTEGER)
                     + CAST(features30 >= 10 AS INTEGER)) AS INTEGER)
            FROM (
              SELECT account,
                count(*) FILTER (WHERE {In(3, 7)}) AS cases7,
                CAST(count(*) FILTER (WHERE {In(0, 30)}) AS DOUBLE) AS logins30,
                CAST(count(*) FILTER (WHERE {In(0, 30, 30)}) AS DOUBLE) AS logins_before,
                count(*) FILTER (WHERE {In(0, 7)}) AS logins7,
                sum(value) FILTER (WHERE {In(1, 30)}) AS pages30,
                count(*) FILTER (WHERE {In(2, 30)}) AS features30
              FROM events GROUP BY account)
            """;

        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using (DuckDBCommand create = _duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (account INTEGER, name TINYINT, t BIGINT, value DOUBLE)";
            create.ExecuteNonQuery();
        }

        using DuckDBAppender appender = _duck.CreateAppender("events");
        for (int i = 0; i < data.Count; i++)
        {
            appender.CreateRow().AppendValue(data.Account[i]).AppendValue((sbyte)data.Name[i]).AppendValue(data.Seconds[i]).AppendValue(data.Value[i]).EndRow();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true)]
    public int Library() => _evaluator.Alerts(_rules, _context).Count;

    /// <summary>The same rules without building alerts and evidence: the evaluation alone, like DuckDB's count.</summary>
    [Benchmark]
    public int LibraryMatchesOnly()
    {
        int matches = 0;
        foreach (CompiledPredicate predicate in _predicates)
        {
            matches += predicate.CountMatches(_context);
        }

        return matches;
    }

    [Benchmark]
    public int DuckDb()
    {
        using DuckDBCommand query = _duck.CreateCommand();
        query.CommandText = _sql;
        return Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Checks, once, that both sides raise the same number of alerts before they are timed against each other.</summary>
    public void Verify()
    {
        Setup();
        int library = Library(), matches = LibraryMatchesOnly(), duck = DuckDb();
        Cleanup();
        if (library != duck || matches != duck)
        {
            throw new InvalidOperationException($"The library raises {library} alerts ({matches} matches), DuckDB {duck}.");
        }
    }
}
