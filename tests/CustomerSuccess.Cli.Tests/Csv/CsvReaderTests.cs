using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CustomerSuccess.Cli.Csv;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>The CSV reader on Sep: RFC 4180 fields, line numbers and the error contract (file, line, field).</summary>
public sealed class CsvReaderTests : CliRunner
{
    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_AndCrLf()
    {
        using var reader = CsvReader.FromText("t.csv", "name,note\r\n\"Contoso, Ltd\",\"said \"\"hi\"\"\"\r\n\"two\nlines\",x\r\n", "name");

        var first = reader.Read()!;
        Assert.Equal("Contoso, Ltd", first.Required("name"));
        Assert.Equal("said \"hi\"", first.Required("note"));
        Assert.Equal(2, first.Line);

        var second = reader.Read()!;
        Assert.Equal("two\nlines", second.Required("name"));
        Assert.Equal(3, second.Line);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void Read_ColumnsAreFoundByName_InAnyOrder()
    {
        using var reader = CsvReader.FromText("t.csv", "b,a\n2,1\n", "a", "b");
        var row = reader.Read()!;
        Assert.Equal("1", row.Required("a"));
        Assert.Null(row.Optional("c"));
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheLine()
    {
        using var reader = CsvReader.FromText("t.csv", "a\nok\n\"never closed\n", "a");
        reader.Read();
        var error = Assert.Throws<InputException>(() => reader.Read());
        Assert.Contains("t.csv, line 3, field 1: a quoted field is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlankRequiredValue_NamesLineAndField()
    {
        using var reader = CsvReader.FromText("t.csv", "a,b\n1,\n", "a", "b");
        var error = Assert.Throws<InputException>(() => reader.Read()!.Required("b"));
        Assert.Equal("t.csv, line 2, field 'b': the value is missing.", error.Message);
    }

    [Fact]
    public void Open_EmptyFile_SaysWhatHeaderIsExpected()
    {
        var error = Assert.Throws<InputException>(() => CsvReader.FromText("t.csv", string.Empty, "a", "b"));
        Assert.Contains("expected a header with a, b", error.Message, StringComparison.Ordinal);
    }

    private static List<(int Line, string[] Fields)> ReadAll(string text, params string[] columns)
    {
        using CsvReader reader = CsvReader.FromText("f.csv", text, columns);
        var rows = new List<(int, string[])>();
        while (reader.Read() is { } record)
        {
            rows.Add((record.Line, [.. columns.Select(c => record.Span(c).ToString())]));
        }

        return rows;
    }

    private static string Refused(string text, params string[] columns) =>
        Assert.Throws<InputException>(() => ReadAll(text, columns)).Message;

    [Fact]
    public void Fields_AreFoundByHeaderName_TrimmedAndUnquoted_WithTheirLines()
    {
        var rows = ReadAll("b, a\n1,2\n\n  \n\" x, \"\"y\"\" \",\"line\nbreak\"\r\n5,6\r\n", "a", "b");

        Assert.Equal(
            [(2, new[] { "2", "1" }), (5, new[] { "line\nbreak", "x, \"y\"" }), (7, new[] { "6", "5" })],
            rows.Select(r => (r.Line, r.Fields)).ToArray());
    }

    [Theory]
    [InlineData("a,b\n1,2\n\"x\"y,2\n", "f.csv, line 3, field 1: text after a closing quote")]
    [InlineData("a,b\n1,\"multi\nline\"z\n", "f.csv, line 3, field 2: text after a closing quote")]
    [InlineData("a,b\n1,2\n3,\"open\n4,5\n", "f.csv, line 3, field 2: a quoted field is not closed before the end of the file")]
    [InlineData("a,b\n1,2\n3\n", "f.csv, line 3: expected 2 fields as in the header, found 1")]
    [InlineData("a,b\n1,2,3\n", "f.csv, line 2: expected 2 fields as in the header, found 3")]
    [InlineData("a,a\n1,2\n", "f.csv, line 1, field 'a': the column appears twice in the header")]
    [InlineData("a,c\n1,2\n", "f.csv, line 1, field 'b': the header has no such column (it has a, c)")]
    [InlineData("", "f.csv, line 1: the file is empty")]
    [InlineData("a,b\n1,2\n\"x\ny\uFFFF\",2\n", "f.csv, line 4: the line is not valid UTF-8 text")]
    public void BadText_IsNamedByFileLineAndField(string text, string message)
    {
        Assert.StartsWith(message, Refused(text, "a", "b"), StringComparison.Ordinal);
    }

    [Fact]
    public void AFile_WithAByteOrderMarkAndInvalidBytes_IsReadFromDisk_NamingTheLineOfTheBadBytes()
    {
        byte[] good = [0xEF, 0xBB, 0xBF, .. "a,b\n1,2\n"u8.ToArray()];
        string path = Path.Combine(Folder, "f.csv");
        File.WriteAllBytes(path, [.. good, .. "3,"u8.ToArray(), 0xE9, .. "\n"u8.ToArray()]);

        using CsvReader reader = CsvReader.Open(path, "a", "b");
        Assert.Equal("2", reader.Read()!.Span("b").ToString());
        var e = Assert.Throws<InputException>(() => reader.Read());
        Assert.StartsWith($"{path}, line 3: the line is not valid UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void AnyFields_WrittenWithRfc4180Quoting_ReadBackAsTheyWere(NonEmptyArray<NonNull<string>> cells, bool crlf)
    {
        // The plain reference is the writer: quote a field when it holds a comma, a quote, a line break or edge spaces.
        string[] values = [.. cells.Get.Select(c => new string([.. c.Get.Where(ch => ch != '\uFFFF' && ch != '\r')]))];
        const int Columns = 3;
        string newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder("c0,c1,c2" + newline);
        var expected = new List<string[]>();
        for (int start = 0; start < values.Length; start += Columns)
        {
            string[] row = [.. Enumerable.Range(start, Columns).Select(i => i < values.Length ? values[i] : "v")];
            expected.Add([.. row.Select(v => v.Trim())]);
            text.Append(string.Join(',', row.Select(Quote))).Append(newline);
        }

        var read = ReadAll(text.ToString(), "c0", "c1", "c2").Select(r => r.Fields).ToArray();

        Assert.Equal(expected, read);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.Trim().Length != value.Length
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
