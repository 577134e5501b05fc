using System;
using CustomerSuccess.Cli.Csv;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

public class CsvReaderTests
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
}
