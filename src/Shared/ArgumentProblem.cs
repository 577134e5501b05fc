using System;

namespace CustomerSuccess;

/// <summary>
/// The message of an argument error without the " (Parameter 'x')" suffix, for errors that give their own position (the
/// model, rule or JSON path): the parameter's name says nothing to a reader of the file. Compiled into each package that
/// reports such errors (a linked source file, not an API).
/// </summary>
internal static class ArgumentProblem
{
    internal static string Of(Exception exception) => exception.Message.Split(" (Parameter", 2)[0];
}
