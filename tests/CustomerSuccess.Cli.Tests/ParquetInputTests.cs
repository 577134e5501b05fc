using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ParquetSharp;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The demo's files once as CSV and twice as Parquet written by ParquetSharp: every column as text, and every column in the
/// type a warehouse export gives it (decimals, integers, dates, UTC timestamps, doubles), in several row groups.
/// </summary>
public sealed class DemoParquetFiles : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cs-parquet-demo-").FullName;

    public DemoParquetFiles()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        if (CliApp.Run(["demo", "--out", Folder], output, error) != 0)
        {
            throw new InvalidOperationException(error.ToString());
        }

        foreach (string form in new[] { "text", "typed" })
        {
            Directory.CreateDirectory(Path.Combine(_root, form, "demo"));
        }

        foreach (string csv in Directory.GetFiles(Folder, "*.csv"))
        {
            string name = Path.GetFileNameWithoutExtension(csv);
            ParquetFiles.FromCsv(csv, File("text", name), ParquetFiles.AllText);
            ParquetFiles.FromCsv(csv, File("typed", name), ParquetFiles.Typed);
        }
    }

    /// <summary>
    /// Gets the folder of the CSV files and the demo's other files (model, rules). Each form's files are in a folder named
    /// demo: the portfolio's title names the accounts file's folder.
    /// </summary>
    public string Folder => Path.Combine(_root, "csv", "demo");

    /// <summary>A demo file: "csv" gives the CSV, "text" or "typed" the Parquet file of that form.</summary>
    public string File(string form, string name) =>
        form == "csv" ? Path.Combine(Folder, name + ".csv") : Path.Combine(_root, form, "demo", name + ".parquet");

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

/// <summary>Every CSV input of the tool is also read as Parquet (issue 17, item 4), with the same results and the same error contract.</summary>
public sealed class ParquetInputTests(DemoParquetFiles demo) : CliRunner, IClassFixture<DemoParquetFiles>
{
    // Each command over the demo files; "@name" is a demo input file, given as CSV or as Parquet.
    public static TheoryData<string, string> Commands => new()
    {
        { "portfolio", "--accounts @accounts --mrr @mrr --rates @rates" },
        { "portfolio csv", "--accounts @accounts --mrr @mrr --rates @rates --format csv" },
        { "retention", "retention --mrr @mrr --rates @rates" },
        { "retention by currency", "retention --mrr @mrr --rates @rates --by currency" },
        { "cohort-retention", "cohort-retention --mrr @mrr --rates @rates --from 2025-10 --to 2026-10" },
        { "mrr from subscriptions", "mrr --subscriptions @subscriptions" },
        { "movements from subscriptions", "movements --subscriptions @subscriptions" },
        { "retention from subscriptions", "retention --subscriptions @subscriptions --rates @rates" },
        { "cmrr", "cmrr --contracts @contracts --rates @rates --from 2025-10-31 --to 2026-10-31" },
        { "outcomes", "outcomes --mrr @mrr" },
        { "score", "score --model model.json --accounts @snapshots --as-of 2026-10-31T00:00:00Z" },
        { "backtest", "backtest --model model.json --history @snapshots --outcomes @outcomes --horizon 30d,90d" },
        { "alerts", "alerts --rules rules.txt --events @events --facts @facts --as-of 2026-10-31T23:59:59Z" },
        { "segment", "segment --where \"count(login, last 30d) < 5\" --events @events --facts @facts --as-of 2026-10-31T23:59:59Z" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryInput_AsParquet_GivesTheCsvOutput_ByteForByte(string name, string command)
    {
        var csv = Run(Args(command, "csv"));
        Assert.True(csv.Code == 0, $"{name}: {csv.Error}");
        Assert.NotEmpty(csv.Output);

        foreach (string form in new[] { "text", "typed" })
        {
            var parquet = Run(Args(command, form));
            Assert.True(parquet.Code == 0, $"{name} ({form}): {parquet.Error}");
            Assert.Equal(csv.Output, parquet.Output);
        }
    }

    [Fact]
    public void Plan_Measurements_AsParquet_GiveTheCsvOutput()
    {
        string examples = Path.Combine(AppContext.BaseDirectory, "docs", "examples");
        string csv = Path.Combine(examples, "measurements.csv");
        string parquet = Path.Combine(Folder, "measurements.parquet");
        ParquetFiles.FromCsv(csv, parquet, ParquetFiles.Typed);

        var expected = Run("plan", "--plan", Path.Combine(examples, "plan.json"), "--measurements", csv, "--as-of", "2026-12-08");
        var actual = Run("plan", "--plan", Path.Combine(examples, "plan.json"), "--measurements", parquet, "--as-of", "2026-12-08");

        Assert.Equal(0, expected.Code);
        Assert.Equal(expected.Output, actual.Output);
    }

    [Fact]
    public void MissingColumn_NamesTheFileAndTheColumn()
    {
        string path = Mrr(["account_id", "month"], ["a", "2026-01"]);

        AssertBadInput(Run("retention", "--mrr", path), "mrr.parquet, schema, field 'mrr': the schema has no such column (it has account_id, month).");
    }

    [Fact]
    public void NullInARequiredColumn_NamesTheRowAndTheField()
    {
        string path = Mrr(["account_id", "month", "mrr"], ["a", "2026-01", "10"], ["a", "2026-02", null]);

        AssertBadInput(Run("retention", "--mrr", path), "mrr.parquet, row 2, field 'mrr': the value is missing.");
    }

    [Fact]
    public void BadValue_InALaterRowGroup_NamesItsRowInTheFile()
    {
        var rows = Enumerable.Range(0, 25).Select(i => new string?[] { "a" + i, "2026-01", "10" }).ToList();
        rows[22][2] = "-5";
        string path = Path.Combine(Folder, "mrr.parquet");
        ParquetFiles.Write(path, ["account_id", "month", "mrr"], rows, ParquetFiles.Typed, rowGroupSize: 10);

        AssertBadInput(Run("retention", "--mrr", path), "mrr.parquet, row 23, field 'mrr': MRR cannot be negative (-5).");
    }

    [Fact]
    public void RowsNamedByOtherRows_AreRowsToo()
    {
        string path = Path.Combine(Folder, "facts.parquet");
        ParquetFiles.Write(path, ["account_id", "fact", "value"], [["a", "nps", "9"], ["b", "nps", "7"], ["a", "nps", "8"]], ParquetFiles.Typed);

        AssertBadInput(
            Run("segment", "--where", "fact(nps) < 8", "--events", demo.File("csv", "events"), "--facts", path, "--as-of", "2026-10-31T23:59:59Z"),
            "facts.parquet, row 3, field 'fact': fact 'nps' of account 'a' is also on row 1.");
    }

    [Fact]
    public void TimestampWithoutAZone_IsNotAnInstant()
    {
        string path = Path.Combine(Folder, "events.parquet");
        ParquetFiles.Write(path, ["account_id", "event", "occurred_at"], [["a", "login", "2026-01-01T09:30:00Z"]], c => c == "occurred_at" ? ParquetKind.LocalTimestamp : ParquetKind.Text);

        AssertBadInput(
            Run("segment", "--where", "count(login, last 30d) >= 1", "--events", path, "--as-of", "2026-01-02T00:00:00Z"),
            "events.parquet, row 1, field 'occurred_at': '2026-01-01T09:30:00' is not an ISO-8601 instant in UTC");
    }

    [Fact]
    public void TimestampWithAFraction_KeepsIt()
    {
        string path = Path.Combine(Folder, "events.parquet");
        ParquetFiles.Write(path, ["account_id", "event", "occurred_at"], [["a", "login", "2026-01-01T23:59:59.5Z"]], ParquetFiles.Typed);

        // Half a second before the as-of instant: inside the window only if the fraction is read.
        var (code, output, error) = Run("segment", "--where", "count(login, last 1d) >= 1", "--events", path, "--as-of", "2026-01-02T00:00:00Z");

        Assert.True(code == 0, error);
        Assert.Contains("a", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnOfATypeNoInputHolds_NamesTheColumnAndWhatToWriteInstead()
    {
        string path = Path.Combine(Folder, "mrr.parquet");
        using (var writer = new ParquetFileWriter(path, [new Column<string>("account_id"), new Column<string>("month"), new Column<TimeSpan>("mrr")]))
        {
            using RowGroupWriter group = writer.AppendRowGroup();
            Batch(group, new[] { "a" });
            Batch(group, new[] { "2026-01" });
            Batch(group, new[] { TimeSpan.FromHours(1) });
            writer.Close();
        }

        AssertBadInput(Run("retention", "--mrr", path), "mrr.parquet, row 1, field 'mrr': the column holds a time of day or an interval, which no input of this tool holds");
    }

    [Fact]
    public void ListColumn_IsRefused_WhenItIsRead()
    {
        string path = Path.Combine(Folder, "mrr.parquet");
        using (var writer = new ParquetFileWriter(path, [new Column<string>("account_id"), new Column<string>("month"), new Column<string>("mrr"), new Column<int[]>("tags")]))
        {
            using RowGroupWriter group = writer.AppendRowGroup();
            Batch(group, new[] { "a", "a" });
            Batch(group, new[] { "2026-01", "2026-02" });
            Batch(group, new[] { "10", "12" });
            Batch(group, new[] { new[] { 1, 2 }, [3] });
            writer.Close();
        }

        // A column nobody reads does not matter; the same column read as the breakdown is refused.
        Assert.Equal(0, Run("retention", "--mrr", path).Code);
        AssertBadInput(Run("retention", "--mrr", path, "--by", "tags"), "mrr.parquet, row 1, field 'tags': the column is a list, map or nested group");
    }

    [Fact]
    public void NotAParquetFile_SaysSo()
    {
        string path = Write("mrr.parquet", "account_id,month,mrr\na,2026-01,10\n");

        AssertBadInput(Run("retention", "--mrr", path), "mrr.parquet: not a readable Parquet file");
    }

    [Fact]
    public void MissingFile_NamesIt()
    {
        string path = Path.Combine(Folder, "absent.parquet");

        AssertBadInput(Run("retention", "--mrr", path), "absent.parquet: cannot be read");
    }

    [Fact]
    public void EmptyParquetFile_IsATableWithNoRows_AsAHeaderOnlyCsvIs()
    {
        string parquet = Mrr(["account_id", "month", "mrr"]);
        string csv = Write("mrr.csv", "account_id,month,mrr\n");

        var fromCsv = Run("retention", "--mrr", csv);
        var fromParquet = Run("retention", "--mrr", parquet);

        Assert.Equal(fromCsv.Code, fromParquet.Code);
        Assert.Equal(fromCsv.Output, fromParquet.Output);
        Assert.Equal(fromCsv.Error.Replace("mrr.csv", "mrr.parquet", StringComparison.Ordinal), fromParquet.Error);
    }

    private string[] Args(string command, string form) =>
        [.. CommandLineWords(command).Select(word =>
            word.StartsWith('@') ? demo.File(form, word[1..])
            : word is "model.json" or "rules.txt" ? Path.Combine(demo.Folder, word)
            : word)
            .Where(word => word != "portfolio")];

    private static IEnumerable<string> CommandLineWords(string command)
    {
        // Words split on spaces, a double-quoted word kept whole.
        string[] parts = command.Split('"');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                yield return parts[i];
                continue;
            }

            foreach (string word in parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
            }
        }
    }

    private string Mrr(string[] columns, params string?[][] rows)
    {
        string path = Path.Combine(Folder, "mrr.parquet");
        ParquetFiles.Write(path, columns, rows, ParquetFiles.Typed);
        return path;
    }

    private static void Batch<T>(RowGroupWriter group, T[] values)
    {
        using ColumnWriter column = group.NextColumn();
        using LogicalColumnWriter<T> writer = column.LogicalWriter<T>();
        writer.WriteBatch(values);
    }

    private static void AssertBadInput((int Code, string Output, string Error) run, string expected)
    {
        Assert.True(run.Code == 1, $"exit {run.Code}: {run.Error}");
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }
}
