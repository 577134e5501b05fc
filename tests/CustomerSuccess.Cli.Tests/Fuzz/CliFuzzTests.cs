using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerSuccess.Cli.Tests.Fuzz;

/// <summary>
/// Hostile input for every command: mutations of the small valid inputs in Fuzz/corpus (truncation, byte flips, swapped and
/// duplicated fields and lines, huge and tiny numbers, invalid UTF-8, far months and instants, empty option values). Whatever
/// the input, the tool answers with exit 0, 1 or 2, never a stack trace, nothing on stdout when it fails, and an exit-1
/// message that says where the fault is. The seeds are fixed, so a failure reproduces; the case is in the message.
/// </summary>
public sealed partial class CliFuzzTests : IDisposable
{
    private const int Cases = 150;

    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus");

    // Values that have broken tools like this one: beyond decimal, beyond double, more digits than a decimal holds, far
    // dates and instants, empty, blank, quotes, separators, control characters, a value far longer than any message quotes.
    private static readonly string[] Hostile =
    [
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335", "1e308", "-1e308", "1e30",
        "1.7976931348623157e308", "4.9e-324", "1e-30", "0.00000000000000000000000000001", "1.00000000000000000000000000001", "0.00001",
        "-0", "NaN", "Infinity", "-Infinity", "0", "-1", "18446744073709551616", "9999-12", "0001-01", "-0001-01", "2026-13", "9999-12-31",
        "0001-01-01", "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "", " ", "\t",
        "\"", "\"\"", ",", "a\"b", "\u0000", "\u001b[31m", new string('x', 5_000), "<script>alert(1)</script>", "1,5", "١٢٣",
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xE9], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xEF, 0xBF, 0xBF]];

    private static readonly CommandCase[] Commands =
    [
        new("retention", ["retention", "--mrr", "@mrr.csv", "--rates", "@rates.csv", "--by", "csm"]),
        new("retention-json", ["retention", "--mrr", "@mrr.csv", "--rates", "@rates.csv", "--format", "json", "--max-months", "1200"]),
        new("cohort-retention", ["cohort-retention", "--mrr", "@mrr.csv", "--rates", "@rates.csv", "--from", "2026-01", "--to", "2026-03", "--by", "csm"]),
        new("portfolio", ["portfolio", "--accounts", "@accounts.csv", "--mrr", "@mrr.csv", "--rates", "@rates.csv"]),
        new("portfolio-csv", ["portfolio", "--accounts", "@accounts.csv", "--mrr", "@mrr.csv", "--rates", "@rates.csv", "--format", "csv", "--month", "2026-02"]),
        new("cmrr", ["cmrr", "--contracts", "@contracts.csv", "--rates", "@rates.csv", "--from", "2025-12-31", "--to", "2026-03-31"]),
        new("score", ["score", "--model", "@model.json", "--accounts", "@health.csv", "--explain", "--as-of", "2026-10-31T00:00:00Z"]),
        new("alerts", ["alerts", "--rules", "@rules.txt", "--events", "@events.csv", "--facts", "@facts.csv", "--as-of", "2026-10-31T23:59:59Z"]),
        new("alerts-json", ["alerts", "--rules", "@rules.json", "--events", "@events.csv", "--facts", "@facts.csv", "--as-of", "2026-10-31T23:59:59Z", "--format", "json"]),
        new("segment", ["segment", "--where", "sum(purchase, last 30d) >= 19.96 or absent(login, last 30d)", "--events", "@events.csv", "--as-of", "2026-10-31T23:59:59Z"]),
        new("plan", ["plan", "--plan", "@plan.json", "--measurements", "@measurements.csv", "--as-of", "2026-12-08", "--charts", "@charts"]),
        new("backtest", ["backtest", "--model", "@predictive-model.json", "--history", "@snapshots.csv", "--outcomes", "@outcomes.csv", "--horizon", "30d,60d"]),
        new("fit", ["fit", "--history", "@snapshots.csv", "--outcomes", "@outcomes.csv", "--horizon", "60d", "--out", "@fitted.json"]),
        new("outcomes", ["outcomes", "--mrr", "@mrr.csv", "--observed-until", "2026-06-30"]),
        new("mrr", ["mrr", "--subscriptions", "@subscriptions.csv", "--zone", "Europe/Berlin"]),
        new("movements", ["movements", "--subscriptions", "@subscriptions.csv", "--from", "2025-01", "--to", "2026-01", "--discounts", "ignore"]),
        new("demo", ["demo", "--out", "@demo-out", "--seed", "x"]),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("cs-cli-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Property(MaxTest = Cases, Replay = "(11634812937265001743,13246541117733390153)")]
    public Property Retention() => Fuzz("retention");

    [Property(MaxTest = Cases, Replay = "(4212881212467700731,9924481913214449977)")]
    public Property RetentionJson() => Fuzz("retention-json");

    [Property(MaxTest = Cases, Replay = "(7251306571309126451,3361727461924418861)")]
    public Property CohortRetention() => Fuzz("cohort-retention");

    [Property(MaxTest = Cases, Replay = "(17014211912245419733,5514125611813711369)")]
    public Property Portfolio() => Fuzz("portfolio");

    [Property(MaxTest = Cases, Replay = "(2934812093813301281,8135112061211932757)")]
    public Property PortfolioCsv() => Fuzz("portfolio-csv");

    [Property(MaxTest = Cases, Replay = "(12395612334180312211,6120418411292011003)")]
    public Property Cmrr() => Fuzz("cmrr");

    [Property(MaxTest = Cases, Replay = "(5532179015461193717,10091128345511219371)")]
    public Property Score() => Fuzz("score");

    [Property(MaxTest = Cases, Replay = "(9818243115237715119,1513372203412209521)")]
    public Property Alerts() => Fuzz("alerts");

    [Property(MaxTest = Cases, Replay = "(14315512381929117779,7723916218821230143)")]
    public Property AlertsJson() => Fuzz("alerts-json");

    [Property(MaxTest = Cases, Replay = "(3317712930151127711,16129511307415121011)")]
    public Property Segment() => Fuzz("segment");

    [Property(MaxTest = Cases, Replay = "(8813123457128811311,2201953181232129877)")]
    public Property Plan() => Fuzz("plan");

    [Property(MaxTest = Cases, Replay = "(15123901237712390121,4412398127712390127)")]
    public Property Backtest() => Fuzz("backtest");

    [Property(MaxTest = Cases, Replay = "(9912312397123901231,7712390123981237711)")]
    public Property Fit() => Fuzz("fit");

    [Property(MaxTest = Cases, Replay = "(3312390123771239011,1239012398123901237)")]
    public Property Outcomes() => Fuzz("outcomes");

    [Property(MaxTest = Cases, Replay = "(4412390127123901271,8812390123712390123)")]
    public Property Mrr() => Fuzz("mrr");

    [Property(MaxTest = Cases, Replay = "(2212390123881239017,5512390129912390121)")]
    public Property Movements() => Fuzz("movements");

    [Property(MaxTest = 40, Replay = "(6012111311321513213,1211139751329111111)")]
    public Property Demo() => Fuzz("demo");

    [Fact]
    public void Corpus_IsValidInputForEveryCommand()
    {
        // The mutations start from inputs that work; otherwise the suite would only ever test the first error.
        foreach (CommandCase command in Commands.Where(c => c.Name != "demo"))
        {
            string[] args = Materialise(command, []);
            var (code, output, error) = Run(args);
            Assert.True(code == 0, $"{command.Name}: exit {code}: {error}");
            Assert.NotEmpty(output);
        }
    }

    private Property Fuzz(string name)
    {
        CommandCase command = Commands.Single(c => c.Name == name);
        Gen<Mutation> mutation =
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from file in Gen.Choose(0, Math.Max(0, command.Files.Length - 1))
            from position in Gen.Choose(0, int.MaxValue - 1)
            from pick in Gen.Choose(0, int.MaxValue - 1)
            from other in Gen.Choose(0, int.MaxValue - 1)
            select new Mutation(kind, file, position, pick, other);

        // One mutation mostly; sometimes two or three together (a huge rate and a huge amount, a bad value in two files).
        Gen<Mutation[]> mutations = from count in Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
                                    from chain in mutation.ArrayOf(count)
                                    select chain;
        return Prop.ForAll(mutations.ToArbitrary(), chain => Check(command, chain));
    }

    private void Check(CommandCase command, Mutation[] mutations)
    {
        string[] args = Materialise(command, mutations);

        // --debug changes nothing for exit 0, 1 and 2; for a bug (exit 3) it puts the stack trace into the failure message.
        var (code, output, error) = Run([.. args, "--debug"]);
        string what = $"{command.Name} {string.Join(" then ", mutations.Select(m => m.ToString()))}: exit {code}\nstderr: {(code == 3 ? error : Shorten(error))}";

        Assert.True(code is 0 or 1 or 2, what);
        Assert.False(StackFrame().IsMatch(error), $"{what}\na stack trace");
        Assert.False(error.Contains("(Parameter '", StringComparison.Ordinal), $"{what}\n.NET's vocabulary in a message");
        Assert.False(error.Contains("System.", StringComparison.Ordinal), $"{what}\n.NET's vocabulary in a message");
        Assert.False(error.Contains("Exception", StringComparison.Ordinal), $"{what}\n.NET's vocabulary in a message");
        if (code != 0)
        {
            Assert.True(output.Length == 0, $"{what}\nstdout is not empty on failure: {Shorten(output)}");
            Assert.True(error.Length > 0, what);
        }

        if (code == 1)
        {
            Assert.True(NamesTheFault().IsMatch(error), $"{what}\nthe message does not say where the fault is");
        }

        foreach (Match quoted in QuotedValue().Matches(error))
        {
            Assert.True(quoted.Groups["value"].Length <= CliText.MaxQuoted + 3, $"{what}\na quoted value is longer than {CliText.MaxQuoted} characters");
        }
    }

    // Copies the corpus into the scratch folder (with the mutations of its files and option values) and returns the arguments.
    private string[] Materialise(CommandCase command, IReadOnlyList<Mutation> mutations)
    {
        var args = new List<string>();
        for (int i = 0; i < command.Args.Length; i++)
        {
            string arg = command.Args[i];
            if (!arg.StartsWith('@'))
            {
                args.Add(arg);
                continue;
            }

            string file = arg[1..];
            string path = Path.Combine(_folder, file);
            if (File.Exists(Path.Combine(Corpus, file)))
            {
                byte[] bytes = File.ReadAllBytes(Path.Combine(Corpus, file));
                foreach (Mutation m in mutations.Where(m => m.Kind != MutationKind.OptionValue && command.Files.Length > 0 && command.Files[m.File % command.Files.Length] == file))
                {
                    bytes = Mutate(bytes, m);
                }

                File.WriteAllBytes(path, bytes);
            }

            args.Add(path);
        }

        foreach (Mutation option in mutations.Where(m => m.Kind == MutationKind.OptionValue))
        {
            int[] values = Enumerable.Range(1, args.Count - 1).Where(i => args[i - 1].StartsWith("--", StringComparison.Ordinal) && !args[i].StartsWith("--", StringComparison.Ordinal)).ToArray();
            if (values.Length == 0)
            {
                break;
            }

            int at = values[option.Position % values.Length];
            if (option.Pick % 3 == 0)
            {
                // --name= (an empty inline value)
                args[at - 1] += "=";
                args.RemoveAt(at);
            }
            else
            {
                args[at] = Hostile[option.Other % Hostile.Length];
            }
        }

        return [.. args];
    }

    private static byte[] Mutate(byte[] bytes, Mutation m)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        int at = m.Position % bytes.Length;
        switch (m.Kind)
        {
            case MutationKind.Truncate:
                return bytes[..at];
            case MutationKind.FlipByte:
                byte[] flipped = (byte[])bytes.Clone();
                flipped[at] ^= (byte)(1 + (m.Pick % 255));
                return flipped;
            case MutationKind.InvalidUtf8:
                byte[] invalid = InvalidUtf8[m.Pick % InvalidUtf8.Length];
                return [.. bytes[..at], .. invalid, .. bytes[at..]];
            default:
                string text = Encoding.UTF8.GetString(bytes);
                return Encoding.UTF8.GetBytes(MutateText(text, m));
        }
    }

    private static string MutateText(string text, Mutation m)
    {
        List<string> lines = [.. text.Split('\n')];
        int line = m.Position % lines.Count;
        switch (m.Kind)
        {
            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case MutationKind.SwapFields:
            {
                string[] fields = lines[line].Split(',');
                int a = m.Pick % fields.Length, b = m.Other % fields.Length;
                (fields[a], fields[b]) = (fields[b], fields[a]);
                lines[line] = string.Join(',', fields);
                return string.Join('\n', lines);
            }

            case MutationKind.DuplicateField:
            {
                List<string> fields = [.. lines[line].Split(',')];
                int a = m.Pick % fields.Count;
                fields.Insert(a, fields[a]);
                lines[line] = string.Join(',', fields);
                return string.Join('\n', lines);
            }

            case MutationKind.HostileValue:
            {
                // A CSV field, or the value of a JSON property: whatever sits between separators on that line.
                MatchCollection tokens = Token().Matches(lines[line]);
                if (tokens.Count == 0)
                {
                    return text;
                }

                Match token = tokens[m.Pick % tokens.Count];
                string hostile = Hostile[m.Other % Hostile.Length];
                lines[line] = lines[line][..token.Index] + hostile + lines[line][(token.Index + token.Length)..];
                return string.Join('\n', lines);
            }

            default: // BlankLines: whitespace-only lines, which are blank
                lines.Insert(line, m.Pick % 2 == 0 ? "   " : "\t \r");
                return string.Join('\n', lines);
        }
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    // Exit 1 names where: a line, a field, a JSON path, or the account, signal, rule, metric, group, gate, band or model at fault, or
    // the file when it cannot be read (or, for a command's output file, written) at all.
    [GeneratedRegex(@"[Ll]ine \d+|field '|\$[.\[]|account '|signal '|[Rr]ule '|[Mm]etric '|line '|group '|gate |[Bb]and |[Bb]ands: |[Hh]ealth model '|: cannot be read: |': cannot be written: |cannot create the folder|cannot write the charts")]
    private static partial Regex NamesTheFault();

    // A quoted value: opened after a space or bracket, closed before a space, punctuation or the end.
    [GeneratedRegex(@"(?<=^|[\s(\[])'(?<value>[^'\n]*)'(?=$|[\s.,;:)\]])", RegexOptions.Multiline)]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"[^,:{}\[\]""\s]+")]
    private static partial Regex Token();

    private enum MutationKind
    {
        Truncate,
        FlipByte,
        InvalidUtf8,
        DuplicateLine,
        SwapFields,
        DuplicateField,
        HostileValue,
        BlankLines,
        OptionValue,
    }

    private sealed record CommandCase(string Name, string[] Args)
    {
        public string[] Files { get; } = Args.Where(a => a.StartsWith('@') && a.Contains('.', StringComparison.Ordinal)).Select(a => a[1..]).ToArray();
    }

    private sealed record Mutation(MutationKind Kind, int File, int Position, int Pick, int Other);
}
