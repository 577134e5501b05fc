namespace CustomerSuccess.Json;

/// <summary>
/// Shortens a value that a message quotes (a JSON key, an id) to at most 80 characters, so that a hostile input cannot turn an
/// error into a wall of text. Compiled into each package that reads JSON (a linked source file, not an API).
/// </summary>
internal static class Quoted
{
    /// <summary>The most characters of a value a message quotes.</summary>
    public const int MaxLength = 80;

    /// <summary>The value, or its first <see cref="MaxLength"/> characters and "...".</summary>
    public static string Short(string value) => value.Length <= MaxLength ? value : value[..MaxLength] + "...";
}
