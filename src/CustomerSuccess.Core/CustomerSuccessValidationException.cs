using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace CustomerSuccess;

/// <summary>
/// Thrown when a definition (a health model, a rule set, a success plan or template, a package's options) is invalid or
/// its JSON is malformed. It lists every problem found, not only the first, each naming the model, rule, signal or setting
/// at fault; when the definition came from JSON it also gives the JSON path and position of the first problem.
/// Every CustomerSuccess package throws this one type for an invalid definition, so one <c>catch</c> serves them all.
/// </summary>
/// <remarks>
/// It derives from <see cref="ArgumentException"/> because the definition is an argument of the call that refused it.
/// The message is the problem itself when there is one, and a count followed by one problem per line otherwise.
/// </remarks>
public sealed class CustomerSuccessValidationException : ArgumentException
{
    /// <summary>Initializes a new instance with the problems found.</summary>
    /// <param name="problems">Every problem, each a sentence naming what is at fault; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty or holds a blank entry.</exception>
    public CustomerSuccessValidationException(IEnumerable<string> problems)
        : this(Checked(problems), json: null, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with one problem.</summary>
    /// <param name="message">The problem.</param>
    public CustomerSuccessValidationException(string message)
        : this(Checked([message]), json: null, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with one problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public CustomerSuccessValidationException(string message, Exception innerException)
        : this(Checked([message]), json: null, innerException)
    {
    }

    /// <summary>Initializes a new instance with the default message.</summary>
    public CustomerSuccessValidationException()
        : this("The definition is invalid.")
    {
    }

    private CustomerSuccessValidationException(ReadOnlyCollection<string> problems, JsonLocation? json, Exception? innerException)
        : base(Describe(problems), innerException)
    {
        Problems = problems;
        JsonPath = json?.Path;
        LineNumber = json?.Line;
        BytePositionInLine = json?.Column;
    }

    /// <summary>Gets every problem found, in the order found; never empty.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Gets the JSON path of the first problem (such as <c>$.signals[2].weight</c>), or <see langword="null"/> when the definition was not read from JSON or the fault has no path.</summary>
    public string? JsonPath { get; }

    /// <summary>Gets the 0-based line of the first problem in the JSON text, as <c>System.Text.Json.JsonException</c> counts it, or <see langword="null"/>.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the 0-based byte position of the first problem within its line, as <c>System.Text.Json.JsonException</c> counts it, or <see langword="null"/>.</summary>
    public long? BytePositionInLine { get; }

    /// <summary>Creates an exception for a definition read from JSON, carrying where in the text the problem is.</summary>
    /// <param name="problem">The problem, naming the definition.</param>
    /// <param name="path">The JSON path, or <see langword="null"/>.</param>
    /// <param name="lineNumber">The 0-based line, or <see langword="null"/>.</param>
    /// <param name="bytePositionInLine">The 0-based byte position in the line, or <see langword="null"/>.</param>
    /// <param name="innerException">The reader's exception, or <see langword="null"/>.</param>
    /// <returns>The exception.</returns>
    public static CustomerSuccessValidationException InJson(string problem, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException) =>
        new(Checked([problem]), new JsonLocation(path, lineNumber, bytePositionInLine), innerException);

    /// <summary>Throws when <paramref name="problems"/> holds any problem; does nothing otherwise.</summary>
    /// <param name="problems">The problems found.</param>
    /// <exception cref="CustomerSuccessValidationException">There is at least one problem; it lists them all.</exception>
    public static void ThrowIfAny(IReadOnlyCollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new CustomerSuccessValidationException(problems);
        }
    }

    private static ReadOnlyCollection<string> Checked(IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        string[] list = problems.ToArray();
        if (list.Length == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A validation exception needs at least one problem, and no blank ones.", nameof(problems));
        }

        return new ReadOnlyCollection<string>(list);
    }

    private static string Describe(ReadOnlyCollection<string> problems) => problems.Count == 1
        ? problems[0]
        : $"{problems.Count} problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "- " + p))}";

    private sealed record JsonLocation(string? Path, long? Line, long? Column);
}
