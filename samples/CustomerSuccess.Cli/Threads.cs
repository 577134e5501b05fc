using System;
using System.Globalization;
using System.Threading.Tasks;

namespace CustomerSuccess.Cli;

/// <summary>
/// <c>--threads N</c>: how many cores a command's parallel work may use (default: all of them). The work is split into
/// parts whose results do not depend on the split, so the output is the same bytes at any count.
/// </summary>
internal static class Threads
{
    public const string Option = "threads";

    /// <summary>The option's help line, its text starting at <paramref name="column"/> as the command's other lines do.</summary>
    public static string Help(int column) => "  " + "--threads <n>".PadRight(column - 2) + "the most cores to use (default: all); the output is the same at any count";

    /// <summary>Reads <c>--threads</c>, or the machine's processor count.</summary>
    public static int Read(CommandLine line)
    {
        if (line.Value(Option) is not { } text)
        {
            return Environment.ProcessorCount;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int threads) && threads is >= 1 and <= 1024
            ? threads
            : throw new UsageException($"--{Option} must be a whole number from 1 to 1024, not '{CliText.Quote(text)}'.");
    }

    /// <summary>Runs <paramref name="part"/> over [0, <paramref name="count"/>) in parts of at least <paramref name="grain"/> items on up to <paramref name="threads"/> threads.</summary>
    public static void For(int count, int threads, int grain, Action<int, int> part)
    {
        int parts = Math.Max(1, Math.Min(threads * 4, (count + grain - 1) / grain));
        if (threads == 1 || parts == 1)
        {
            part(0, count);
            return;
        }

        int size = (count + parts - 1) / parts;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            int start = p * size;
            if (start < count)
            {
                part(start, Math.Min(size, count - start));
            }
        });
    }
}
