using System;
using System.Collections.Generic;

namespace CustomerSuccess.Cli;

/// <summary>
/// The options of one command: <c>--name value</c> or <c>--name=value</c>, and flags. Every option a command
/// accepts is declared, so a misspelt option is a usage error rather than silently ignored.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(string command) => Command = command;

    /// <summary>Gets the command these options belong to.</summary>
    public string Command { get; }

    public bool HelpRequested { get; private set; }

    /// <summary>Gets what the command wants the user to know beside its report (written to standard error, prefixed "warning:").</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Parses the arguments after the command name.</summary>
    /// <param name="command">The command, for messages.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="valueOptions">Options that take a value, without "--".</param>
    /// <param name="flagOptions">Options that take no value, without "--".</param>
    public static CommandLine Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var result = new CommandLine(command);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                result.HelpRequested = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"'{command}' takes no argument '{CliText.Quote(arg)}'. Options start with '--'; see '{command} --help'.");
            }

            string name = arg[2..];
            string? inlineValue = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            if (Contains(flagOptions, name))
            {
                if (inlineValue is not null)
                {
                    throw new UsageException($"Option '--{name}' of '{command}' takes no value.");
                }

                result._flags.Add(name);
            }
            else if (Contains(valueOptions, name))
            {
                string value = inlineValue
                    ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? args[++i]
                        : throw new UsageException($"Option '--{name}' of '{command}' needs a value."));
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new UsageException($"Option '--{name}' of '{command}' needs a value; it was given an empty one.");
                }

                if (!result._values.TryAdd(name, value))
                {
                    throw new UsageException($"Option '--{name}' of '{command}' is given twice.");
                }
            }
            else
            {
                throw new UsageException($"'{command}' has no option '--{CliText.Quote(name)}'; see '{command} --help'.");
            }
        }

        return result;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>Gets the value of an option the command cannot run without.</summary>
    /// <param name="name">The option, without "--".</param>
    /// <param name="placeholder">What the value is, as the help shows it, such as "&lt;file&gt;".</param>
    /// <exception cref="UsageException">The option is missing.</exception>
    public string Required(string name, string placeholder) =>
        Value(name) ?? throw new UsageException($"'{Command}' needs --{name} {placeholder}; see '{Command} --help'.");

    public bool Flag(string name) => _flags.Contains(name);

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (string candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
