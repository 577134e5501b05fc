using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Storage.PostgreSql;
using CustomerSuccess.Storage.Sqlite;
using Npgsql;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Cli;

/// <summary>
/// What the store commands share: <c>--store</c> opened as a SQLite file (a path) or a PostgreSQL database (a connection
/// string), store failures turned into the tool's input errors (the path or the server named, never a connection
/// string's password), and the as-of date.
/// </summary>
internal static class StoreInput
{
    public const string Option = "store";

    public static CliStore Open(CommandLine line)
    {
        string store = line.Required(Option, "<store.db|connection string>");
        if (!LooksLikeConnectionString(store))
        {
            return Use(store, () =>
            {
                var sqlite = new SqliteStore(store);
                return new CliStore(store, sqlite, sqlite, sqlite, sqlite.RecordRunAsync, sqlite.GetRunAsync);
            });
        }

        // A connection string is named by where it points, never by itself: it may hold a password.
        string where = Redacted(store);
        return Use(where, () =>
        {
            var postgres = new PostgreSqlStore(store);
            return new CliStore(postgres.Location, postgres, postgres, postgres, postgres.RecordRunAsync, postgres.GetRunAsync);
        });
    }

    /// <summary>Runs a store operation; a store's failure becomes an input error naming the store.</summary>
    public static T Use<T>(string store, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or TimeoutException or System.Net.Sockets.SocketException
            || (e is InvalidOperationException && e.Source?.StartsWith("CustomerSuccess.Storage", StringComparison.Ordinal) == true))
        {
            throw new InputException($"{CliText.Quote(store)}: {CliText.Message(e)}");
        }
        catch (CustomerSuccessValidationException e)
        {
            throw new UsageException($"--store {CliText.Quote(store)}: {CliText.Message(e)}");
        }
    }

    public static T Use<T>(CliStore store, Func<CliStore, ValueTask<T>> operation) =>
        Use(store.Name, () => operation(store).AsTask().GetAwaiter().GetResult());

    /// <summary>
    /// The store's alert log as it stood at the end of a day: the alerts raised by then, each open unless it had been
    /// acknowledged by then (a point-in-time view: a later acknowledgement does not reach back).
    /// </summary>
    public static IReadOnlyList<AlertRecord> AlertsAsOf(CliStore store, LocalDate day)
    {
        Instant end = EndOf(day);
        return [.. Use(store, s => s.GetAlertsAsync(openOnly: false)).Where(a => a.RaisedAt <= end)
            .Select(a => a.AcknowledgedAt > end ? new AlertRecord(a.Identity, a.Kind, a.Severity, a.RaisedAt, a.Message, a.Evidence) : a)];
    }

    public static LocalDate? Date(CommandLine line, string option) => line.Value(option) is { } text
        ? LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new UsageException($"--{option} '{CliText.Quote(text)}' is not a date; use yyyy-MM-dd, such as 2026-11-17.")
        : null;

    /// <summary>The instant a run as of a date judges at: the date's last second in UTC, as the main job's as-of is.</summary>
    public static Instant EndOf(LocalDate date) => date.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromSeconds(1);

    public static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Text(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    // An Npgsql connection string: key=value pairs naming a host. A file's path never holds '=' and "host" both.
    private static bool LooksLikeConnectionString(string store) =>
        store.Contains('=', StringComparison.Ordinal) && (store.Contains("host", StringComparison.OrdinalIgnoreCase) || store.Contains("server", StringComparison.OrdinalIgnoreCase));

    private static string Redacted(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "the PostgreSQL connection string";
        }
    }
}
