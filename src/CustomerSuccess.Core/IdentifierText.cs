namespace CustomerSuccess;

/// <summary>Validation shared by the string-backed identifiers of the library.</summary>
internal static class IdentifierText
{
    /// <summary>Returns why <paramref name="text"/> is not a valid account id, or <see langword="null"/> when it is.</summary>
    internal static string? AccountIdProblem(string? text)
    {
        if (text is null)
        {
            return "it is null";
        }

        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Length > AccountId.MaxLength)
        {
            return $"it is {text.Length} characters long; the limit is {AccountId.MaxLength}";
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return "it has leading or trailing whitespace";
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                return $"it contains a control character at position {i + 1}";
            }
        }

        return null;
    }

    /// <summary>Returns why <paramref name="text"/> is not a valid signal id, or <see langword="null"/> when it is.</summary>
    internal static string? SignalIdProblem(string? text)
    {
        if (text is null)
        {
            return "it is null";
        }

        if (text.Length == 0)
        {
            return "it is empty";
        }

        if (text.Length > Signals.SignalId.MaxLength)
        {
            return $"it is {text.Length} characters long; the limit is {Signals.SignalId.MaxLength}";
        }

        if (!IsLowerAsciiLetter(text[0]))
        {
            return "it must start with a lower-case ASCII letter";
        }

        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (!(IsLowerAsciiLetter(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-'))
            {
                return $"'{c}' at position {i + 1} is not allowed; use a-z, 0-9, '_', '.' or '-'";
            }
        }

        return null;
    }

    private static bool IsLowerAsciiLetter(char c) => c is >= 'a' and <= 'z';
}
