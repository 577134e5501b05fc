using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess;

// The models snapshots were scored with: each model's JSON under its hash (ScoreSnapshot.HashOf), recorded once.
internal sealed partial class StoreEngine
{
    /// <inheritdoc/>
    public ValueTask<bool> RecordModelAsync(HealthModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        (string Hash, string Document) entry = Entry(model); // before the transaction: a custom curve is refused here
        return Write((connection, transaction) => InsertModels(connection, transaction, [entry]) > 0, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<HealthModel?> GetModelAsync(ScoreSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Read(connection =>
        {
            using DbCommand command = Command(connection, null, "SELECT document FROM cs_models WHERE model_hash = @hash;");
            Parameter(command, "@hash", DbType.String, snapshot.ModelHash);
            if (command.ExecuteScalar() is not string document)
            {
                return null;
            }

            try
            {
                return HealthModelJson.Deserialize(document, snapshot.ModelName);
            }
            catch (CustomerSuccessValidationException e)
            {
                throw new InvalidOperationException($"The store '{_dialect.Location}' holds model '{snapshot.ModelName}' (hash {snapshot.ModelHash}) in a form this version cannot read: {e.Message}", e);
            }
        }, cancellationToken);
    }

    private static (string Hash, string Document) Entry(HealthModel model) => (ScoreSnapshot.HashOf(model), HealthModelJson.Serialize(model));

    private static int InsertModels(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Hash, string Document)> models)
    {
        int inserted = 0;
        using DbCommand command = Command(connection, transaction, "INSERT INTO cs_models (model_hash, document) VALUES (@hash, @document) ON CONFLICT DO NOTHING;");
        DbParameter hash = Parameter(command, "@hash", DbType.String), document = Parameter(command, "@document", DbType.String);
        foreach ((string h, string d) in models)
        {
            (hash.Value, document.Value) = (h, d);
            inserted += command.ExecuteNonQuery();
        }

        return inserted;
    }
}
