using System;

namespace CustomerSuccess.Behaviors;

/// <summary>
/// The spelling of event, fact and rule names: a letter, then letters, digits, '_', '.' or '-', at most
/// <see cref="MaxLength"/> characters. Names are case-sensitive. Names so spelled need no quoting in the text form
/// of a predicate.
/// </summary>
public static class EventNames
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Returns whether a name is validly spelled.</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? name) => Problem(name) is null;

    internal static void ThrowIfInvalid(string? name, string parameter, string what = "event name")
    {
        string? problem = Problem(name);
        if (problem is not null)
        {
            throw new ArgumentException($"'{name}' is not a valid {what}: {problem}.", parameter);
        }
    }

    internal static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is {name.Length} characters long; the limit is {MaxLength}";
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            return "it must start with an ASCII letter";
        }

        for (int i = 1; i < name.Length; i++)
        {
            if (!IsNameChar(name[i]))
            {
                return $"'{name[i]}' at position {i + 1} is not allowed; use letters, digits, '_', '.' or '-'";
            }
        }

        return null;
    }

    internal static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
