using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/> at start: a path, and a busy timeout of zero or more whole seconds.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("SqliteStoreOptions.Path: the database file's path is required.");
        }

        if (options.BusyTimeout < System.TimeSpan.Zero || options.BusyTimeout.TotalSeconds > int.MaxValue)
        {
            failures.Add($"SqliteStoreOptions.BusyTimeout: {options.BusyTimeout} is not a wait (zero or more, at most {int.MaxValue} seconds).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
