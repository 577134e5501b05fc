using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using CustomerSuccess.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// What the store commands share: <c>--store</c> opened as a SQLite file (a path) or refused as a PostgreSQL connection
/// string while that engine is not in the tool, store failures turned into the tool's input errors (the path named,
/// never a connection string's password), and the as-of date.
/// </summary>
internal static class StoreInput
{
    public const string Option = "store";

    public static SqliteStore Open(CommandLine line)
    {
        string store = line.Required(Option, "<store.db>");
        if (LooksLikeConnectionString(store))
        {
            throw new UsageException("--store takes a SQLite file's path; PostgreSQL connection strings are not supported by this build yet (issue 18).");
        }

        return Use(store, () => new SqliteStore(store));
    }

    /// <summary>Runs a store operation; a store's failure becomes an input error naming the store.</summary>
    public static T Use<T>(string store, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw new InputException($"{CliText.Quote(store)}: {CliText.Message(e)}");
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("CustomerSuccess.Storage", StringComparison.Ordinal) == true)
        {
            throw new InputException($"{CliText.Quote(store)}: {CliText.Message(e)}");
        }
        catch (IOException e)
        {
            throw new InputException($"{CliText.Quote(store)}: {CliText.Message(e)}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"{CliText.Quote(store)}: {CliText.Message(e)}");
        }
    }

    public static T Use<T>(SqliteStore store, Func<SqliteStore, ValueTask<T>> operation) =>
        Use(store.Path, () => operation(store).AsTask().GetAwaiter().GetResult());

    public static LocalDate? Date(CommandLine line, string option) => line.Value(option) is { } text
        ? LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--{option} '{CliText.Quote(text)}' is not a date; use yyyy-MM-dd, such as 2026-11-17.")
        : null;

    /// <summary>The instant a run as of a date judges at: the date's last second in UTC, as the main job's as-of is.</summary>
    public static Instant EndOf(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromSeconds(1);

    public static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Text(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Number(double value) => Math.Round((decimal)value, 10).ToString(CultureInfo.InvariantCulture);

    // Npgsql's forms: key=value pairs naming a host, or a postgres:// URI.
    private static bool LooksLikeConnectionString(string store) =>
        store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (store.Contains('=', StringComparison.Ordinal) && (store.Contains("host", StringComparison.OrdinalIgnoreCase) || store.Contains("server", StringComparison.OrdinalIgnoreCase)));
}
