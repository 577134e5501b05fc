using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using CustomerSuccess.Cli.Csv;

namespace CustomerSuccess.Cli;

/// <summary>The command line was wrong: unknown command or option, missing or malformed value. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>An input file was wrong; the message names the file, line and field. Exit code 1.</summary>
internal sealed class InputException(string message) : Exception(message)
{
    public static InputException At(string file, int line, string field, string problem) =>
        new($"{file}, {TablePlace.Row(file, line)}, field '{field}': {problem}");
}

/// <summary>Reads whole input files (models, plans, rule sets), turning I/O failures into bad-input errors that name the file.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Replaces a file whole or not at all: the text goes to a scratch file beside it, which then takes its name, so a
    /// failure leaves the old file as it was and no half-written one.
    /// </summary>
    public static void Replace(string path, string text)
    {
        string full;
        string scratch;
        try
        {
            full = System.IO.Path.GetFullPath(path);
            scratch = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.IO.PathTooLongException)
        {
            throw new InputException($"'{CliText.Quote(path)}': cannot be written: {CliText.Message(e)}");
        }

        if (System.IO.Directory.Exists(full))
        {
            throw new InputException($"'{CliText.Quote(path)}': cannot be written: it is a folder; give the path of a file.");
        }

        try
        {
            System.IO.File.WriteAllText(scratch, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            System.IO.File.Move(scratch, full, overwrite: true);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            TryDelete(scratch);
            throw new InputException($"'{CliText.Quote(path)}': cannot be written: {CliText.Message(e)}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the scratch file's name says what it is.
        }
    }

    /// <summary>Reads a whole text file as strict UTF-8 (a byte-order mark is skipped; invalid bytes are refused naming the line).</summary>
    public static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot be read: {CliText.Message(e)}");
        }

        ReadOnlySpan<byte> text = bytes;
        if (text is [0xEF, 0xBB, 0xBF, ..])
        {
            text = text[3..];
        }

        // One pass that stops at the first invalid sequence, so the message can say where it is.
        char[] chars = new char[text.Length];
        if (Utf8.ToUtf16(text, chars, out int read, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            int line = 1 + text[..read].Count((byte)'\n');
            throw new InputException($"{path}, line {line}: the file is not valid UTF-8 (byte {read + 1}); save it as UTF-8.");
        }

        return new string(chars, 0, written);
    }
}

/// <summary>Exit codes of the command-line tool; other programs read them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int Usage = 2;
    public const int Internal = 3;
}

/// <summary>How the tool words what goes wrong: values quoted short, messages free of .NET's own vocabulary.</summary>
internal static partial class CliText
{
    /// <summary>The most characters of a bad value a message quotes.</summary>
    public const int MaxQuoted = 80;

    /// <summary>A value as a message quotes it: at most <see cref="MaxQuoted"/> characters, control characters shown as escapes.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var text = new StringBuilder(Math.Min(value.Length, MaxQuoted) + 8);
        int shown = 0;
        foreach (char c in value)
        {
            if (shown == MaxQuoted)
            {
                text.Append("...");
                break;
            }

            if (char.IsControl(c))
            {
                text.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
            }
            else
            {
                text.Append(c);
            }

            shown++;
        }

        return text.ToString();
    }

    /// <summary>
    /// An exception's message for a person: without the "(Parameter 'x')" that <see cref="ArgumentException"/> appends, with
    /// <c>System.Nullable`1[X]</c> reduced to X, and with quoted values cut to <see cref="MaxQuoted"/> characters.
    /// </summary>
    public static string Message(Exception exception)
    {
        // Several problems of one definition are listed on one line, so that a run shows them all and stays one line.
        string message = exception is CustomerSuccessValidationException { Problems.Count: > 1 } invalid
            ? $"{invalid.Problems.Count} problems: {string.Join("; ", invalid.Problems.Select(p => p.TrimEnd('.')))}."
            : exception.Message;
        if (exception is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        message = ParameterSuffix().Replace(message, string.Empty);
        message = LongQuote().Replace(message, m => $"'{Quote(m.Groups["value"].Value)}'");
        message = NullableType().Replace(message, m => m.Groups["inner"].Value);
        return message.ReplaceLineEndings(" ").Trim(); // one line per problem, whatever the exception says
    }

    /// <summary>
    /// A JSON file's error for a person: the file, the 1-based line and column, the JSON path, and the problem in words
    /// (System.Text.Json counts from 0 and describes the problem in terms of .NET types).
    /// </summary>
    /// <param name="file">The file, as the user named it.</param>
    /// <param name="error">What the reader threw.</param>
    /// <param name="json">The file's text: a fault that the reader found after parsing carries only its path, and is placed by it.</param>
    /// <param name="what">What the file should have been, said before the problem ("Health model 'm': the JSON is not a model"), or null.</param>
    public static string Json(string file, JsonException error, string json, string? what = null)
    {
        var where = new StringBuilder(file);
        (long Line, long Column)? at = error.LineNumber is { } line
            ? (line, error.BytePositionInLine ?? -1)
            : error.Path is { Length: > 0 } located ? Csv.JsonLocator.Find(json, located) : null;
        if (at is { } position)
        {
            where.Append(CultureInfo.InvariantCulture, $", line {position.Line + 1}");
            if (position.Column >= 0)
            {
                where.Append(CultureInfo.InvariantCulture, $", column {position.Column + 1}");
            }
        }

        string problem = Message(error);
        int own = problem.IndexOf(" Path: ", StringComparison.Ordinal);
        if (own >= 0)
        {
            problem = problem[..own];
        }

        if (UnknownMember().Match(problem) is { Success: true } unknown)
        {
            problem = $"unknown field '{Quote(unknown.Groups["name"].Value)}'; check its spelling against the documented format.";
        }
        else if (NotConvertible().Match(problem) is { Success: true } wrong)
        {
            // The .NET type named, without its namespace: "NodaTime.LocalDate" is a LocalDate to a reader.
            string type = wrong.Groups["type"].Value;
            problem = $"the value is not a valid {type[(type.LastIndexOf('.') + 1)..]}.";
        }

        if (error.Path is { Length: > 0 } path && !problem.Contains(path, StringComparison.Ordinal))
        {
            where.Append(", at ").Append(Quote(path));
        }

        return what is null ? $"{where}: {problem}" : $"{where}: {what}: {problem}";
    }

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped to any .NET member")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"The JSON value could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex NotConvertible();

    // A value quoted by a library message, longer than a message should quote.
    [GeneratedRegex(@"(?<=^|[\s(\[])'(?<value>[^'\n]{81,})'(?=$|[\s.,;:)\]])")]
    private static partial Regex LongQuote();

    [GeneratedRegex(@" ?\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"System\.Nullable`1\[(?<inner>[^\]]+)\]")]
    private static partial Regex NullableType();
}
