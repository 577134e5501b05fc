using System;

namespace CustomerSuccess.Behaviors;

/// <summary>The text form of a predicate or rule set is malformed. The message and properties give the line and column.</summary>
public sealed class BehaviorSyntaxException : FormatException
{
    /// <summary>Initializes the exception.</summary>
    public BehaviorSyntaxException()
        : this("The text is not a valid behavior predicate.")
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    public BehaviorSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BehaviorSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception at a position.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    public BehaviorSyntaxException(string problem, int line, int column)
        : base($"Line {line}, column {column}: {problem}")
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Gets the 1-based line of the fault.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the fault.</summary>
    public int Column { get; }

    /// <summary>Gets what is wrong, without the position.</summary>
    public string? Problem { get; }
}
