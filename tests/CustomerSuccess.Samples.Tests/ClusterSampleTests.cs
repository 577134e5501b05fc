using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace CustomerSuccess.Samples.Tests;

public class ClusterSampleTests
{
    [Fact]
    public void Main_OneSiloOneDay_PrintsItsThroughputTable()
    {
        // The sample as a user runs it (a real silo on localhost TCP), on one day of the demo's events.
        MethodInfo main = typeof(Cluster.DemoPortfolio).Assembly.EntryPoint!;
        TextWriter console = Console.Out;
        using var output = new StringWriter();
        try
        {
            Console.SetOut(output);
            main.Invoke(null, [new[] { "--silos", "1", "--days", "1", "--concurrency", "16" }]);
        }
        finally
        {
            Console.SetOut(console);
        }

        string[] lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        string header = Assert.Single(lines, l => l.StartsWith("Silos", StringComparison.Ordinal));
        Assert.Contains("Events/s", header, StringComparison.Ordinal);
        string[] row = lines.Single(l => l.TrimStart().StartsWith("1 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(int.Parse(row[1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 1000, string.Join(" ", row));
        Assert.True(double.Parse(row[3], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(12, row.Length);
    }
}
