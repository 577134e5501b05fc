using System;

namespace CustomerSuccess.Storage.Sqlite;

/// <summary>Where the SQLite store keeps its file and how long a run waits for another to finish.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the database file's path; created with its schema on first use.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets how long a write waits while another process writes the same file (SQLite's busy timeout) before it
    /// fails with a message; 30 seconds by default.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
