using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The same weighted score in the same run: 1,000,000 accounts x 8 signals already measured, scored by the library's
/// columnar path, by a DuckDB in-process SQL query over the same rows in a table (loading is not timed), and by hand
/// with LINQ over a dictionary per account (the first 100,000 accounts: a million dictionaries would not fit this
/// machine's budget comfortably). Times are per account (<c>OperationsPerInvoke</c>), so the ratios compare like with
/// like. All three return the sum of the scores, which <see cref="Verify"/> compares first.
/// </summary>
[MemoryDiagnoser]
public class HealthVersusDuckDbBenchmarks
{
    private const int Accounts = 1_000_000;
    private const int LinqAccounts = 100_000;
    private static readonly double[] SignalWeights = [2, 1, 1, 1, 1, 2, 1, 1];

    private double[][] _columns = [];
    private HealthScore[] _scores = [];
    private HealthScorer<object> _scorer = null!;
    private DuckDBConnection _duck = null!;
    private string _sql = string.Empty;
    private Dictionary<string, double>[] _rawByAccount = [];
    private Dictionary<string, (double Weight, string Group)> _handModel = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _columns = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, Accounts).Select(_ => random.NextDouble() * 120).ToArray()).ToArray();
        _scores = new HealthScore[Accounts];
        HealthModel.Builder model = HealthModel.CreateBuilder("duck");
        for (int i = 0; i < 8; i++)
        {
            model.AddSignal(new HealthSignalDefinition(new SignalId($"s{i}"), Curve.Linear(0, 100), SignalWeights[i], $"g{i % 4}"));
        }

        _handModel = Enumerable.Range(0, 8).ToDictionary(i => $"s{i}", i => (SignalWeights[i], $"g{i % 4}"));
        _rawByAccount = Enumerable.Range(0, LinqAccounts).Select(r => Enumerable.Range(0, 8).ToDictionary(i => $"s{i}", i => _columns[i][r])).ToArray();
        _scorer = HealthScorer.Create(model.Build(), Enumerable.Range(0, 8).Select(i => Signal.Create<object>(new SignalId($"s{i}"), SignalTiming.Lagging, static (_, _) => SignalValue.Missing("columns only"))));

        // Four groups of weight 1, each with two signals: signal i's share is 1/4 x w_i / (w_g + w_{g+4}).
        string terms = string.Join(" + ", Enumerable.Range(0, 8).Select(i =>
        {
            double share = 0.25 * SignalWeights[i] / (SignalWeights[i % 4] + SignalWeights[(i % 4) + 4]);
            return FormattableString.Invariant($"{share:R} * LEAST(GREATEST(s{i}, 0), 100)");
        }));
        _sql = $"SELECT SUM(LEAST(GREATEST({terms}, 0), 100)) FROM accounts";

        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using (DuckDBCommand create = _duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE accounts (s0 DOUBLE, s1 DOUBLE, s2 DOUBLE, s3 DOUBLE, s4 DOUBLE, s5 DOUBLE, s6 DOUBLE, s7 DOUBLE)";
            create.ExecuteNonQuery();
        }

        using DuckDBAppender appender = _duck.CreateAppender("accounts");
        for (int r = 0; r < Accounts; r++)
        {
            var row = appender.CreateRow();
            for (int i = 0; i < 8; i++)
            {
                row.AppendValue(_columns[i][r]);
            }

            row.EndRow();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Accounts)]
    public double Library()
    {
        _scorer.ScoreColumns(_columns, Instant.FromUtc(2026, 1, 1, 0, 0), _scores);
        return Sum(_scores, Accounts);
    }

    [Benchmark(OperationsPerInvoke = LinqAccounts)]
    public double HandWrittenLinq()
    {
        // What one writes without the library: per account, score each signal, average per group, average the groups.
        double sum = 0;
        foreach (Dictionary<string, double> raw in _rawByAccount)
        {
            sum += Math.Clamp(
                _handModel
                    .Where(m => raw.ContainsKey(m.Key))
                    .Select(m => (m.Value.Group, m.Value.Weight, Score: Math.Clamp(raw[m.Key], 0, 100)))
                    .GroupBy(x => x.Group)
                    .Select(g => g.Sum(x => x.Weight * x.Score) / g.Sum(x => x.Weight))
                    .Average(),
                0,
                100);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Accounts)]
    public double DuckDb()
    {
        using DuckDBCommand query = _duck.CreateCommand();
        query.CommandText = _sql;
        return Convert.ToDouble(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Checks, once, that all three compute the same scores before they are timed against each other.</summary>
    public void Verify()
    {
        Setup();
        double library = Library(), duck = DuckDb(), linq = HandWrittenLinq();
        _scorer.ScoreColumns(_columns, Instant.FromUtc(2026, 1, 1, 0, 0), _scores);
        double libraryOnLinqAccounts = Sum(_scores, LinqAccounts);
        Cleanup();
        if (Math.Abs(library - duck) > 1e-6 * Math.Abs(library))
        {
            throw new InvalidOperationException($"The library sums the scores to {library}, DuckDB to {duck}.");
        }

        if (Math.Abs(libraryOnLinqAccounts - linq) > 1e-6 * Math.Abs(linq))
        {
            throw new InvalidOperationException($"On the first {LinqAccounts} accounts the library sums the scores to {libraryOnLinqAccounts}, the LINQ version to {linq}.");
        }
    }

    private static double Sum(HealthScore[] scores, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += scores[i].Value;
        }

        return sum;
    }
}
