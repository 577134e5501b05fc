using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerSuccess.Storage.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlStoreOptions"/> at start: a connection string Npgsql can read, naming a host.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("PostgreSqlStoreOptions.ConnectionString: the connection string is required.");
        }
        else
        {
            try
            {
                if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(options.ConnectionString).Host))
                {
                    failures.Add("PostgreSqlStoreOptions.ConnectionString: it names no Host.");
                }
            }
            catch (ArgumentException e)
            {
                // The message names the bad key, never its value, so a password cannot leak through it.
                failures.Add($"PostgreSqlStoreOptions.ConnectionString: not a connection string ({e.Message}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
