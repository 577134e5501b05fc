using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CustomerSuccess.Cli;

/// <summary>
/// The command-line tool. Exit codes: 0 success, 1 bad input (the message names the file, line and field),
/// 2 usage error. With no arguments it runs the main job, <c>portfolio</c>, on the built-in demo data.
/// </summary>
internal static class CliApp
{
    public const string ToolName = "customersuccess";

    private static readonly ICommand[] Commands = [new PortfolioCommand(), new RetentionCommand(), new CohortRetentionCommand(), new CmrrCommand(), new ScoreCommand(), new AlertsCommand(), new SegmentCommand(), new PlanCommand(), new DemoCommand()];

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
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
                    Find(args[1]).WriteHelp(output);
                }
                else
                {
                    WriteHelp(output);
                }

                return ExitCodes.Success;
            }

            ICommand command = first.StartsWith("--", StringComparison.Ordinal) ? Commands[0] : Find(first);
            IReadOnlyList<string> rest = first.StartsWith("--", StringComparison.Ordinal) ? args : args.Skip(1).ToArray();
            CommandLine line = CommandLine.Parse(command.Name, rest, command.ValueOptions, command.FlagOptions);
            if (line.HelpRequested)
            {
                command.WriteHelp(output);
                return ExitCodes.Success;
            }

            return command.Run(line, output);
        }
        catch (UsageException e)
        {
            error.WriteLine($"{ToolName}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            error.WriteLine($"{ToolName}: error: {e.Message}");
            return ExitCodes.BadInput;
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
        output.WriteLine($"Run '{ToolName} <command> --help' for a command's options.");
        output.WriteLine("Exit codes: 0 success, 1 bad input (the message names the file, line and field), 2 usage error.");
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
