using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using CustomerSuccess.Cli.Csv;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The fuzz corpus's CSV files, committed as typed Parquet files written by ParquetSharp (Parquet/corpus), and the
/// commands over them. With <c>CS_CLI_BINARY</c> set to a built tool (CI sets it to the native one), the Parquet runs go
/// through that program, so the native build is proved on every column type the tool reads.
/// </summary>
public sealed class ParquetCorpusTests : CliRunner
{
    // The corpus files that are tables, and the commands over them ("@name" is a corpus file: CSV, or its Parquet twin).
    private static readonly string[] Tables =
        ["accounts", "contracts", "events", "facts", "health", "measurements", "mrr", "outcomes", "rates", "snapshots", "subscriptions"];

    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus");
    private static readonly string ParquetFolder = Path.Combine(AppContext.BaseDirectory, "Parquet", "corpus");

    public static TheoryData<string> Commands => new()
    {
        "retention --mrr @mrr --rates @rates --by csm",
        "cohort-retention --mrr @mrr --rates @rates --from 2026-01 --to 2026-03 --by csm",
        "portfolio --accounts @accounts --mrr @mrr --rates @rates",
        "cmrr --contracts @contracts --rates @rates --from 2025-12-31 --to 2026-03-31",
        "score --model model.json --accounts @health --explain --as-of 2026-10-31T00:00:00Z",
        "alerts --rules rules.txt --events @events --facts @facts --as-of 2026-10-31T23:59:59Z --format json",
        "segment --where absent(login,last_30d) --events @events --as-of 2026-10-31T23:59:59Z",
        "plan --plan plan.json --measurements @measurements --as-of 2026-12-08",
        "backtest --model predictive-model.json --history @snapshots --outcomes @outcomes --horizon 30d,60d",
        "outcomes --mrr @mrr --observed-until 2026-06-30",
        "mrr --subscriptions @subscriptions --zone Europe/Berlin",
        "movements --subscriptions @subscriptions --from 2025-01 --to 2026-01 --discounts ignore",
    };

    [Fact]
    public void Fixtures_HoldTheCorpusFiles_RowForRow()
    {
        // CS_WRITE_PARQUET_FIXTURES=1 writes them again into the source tree (after a change to the corpus).
        if (Environment.GetEnvironmentVariable("CS_WRITE_PARQUET_FIXTURES") == "1")
        {
            string source = Path.Combine(SourceFolder(), "Parquet", "corpus");
            Directory.CreateDirectory(source);
            foreach (string table in Tables)
            {
                ParquetFiles.FromCsv(Path.Combine(SourceFolder(), "Fuzz", "corpus", table + ".csv"), Path.Combine(source, table + ".parquet"), ParquetFiles.Typed, rowGroupSize: 3);
            }

            return;
        }

        foreach (string table in Tables)
        {
            Assert.Equal(Rows(Path.Combine(CorpusFolder, table + ".csv")), Rows(Path.Combine(ParquetFolder, table + ".parquet")));
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryCommand_OnTheParquetCorpus_GivesItsCsvOutput(string command)
    {
        var csv = Run(Args(command, parquet: false));
        Assert.True(csv.Code == 0, csv.Error);

        var parquet = Environment.GetEnvironmentVariable("CS_CLI_BINARY") is { Length: > 0 } binary
            ? RunProgram(binary, Args(command, parquet: true))
            : Run(Args(command, parquet: true));

        Assert.True(parquet.Code == 0, parquet.Error);
        Assert.Equal(csv.Output, parquet.Output);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static List<string> Rows(string path)
    {
        using TableReader reader = TableReader.Open(path);
        var rows = new List<string> { string.Join(',', reader.Columns) };
        while (reader.Read() is { } record)
        {
            rows.Add(string.Join(',', reader.Columns.Select(c => Normal(record.Optional(c)))));
        }

        return rows;
    }

    // A number by its value: a DECIMAL column has one scale, so 29000 in the CSV is 29000.00 in the Parquet file.
    private static string Normal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value)
            ? value.ToString("0.############################", CultureInfo.InvariantCulture)
            : text ?? string.Empty;

    private static string[] Args(string command, bool parquet) =>
        [.. command.Split(' ').Select(word =>
            word.StartsWith('@') ? (parquet ? Path.Combine(ParquetFolder, word[1..] + ".parquet") : Path.Combine(CorpusFolder, word[1..] + ".csv"))
            : word.EndsWith(".json", StringComparison.Ordinal) || word.EndsWith(".txt", StringComparison.Ordinal) ? Path.Combine(CorpusFolder, word)
            : word.Replace('_', ' '))];

    private static (int Code, string Output, string Error) RunProgram(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
