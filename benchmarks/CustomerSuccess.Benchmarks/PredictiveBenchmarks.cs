using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerSuccess.Cli;
using CustomerSuccess.HealthScoring;
using CustomerSuccess.Signals;
using NodaTime;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// Predictive truth at scale: about 1,000,000 snapshots of 53,600 accounts (20 monthly snapshots each, fewer for those
/// that churn), 10 signals, one in five accounts churning. Each operation takes seconds, so each is measured a few times
/// (monitoring strategy), single-threaded as the code is.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PredictiveBenchmarks
{
    private const int Accounts = 53_600; // about 18.7 snapshots each: 1.0 million in all (the setup prints the count)
    private const int SnapshotsPerAccount = 20;
    private const int Signals = 10;

    private HealthScorer<double[]> _scorer = null!;
    private ChurnHistory<double[]> _history = null!;
    private SignalId[] _signals = [];
    private string _snapshotsPath = string.Empty;
    private string _outcomesPath = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _signals = new SignalId[Signals];
        var model = HealthModel.CreateBuilder("bench");
        var plugins = new ISignal<double[]>[Signals];
        for (int i = 0; i < Signals; i++)
        {
            int column = i;
            _signals[i] = new SignalId($"signal.s{i}");
            model.AddSignal(new HealthSignalDefinition(_signals[i], Curve.Linear(0, 1)));
            plugins[i] = Signal.Create<double[]>(_signals[i], SignalTiming.Lagging, (row, _) => SignalValue.Of(row[column]));
        }

        _scorer = HealthScorer.Create(model.Build(), plugins);
        (List<HealthSnapshot<double[]>> snapshots, List<ChurnOutcome> outcomes) = Generate();
        _history = new ChurnHistory<double[]>(snapshots, outcomes);
        (_snapshotsPath, _outcomesPath) = WriteCsv(snapshots, outcomes);
        Console.WriteLine($"// {snapshots.Count:N0} snapshots of {outcomes.Count:N0} accounts, {Signals} signals; snapshot file {new FileInfo(_snapshotsPath).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_snapshotsPath);
        File.Delete(_outcomesPath);
    }

    /// <summary>`backtest`'s summary and bands at one horizon: labels, scores, AUC with a 500-resample bootstrap, bands, deciles.</summary>
    [Benchmark]
    public double? Backtest90Days() => HealthBacktest.Run(_scorer, _history, 90).Auc;

    /// <summary>`backtest`'s signals table: each signal's AUC at three horizons.</summary>
    [Benchmark]
    public int LeadTime30To180Days() => SignalLeadTime.Analyze(_scorer, _history, 30, 90, 180).Count;

    /// <summary>`fit`: the weights, 5-fold cross-validated.</summary>
    [Benchmark]
    public double? Fit90Days() => HealthModelFitter.Fit(_scorer, _history, 90).Provenance.CrossValidatedAuc;

    /// <summary>The command line's reading of the two files into a history, checked line by line.</summary>
    [Benchmark]
    public int ReadSnapshotCsv() => Predictive.ReadHistory(_snapshotsPath, _outcomesPath, _signals).Snapshots.Count;

    private static (List<HealthSnapshot<double[]>>, List<ChurnOutcome>) Generate()
    {
        var random = new Random(20261201);
        var start = new LocalDate(2024, 1, 1);
        var end = start.PlusDays(30 * SnapshotsPerAccount);
        var snapshots = new List<HealthSnapshot<double[]>>(Accounts * SnapshotsPerAccount);
        var outcomes = new List<ChurnOutcome>(Accounts);
        for (int a = 0; a < Accounts; a++)
        {
            var account = new AccountId($"acct-{a:D6}");
            bool churns = random.NextDouble() < 0.2;
            LocalDate? churnedOn = churns ? start.PlusDays(random.Next(200, 30 * SnapshotsPerAccount)) : null;
            outcomes.Add(new ChurnOutcome(account, churnedOn, end));
            for (int k = 0; k < SnapshotsPerAccount; k++)
            {
                LocalDate asOf = start.PlusDays(30 * k);
                if (churnedOn is { } c && asOf >= c)
                {
                    break;
                }

                var raw = new double[Signals];
                for (int i = 0; i < Signals; i++)
                {
                    raw[i] = Math.Round((churns && i < 3 ? 0.4 : 0.6) + ((random.NextDouble() - 0.5) * 0.6), 3);
                }

                snapshots.Add(new HealthSnapshot<double[]>(account, asOf, raw));
            }
        }

        return (snapshots, outcomes);
    }

    private (string Snapshots, string Outcomes) WriteCsv(List<HealthSnapshot<double[]>> snapshots, List<ChurnOutcome> outcomes)
    {
        string snapshotsPath = Path.Combine(Path.GetTempPath(), $"bench-snapshots-{Environment.ProcessId}.csv");
        string outcomesPath = Path.Combine(Path.GetTempPath(), $"bench-outcomes-{Environment.ProcessId}.csv");
        using (var writer = new StreamWriter(snapshotsPath, append: false, new UTF8Encoding(false)))
        {
            writer.Write("account_id,as_of");
            foreach (SignalId id in _signals)
            {
                writer.Write(',');
                writer.Write(id.Value);
            }

            writer.WriteLine();
            foreach (HealthSnapshot<double[]> snapshot in snapshots)
            {
                writer.Write(snapshot.Account.Value);
                writer.Write(',');
                writer.Write(snapshot.AsOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                foreach (double value in snapshot.State)
                {
                    writer.Write(',');
                    writer.Write(value.ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteLine();
            }
        }

        using (var writer = new StreamWriter(outcomesPath, append: false, new UTF8Encoding(false)))
        {
            writer.WriteLine("account_id,churned_on,observed_until");
            foreach (ChurnOutcome outcome in outcomes)
            {
                writer.WriteLine($"{outcome.Account.Value},{outcome.ChurnedOn?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)},{outcome.ObservedUntil.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
            }
        }

        return (snapshotsPath, outcomesPath);
    }
}
