using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Cli.Csv;
using CustomerSuccess.Revenue;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// An MRR file read on several cores (issue 17, item 6): the file cut into ranges of whole rows, parsed at once, taken
/// in order. The plain reference is the one-core reader: the same rows, lines and first error, on any file.
/// </summary>
public sealed class ParallelMrrReadTests : CliRunner
{
    private static readonly string[] Accounts = ["acme", "globex", "\"Contoso, Ltd\"", "\"say \"\"hi\"\"\"", "initech", "umbrella"];
    private static readonly string[] Notes = ["", "plain", "\"two\nlines\"", "\"a,b\"", "\"three\r\nline\r\nnote\""];
    private static readonly string[] Bad = ["acme,2026-13,1,,", "acme,2026-01,-5,,", "acme,2026-01", "\"open,2026-01,1,,", "acme,2026-01,1x,,", "acme,2026-01,1,EURO,", "\"two\nlines\",2026-01,1,,"];

    private static Gen<string> Row() =>
        from account in Gen.Elements(Accounts)
        from month in Gen.Choose(1, 24)
        from cents in Gen.Choose(0, 100_000)
        from currency in Gen.Elements("", "USD", "EUR")
        from note in Gen.Elements(Notes)
        select string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{account},{new NodaTime.YearMonth(2025, 1).PlusMonths(month - 1):uuuu'-'MM},{cents / 100m},{currency},{note}");

    private static Gen<string> File() =>
        from rows in Gen.ListOf(Gen.Frequency((20, Row()), (1, Gen.Constant(string.Empty)), (1, Gen.Elements(Bad))))
        from crlf in Gen.Elements(false, true)
        let newline = crlf ? "\r\n" : "\n"
        select "account_id,month,mrr,currency,note" + newline + string.Concat(rows.Select(r => r + newline));

    // Everything a reader gives: each row with its line, then the error that ended them, if any.
    private static List<string> Read(Func<IEnumerable<(MrrRow Row, int Line)>> rows)
    {
        var seen = new List<string>();
        try
        {
            foreach ((MrrRow row, int line) in rows())
            {
                seen.Add($"{line}:{row.Account}|{row.Month}|{row.Mrr.Amount}|{row.Mrr.Currency}|{row.Group}");
            }
        }
        catch (InputException e)
        {
            seen.Add("error: " + e.Message);
        }

        return seen;
    }

    [Property(MaxTest = 200)]
    public Property AnyFile_ReadInRangesOnSeveralCores_GivesTheRowsLinesAndErrorOfOneCore()
    {
        return Prop.ForAll(File().ToArbitrary(), Gen.Choose(1, 64).ToArbitrary(), (text, rangeBytes) =>
        {
            string path = Write($"mrr-{Guid.NewGuid():N}.csv", text);
            List<string> one = Read(() => MrrCsv.ReadRows(path, null, Currency.USD));
            List<string> many = Read(() => MrrCsv.ReadRows(path, null, Currency.USD, threads: 3, rangeBytes));
            System.IO.File.Delete(path);
            return one.SequenceEqual(many);
        });
    }

    [Fact]
    public void AFileOfManyRanges_WithAGroupColumn_QuotesAndABadRowLate_ReadsAsOneCoreReadsIt()
    {
        var text = new StringBuilder("account_id,month,mrr,segment\r\n");
        for (int i = 0; i < 5_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"acct, {i % 97}\",2026-{(i % 12) + 1:D2},{i}.25,{(i % 3 == 0 ? "\"Mid\nMarket\"" : "SMB")}\r\n");
        }

        text.Append("acme,2026-01,not a number,SMB\r\nacme,2026-02,1,SMB\r\n");
        string path = Write("mrr.csv", text.ToString());

        Assert.True(CsvRanges.Split(path, 4096).Count > 20);
        List<string> one = Read(() => MrrCsv.ReadRows(path, "segment", Currency.USD));
        List<string> many = Read(() => MrrCsv.ReadRows(path, "segment", Currency.USD, threads: 4, rangeBytes: 4096));

        Assert.Equal(one, many);
        Assert.Equal(5_001, many.Count); // every row before the bad one, then its error
        Assert.Equal($"error: {path}, line {1 + 5_000 + 1_667 + 1}, field 'mrr': 'not a number' is not a number; write it like 1234.56 (a dot for decimals, no thousands separator), within 28 significant digits.", many[^1]);
    }

    [Fact]
    public void Split_CutsOnlyAtLineBreaksOutsideQuotes_AndGivesUpOnALoneCarriageReturn()
    {
        string path = Write("q.csv", "a,b\n1,\"x\ny\"\n2,z\n3,w\n");
        IReadOnlyList<CsvRange> ranges = CsvRanges.Split(path, 1);

        Assert.Equal([new CsvRange(4, 12, 2), new CsvRange(12, 16, 4), new CsvRange(16, 20, 5)], ranges);
        Assert.Empty(CsvRanges.Split(Write("cr.csv", "a,b\r1,2\r3,4\r"), 1));
        Assert.Empty(CsvRanges.Split(Write("one.csv", "a,b\n1,2\n"), 1 << 20)); // one range: not worth cutting
    }
}
