using System;

namespace CustomerSuccess.Cli;

/// <summary>The command line was wrong: unknown command or option, missing or malformed value. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An input file was wrong; the message names the file, line and field. Exit code 1.</summary>
internal sealed class InputException(string message) : Exception(message)
{
    public static InputException At(string file, int line, string field, string problem) =>
        new($"{file}, line {line}, field '{field}': {problem}");
}

/// <summary>Reads whole input files (models, plans, rule sets), turning I/O failures into bad-input errors that name the file.</summary>
internal static class InputFiles
{
    public static string ReadText(string path)
    {
        try
        {
            return System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read: {e.Message}");
        }
    }
}

/// <summary>Exit codes of the command-line tool; other programs read them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
}
