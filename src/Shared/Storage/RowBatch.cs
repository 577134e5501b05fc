using System;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CustomerSuccess;

/// <summary>
/// Inserts rows many to a statement (<c>INSERT ... VALUES (...), (...), ... ON CONFLICT DO NOTHING</c>), prepared once:
/// one execution per batch instead of one per row, which is most of a run's cost on SQLite (each execution's fixed
/// cost) and on PostgreSQL (each is a round trip). The SQL is built from the table's column names and generated
/// parameter names only; every value is a parameter. Compiled into each storage package.
/// </summary>
internal sealed class RowBatch : IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly DbType[] _types;
    private readonly int _rowsPerStatement;
    private readonly object[] _values;
    private DbCommand? _full;
    private int _rows;

    /// <summary>Starts a batch of rows of one table; maxParameters is the dialect's <see cref="StoreDialect.BatchParameters"/>.</summary>
    public RowBatch(DbConnection connection, DbTransaction transaction, string table, string[] columns, DbType[] types, int maxParameters)
    {
        (_connection, _transaction, _table, _columns, _types) = (connection, transaction, table, columns, types);
        _rowsPerStatement = Math.Max(1, maxParameters / columns.Length);
        _values = new object[_rowsPerStatement * columns.Length];
    }

    /// <summary>Gets the rows the engine inserted so far (a row whose key exists is not inserted).</summary>
    public int Inserted { get; private set; }

    /// <summary>Adds a row: one value per column, in the columns' order (<see cref="DBNull.Value"/> for null).</summary>
    public void Add(ReadOnlySpan<object> row)
    {
        row.CopyTo(_values.AsSpan(_rows * _columns.Length));
        if (++_rows == _rowsPerStatement)
        {
            _full ??= Statement(_rowsPerStatement);
            Inserted += Execute(_full, _rows);
            _rows = 0;
        }
    }

    /// <summary>Inserts the rows added since the last full batch.</summary>
    public void Flush()
    {
        if (_rows > 0)
        {
            using DbCommand rest = Statement(_rows);
            Inserted += Execute(rest, _rows);
            _rows = 0;
        }
    }

    public void Dispose() => _full?.Dispose();

    private int Execute(DbCommand command, int rows)
    {
        for (int i = 0; i < rows * _columns.Length; i++)
        {
            command.Parameters[i].Value = _values[i];
        }

        return command.ExecuteNonQuery();
    }

    private DbCommand Statement(int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(_table).Append(" (").Append(string.Join(", ", _columns)).Append(") VALUES ");
        DbCommand command = _connection.CreateCommand();
        command.Transaction = _transaction;
        for (int r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < _columns.Length; c++)
            {
                string name = string.Create(CultureInfo.InvariantCulture, $"@p{(r * _columns.Length) + c}");
                sql.Append(c == 0 ? name : ", " + name);
                DbParameter parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = _types[c];
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(" ON CONFLICT DO NOTHING;").ToString();
        command.Prepare();
        return command;
    }
}
