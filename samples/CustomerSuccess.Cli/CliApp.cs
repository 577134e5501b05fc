using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CustomerSuccess.Cli;

/// <summary>
/// The command-line tool. Exit codes: 0 success, 1 bad input (the message names the file, line or row, and field),
/// 2 usage error, 3 internal error (a bug; the stack trace only under <c>--debug</c>). With no arguments it runs the main job, <c>portfolio</c>, on the built-in demo data.
/// </summary>
internal static class CliApp
{
    public const string ToolName = "customersuccess";

    private const string DebugFlag = "--debug";

    private const string QuietFlag = "--quiet";

    private static readonly ICommand[] Commands = [new PortfolioCommand(), new RetentionCommand(), new CohortRetentionCommand(), new MrrCommand(), new MovementsCommand(), new CmrrCommand(), new ScoreCommand(), new BacktestCommand(), new FitCommand(), new OutcomesCommand(), new AlertsCommand(), new SegmentCommand(), new PlanCommand(), new DemoCommand(), new RunCommand(), new HistoryCommand(), new OverrideSetCommand(), new OverrideClearCommand(), new OverrideListCommand(), new AlertsListCommand(), new AlertsAckCommand(), new ReportCommand()];

    /// <summary>Runs the tool with no progress line: the report goes to <paramref name="output"/> only once it is complete, messages to <paramref name="error"/>.</summary>
    /// <param name="args">The arguments; <c>--debug</c> anywhere adds the stack trace to an internal error.</param>
    /// <param name="output">Standard output: receives the whole report at once, or nothing.</param>
    /// <param name="error">Standard error: one line per problem, prefixed with the tool's name.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, output, error, null, null);

    /// <summary>Runs the tool, drawing progress on <paramref name="terminal"/> while it works (see <see cref="Progress"/>).</summary>
    /// <param name="args">The arguments; <c>--debug</c> anywhere adds the stack trace to an internal error, <c>--quiet</c> draws no progress.</param>
    /// <param name="output">Standard output: receives the whole report at once, or nothing.</param>
    /// <param name="error">Standard error: one line per problem, prefixed with the tool's name.</param>
    /// <param name="terminal">Standard error when it is a terminal, for the progress line; <see langword="null"/> for none.</param>
    /// <param name="clock">The clock that times the progress; the system's when <see langword="null"/>.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextWriter? terminal, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool debug = args.Contains(DebugFlag, StringComparer.Ordinal);
        bool quiet = args.Contains(QuietFlag, StringComparer.Ordinal);
        args = args.Where(a => a is not (DebugFlag or QuietFlag)).ToArray();
        using IDisposable progress = Progress.Start(quiet ? null : terminal, clock ?? TimeProvider.System, args.Count > 0 && !args[0].StartsWith('-') ? args[0] : Commands[0].Name);

        // All or nothing: the command writes into a buffer, which reaches stdout only when the command succeeds.
        var report = new StringWriter(CultureInfo.InvariantCulture) { NewLine = output.NewLine };
        var warnings = new List<string>();
        int code;
        try
        {
            code = Dispatch(args, report, warnings);
        }
        catch (UsageException e)
        {
            progress.Dispose();
            return Fail(error, ExitCodes.Usage, $"{ToolName}: {CliText.Message(e)}");
        }
        catch (InputException e)
        {
            progress.Dispose();
            return Fail(error, ExitCodes.BadInput, $"{ToolName}: error: {CliText.Message(e)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            progress.Dispose();
            return Fail(error, ExitCodes.Internal, InternalError(e, debug));
        }

        progress.Dispose(); // the progress line is wiped before anything else reaches the terminal
        foreach (string warning in warnings)
        {
            Say(error, $"{ToolName}: warning: {warning}");
        }

        return Deliver(report, output, error, code);
    }

    /// <summary>Gets the tool's version, as the package gives it (without the build's source revision).</summary>
    internal static string Version { get; } = VersionOf(typeof(CliApp).Assembly);

    private static string VersionOf(Assembly assembly)
    {
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>A bug's message: one line, and the details only when asked for, so a user never sees a stack trace by accident.</summary>
    internal static string InternalError(Exception bug, bool debug)
    {
        string line = $"{ToolName}: internal error: {CliText.Message(bug)}; rerun with {DebugFlag} for details";
        return debug ? line + Environment.NewLine + bug : line;
    }

    private static int Dispatch(IReadOnlyList<string> args, TextWriter output, List<string> warnings)
    {
        if (args.Count == 0)
        {
            return Commands[0].Run(CommandLine.Parse(Commands[0].Name, [], Commands[0].ValueOptions, Commands[0].FlagOptions), output);
        }

        string first = args[0];
        if (first is "--help" or "-h" or "-?" or "help")
        {
            if (first == "help" && args.Count > 1)
            {
                Find(string.Join(' ', args.Skip(1))).WriteHelp(output);
            }
            else
            {
                WriteHelp(output);
            }

            return ExitCodes.Success;
        }

        if (first == "--version" && args.Count == 1)
        {
            output.WriteLine($"{ToolName} {Version}");
            return ExitCodes.Success;
        }

        // A command of two words ("override set", "alerts list") is found before the one-word command it starts with.
        ICommand? twoWords = args.Count > 1 ? Commands.FirstOrDefault(c => c.Name == $"{first} {args[1]}") : null;
        ICommand command = twoWords ?? (first.StartsWith("--", StringComparison.Ordinal) ? Commands[0] : Find(first));
        IReadOnlyList<string> rest = twoWords is not null ? args.Skip(2).ToArray() : first.StartsWith("--", StringComparison.Ordinal) ? args : args.Skip(1).ToArray();
        CommandLine line = CommandLine.Parse(command.Name, rest, command.ValueOptions, command.FlagOptions);
        if (line.HelpRequested)
        {
            command.WriteHelp(output);
            return ExitCodes.Success;
        }

        try
        {
            return command.Run(line, output);
        }
        finally
        {
            warnings.AddRange(line.Warnings);
        }
    }

    // Copies the finished report to stdout. A closed pipe (`| head`) is not an error: the reader has what it wanted
    // (.NET already drops EPIPE on the console streams). A stdout that cannot take the report (`> /dev/full`) is.
    private static int Deliver(StringWriter report, TextWriter output, TextWriter error, int code)
    {
        try
        {
            output.Write(report.GetStringBuilder());
            output.Flush();
            return code;
        }
        catch (IOException e)
        {
            return Fail(error, ExitCodes.BadInput, $"{ToolName}: error: cannot write the output: {CliText.Message(e)}");
        }
    }

    private static int Fail(TextWriter error, int code, string message)
    {
        Say(error, message);
        return code;
    }

    // One line on standard error: a failure, or a warning beside a report.
    private static void Say(TextWriter error, string message)
    {
        try
        {
            error.WriteLine(message);
            error.Flush();
        }
        catch (IOException)
        {
            // Nowhere left to say it; the exit code still does.
        }
    }

    // The longest command name and two spaces: summaries line up and never run into a name.
    private static readonly int NameWidth = Commands.Max(c => c.Name.Length) + 2;

    private static ICommand Find(string name) =>
        Commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
        ?? throw new UsageException($"unknown command '{name}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}; see '{ToolName} --help'.");

    private static void WriteHelp(TextWriter output)
    {
        output.WriteLine($"{ToolName}: customer success with numbers, not hunches.");
        output.WriteLine();
        output.WriteLine($"Usage: {ToolName} [command] [options]");
        output.WriteLine($"       dotnet run --project samples/CustomerSuccess.Cli -- [command] [options]");
        output.WriteLine();
        output.WriteLine("With no command, runs 'portfolio' on the built-in demo data (a fictional SaaS vendor like seed 002's Wingtip).");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (ICommand command in Commands)
        {
            output.WriteLine($"  {command.Name.PadRight(NameWidth)}{command.Summary}");
        }

        output.WriteLine();
        output.WriteLine($"Run '{ToolName} <command> --help' for a command's options, '{ToolName} --version' for the version.");
        output.WriteLine("Every input table is CSV, or Parquet when its name ends in .parquet (the same columns; docs/cli.md).");
        output.WriteLine("Exit codes: 0 success, 1 bad input (the message names the file, line or row, and field), 2 usage error,");
        output.WriteLine("3 internal error (a bug; rerun with --debug for the details). A report reaches stdout only once complete.");
    }
}

/// <summary>One command of the tool.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    IReadOnlyCollection<string> ValueOptions { get; }

    IReadOnlyCollection<string> FlagOptions { get; }

    void WriteHelp(TextWriter output);

    int Run(CommandLine line, TextWriter output);
}
