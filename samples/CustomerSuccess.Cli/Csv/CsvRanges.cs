using System;
using System.Collections.Generic;
using System.IO;

namespace CustomerSuccess.Cli.Csv;

/// <summary>
/// A CSV file cut into byte ranges of whole rows after its header, so that the ranges can be parsed at once on several
/// cores and their rows taken in file order: each range starts after a line break outside quotes (a quoted field may hold
/// line breaks) and knows its first line's number. UTF-8 never has a '\n' byte inside a character, so a cut never
/// splits one.
/// </summary>
internal readonly record struct CsvRange(long Start, long End, int FirstLine);

internal static class CsvRanges
{
    /// <summary>
    /// The ranges of at least <paramref name="size"/> bytes each (the last shorter) after the header, or an empty list
    /// when the file cannot be cut safely or is not worth cutting: a line break that is a lone '\r' (where line numbers
    /// would be counted otherwise), a file that cannot be read (the sequential reader names the problem), or one range.
    /// </summary>
    public static IReadOnlyList<CsvRange> Split(string path, int size)
    {
        var ranges = new List<CsvRange>();
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            byte[] buffer = new byte[1 << 20];
            bool quoted = false, header = true, afterCr = false;
            long position = 0, start = 0;
            int lines = 0, startLine = 0;
            int read;
            while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);
                for (int i = 0; i < chunk.Length;)
                {
                    // Only quotes and line breaks matter: skip to the next one (vectorised).
                    int next = chunk[i..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
                    if (next < 0)
                    {
                        if (afterCr && chunk.Length > i)
                        {
                            return [];
                        }

                        break;
                    }

                    int at = i + next;
                    if (afterCr && (next > 0 || chunk[at] != '\n'))
                    {
                        return []; // a lone '\r'
                    }

                    afterCr = false;
                    byte b = chunk[at];
                    if (b == '"')
                    {
                        quoted = !quoted; // "" inside quotes toggles twice
                    }
                    else if (b == '\r')
                    {
                        afterCr = true;
                    }
                    else
                    {
                        lines++;
                        long rowStart = position + at + 1;
                        if (!quoted && (header || rowStart - start >= size))
                        {
                            if (!header)
                            {
                                ranges.Add(new CsvRange(start, rowStart, startLine + 1));
                            }

                            (header, start, startLine) = (false, rowStart, lines);
                        }
                    }

                    i = at + 1;
                }

                position += read;
            }

            if (afterCr)
            {
                return []; // a lone '\r' at the very end
            }

            if (!header && position > start)
            {
                ranges.Add(new CsvRange(start, position, startLine + 1));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }

        return ranges.Count > 1 ? ranges : [];
    }
}
