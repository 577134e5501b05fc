using System;
using System.Text.Json;

namespace CustomerSuccess.Json;

/// <summary>
/// Turns a reader's <see cref="JsonException"/> into the one exception every package throws for an invalid definition,
/// keeping its path, line and position, so that callers catch one type whichever package read the JSON. Compiled into
/// each package that reads JSON (a linked source file, not an API).
/// </summary>
internal static class JsonFaults
{
    /// <summary>Runs <paramref name="read"/>, rethrowing a <see cref="JsonException"/> as a <see cref="CustomerSuccessValidationException"/>.</summary>
    /// <typeparam name="T">What is read.</typeparam>
    /// <param name="json">The JSON text, to find the path of a fault the reader reports by position only.</param>
    /// <param name="read">Reads the JSON.</param>
    /// <param name="subject">Names what is read (such as "Health model 'x'"), prefixed to the message; <see langword="null"/> for none.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    /// <exception cref="CustomerSuccessValidationException">The JSON is malformed or not what was expected.</exception>
    public static T Read<T>(string json, Func<T> read, string? subject = null)
    {
        try
        {
            return read();
        }
        catch (JsonException e)
        {
            string message = subject is null ? e.Message : $"{subject}: {e.Message}";
            throw CustomerSuccessValidationException.InJson(message, e.Path ?? PathBefore(json), e.LineNumber, e.BytePositionInLine, e);
        }
    }

    // A syntax error carries a position but no path (the reader keeps none): the path is that of the last token read well.
    private static string PathBefore(string json)
    {
        var reader = new JsonPathReader(json);
        string path = "$";
        try
        {
            while (reader.Read())
            {
                path = reader.Path;
            }
        }
        catch (JsonException)
        {
            // The fault itself: the path read so far is where it is.
        }

        return path;
    }
}
