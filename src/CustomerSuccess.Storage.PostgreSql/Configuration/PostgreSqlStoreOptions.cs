namespace CustomerSuccess.Storage.PostgreSql;

/// <summary>Which PostgreSQL database the store keeps its tables in.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// Gets or sets the Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>); the tables are
    /// created in the connection's current schema on first use. Its password never appears in a message.
    /// </summary>
    public string? ConnectionString { get; set; }
}
