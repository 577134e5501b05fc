using System;

namespace CustomerSuccess.Behaviors;

/// <summary>The message of an argument error without the " (Parameter 'x')" suffix, for errors that give their own position.</summary>
internal static class ArgumentProblem
{
    internal static string Of(Exception exception) => exception.Message.Split(" (Parameter", 2)[0];
}
