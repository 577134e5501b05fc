using System;
using System.Data;
using System.Data.Common;
using System.IO;

namespace CustomerSuccess.Testing;

/// <summary>What the fixtures of older schema versions share: their DDL beside the test, and statements with every value a parameter.</summary>
internal static class FixtureSql
{
    /// <summary>A fixture beside a test: <c>Store/<paramref name="file"/></c> in the test's output folder.</summary>
    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", file));

    /// <summary>Runs a statement whose values are <c>@p0</c>, <c>@p1</c>, ...</summary>
    public static void Execute(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (int i = 0; i < values.Length; i++)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i];
            if (values[i] is not DBNull)
            {
                parameter.DbType = values[i] switch { double => DbType.Double, long => DbType.Int64, _ => DbType.String };
            }

            command.Parameters.Add(parameter);
        }

        command.ExecuteNonQuery();
    }
}
