using System.Data.Common;

namespace CustomerSuccess;

/// <summary>
/// What differs between the engines a store runs on: how a connection opens, the schema's DDL, how the store's tables
/// are counted and the schema locked while it is created or migrated, and which error is a duplicate key. Everything
/// else (every query and write) is one text for all engines, in <see cref="StoreEngine"/>. Compiled into each storage package.
/// </summary>
internal abstract class StoreDialect
{
    /// <summary>Gets the engine's name, for messages.</summary>
    public abstract string Engine { get; }

    /// <summary>Gets the package that writes this engine's stores, for messages.</summary>
    public abstract string Package { get; }

    /// <summary>Gets where the store is, for messages: a path, or a connection string without its password.</summary>
    public abstract string Location { get; }

    /// <summary>Gets the migrations: element v - 1 takes the schema from version v - 1 to v.</summary>
    public abstract string[] Migrations { get; }

    /// <summary>Gets a query of one row: the number of tables the store's schema holds, and how many of them are cs_schema.</summary>
    public abstract string TablesQuery { get; }

    /// <summary>Gets a statement run first in the schema transaction so that two processes do not create it at once; null when the transaction's lock suffices.</summary>
    public abstract string? SchemaLock { get; }

    /// <summary>
    /// Gets the most parameters a batched insert puts in one statement (<see cref="RowBatch"/>): on PostgreSQL each
    /// statement is a round trip, so many; SQLite finds a parameter by name in a list, so a statement of hundreds costs
    /// more to bind than it saves, and a few rows a statement is best (measured: docs/benchmarks.md).
    /// </summary>
    public abstract int BatchParameters { get; }

    /// <summary>Opens a connection.</summary>
    public abstract DbConnection Open();

    /// <summary>Settings of the database made once, outside any transaction, before the schema is checked.</summary>
    public virtual void Configure(DbConnection connection)
    {
    }

    /// <summary>Whether an error is a duplicate key (another writer recorded the same run first).</summary>
    public abstract bool IsDuplicateKey(DbException error);
}
