using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;

namespace CustomerSuccess.Benchmarks;

/// <summary>
/// The same million rows read from a CSV file by the command line's reader (`customersuccess retention`): file to
/// monthly report, grouped by account as exports usually are.
/// </summary>
[MemoryDiagnoser]
public class MrrCsvBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup() => _path = MrrData.WriteCsv(MrrData.Rows(RowOrder.Grouped));

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public Ratio CsvFileToMovements()
    {
        MrrHistory history = MrrFile.Read(_path, null, new MrrOptions(), MonthSpan.DefaultMaxMonths).History;
        return history.Movements(MrrData.First, MrrData.Last).Total(MrrData.Last).Nrr;
    }
}
