using System;
using System.IO;
using System.Text;
using Xunit;

namespace CustomerSuccess.Cli.Tests;

/// <summary>
/// The progress line: on a terminal only, after a second of work, wiped before the report; never in the report or the
/// error messages; silenced by --quiet. A clock that moves on each time it is read stands in for a slow run (the reader
/// reports every 8,192 rows).
/// </summary>
public sealed class ProgressTests : CliRunner
{
    private string MrrFile(int accounts)
    {
        var text = new StringBuilder("account_id,month,mrr\n");
        for (int a = 0; a < accounts; a++)
        {
            text.Append("acct-").Append(a).Append(",2025-01,100\n");
            text.Append("acct-").Append(a).Append(",2025-02,110\n");
        }

        return Write("mrr.csv", text.ToString());
    }

    private static (int Code, string Output, string Error, string Terminal) RunOnTerminal(TimeSpan step, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var terminal = new StringWriter();
        int code = CliApp.Run(args, output, error, terminal, new SteppingClock(step));
        return (code, output.ToString(), error.ToString(), terminal.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")] // the file read in ranges on two cores: the rows still counted for the whole file, in order
    public void ASlowRead_DrawsRowsRateAndElapsed_ThenComputing_AndWipesTheLineBeforeTheReport(string threads)
    {
        string mrr = MrrFile(50_000);

        var (code, output, error, terminal) = RunOnTerminal(TimeSpan.FromMilliseconds(200), "retention", "--mrr", mrr, "--threads", threads);

        Assert.Equal(0, code);
        Assert.Equal(Run("retention", "--mrr", mrr).Output, output);
        Assert.Equal("", error);
        Assert.Contains($"customersuccess retention: reading {mrr}: ", terminal, StringComparison.Ordinal);
        Assert.Matches(@"[0-9,]+ rows, [0-9,]+ rows/s; [0-9]+\.[0-9] s", terminal);
        Assert.Contains("100,000 rows read", terminal, StringComparison.Ordinal);
        Assert.Contains("computing...", terminal, StringComparison.Ordinal);
        Assert.Matches(@"\r +\r$", terminal); // wiped: the terminal is left with the report alone
    }

    [Fact]
    public void Quiet_DrawsNothing_AndChangesNothingElse()
    {
        string mrr = MrrFile(50_000);

        var (code, output, error, terminal) = RunOnTerminal(TimeSpan.FromMilliseconds(200), "retention", "--mrr", mrr, "--quiet");

        Assert.Equal(0, code);
        Assert.Equal(Run("retention", "--mrr", mrr).Output, output);
        Assert.Equal("", error);
        Assert.Equal("", terminal);
    }

    [Fact]
    public void WorkUnderASecond_DrawsNothing()
    {
        string mrr = MrrFile(50_000);

        var (_, _, _, terminal) = RunOnTerminal(TimeSpan.FromTicks(1), "retention", "--mrr", mrr);

        Assert.Equal("", terminal);
    }

    [Fact]
    public void BadInput_WipesTheLine_BeforeTheErrorIsWritten()
    {
        var text = new StringBuilder("account_id,month,mrr\n");
        for (int a = 0; a < 20_000; a++)
        {
            text.Append("acct-").Append(a).Append(",2025-01,100\n");
        }

        string mrr = Write("bad.csv", text.Append("acct-x,2025-13,100\n").ToString());

        var (code, output, error, terminal) = RunOnTerminal(TimeSpan.FromMilliseconds(600), "retention", "--mrr", mrr);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("line 20002, field 'month'", error, StringComparison.Ordinal);
        Assert.Matches(@"\r +\r$", terminal);
    }

    /// <summary>A clock that moves on by a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
