using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.SuccessPlans;
using NodaTime;

namespace CustomerSuccess;

// Success plans: a row per saved version (the plan's JSON document), a row per metric measurement.
internal sealed partial class StoreEngine
{
    public ValueTask<PlanVersion> SavePlanAsync(SuccessPlan plan, Instant savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string document = SuccessPlanJson.Serialize(plan);
        return Write((connection, transaction) =>
        {
            List<PlanVersion> versions = PlanVersions(connection, transaction, plan.Id);
            if (versions.Count > 0 && string.Equals(versions[^1].Document, document, StringComparison.Ordinal))
            {
                return versions[^1];
            }

            var saved = new PlanVersion(plan.Id, versions.Count + 1, plan.Account, savedAt, document);
            using DbCommand insert = Command(connection, transaction,
                "INSERT INTO cs_plans (plan_id, version, account_id, saved_at, document) VALUES (@plan, @version, @account, @saved_at, @document);");
            Parameter(insert, "@plan", DbType.String, saved.PlanId);
            Parameter(insert, "@version", DbType.Int64, (long)saved.Version);
            Parameter(insert, "@account", DbType.String, saved.Account.Value);
            Parameter(insert, "@saved_at", DbType.String, StoreText.Instant(saved.SavedAt));
            Parameter(insert, "@document", DbType.String, saved.Document);
            insert.ExecuteNonQuery();
            return saved;
        }, cancellationToken);
    }

    public ValueTask<IReadOnlyList<PlanVersion>> GetPlanVersionsAsync(string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return Read<IReadOnlyList<PlanVersion>>(connection => PlanVersions(connection, null, planId), cancellationToken);
    }

    public ValueTask<int> RecordMeasurementsAsync(string planId, string metric, IReadOnlyList<Measurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (Measurement m in measurements)
        {
            if (!double.IsFinite(m.Value))
            {
                throw new ArgumentException($"A measurement of '{metric}' is not a finite number.", nameof(measurements));
            }
        }

        return Write((connection, transaction) =>
        {
            using DbCommand insert = Command(connection, transaction,
                "INSERT INTO cs_plan_measurements (plan_id, metric, measured_on, value) VALUES (@plan, @metric, @on, @value) ON CONFLICT DO NOTHING;");
            Parameter(insert, "@plan", DbType.String, planId);
            Parameter(insert, "@metric", DbType.String, metric);
            DbParameter on = Parameter(insert, "@on", DbType.String);
            DbParameter value = Parameter(insert, "@value", DbType.Double);
            insert.Prepare();
            int added = 0;
            foreach (Measurement m in measurements)
            {
                (on.Value, value.Value) = (StoreText.Date(m.On), m.Value);
                added += insert.ExecuteNonQuery();
            }

            return added;
        }, cancellationToken);
    }

    public ValueTask<IReadOnlyList<Measurement>> GetMeasurementsAsync(string planId, string metric, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<Measurement>>(connection =>
        {
            using DbCommand command = Command(connection, null,
                "SELECT measured_on, value FROM cs_plan_measurements WHERE plan_id = @plan AND metric = @metric ORDER BY measured_on;");
            Parameter(command, "@plan", DbType.String, planId);
            Parameter(command, "@metric", DbType.String, metric);
            using DbDataReader reader = command.ExecuteReader();
            var all = new List<Measurement>();
            while (reader.Read())
            {
                all.Add(new Measurement(StoreText.Date(reader.GetString(0)), reader.GetDouble(1)));
            }

            return all;
        }, cancellationToken);

    private static List<PlanVersion> PlanVersions(DbConnection connection, DbTransaction? transaction, string planId)
    {
        using DbCommand command = Command(connection, transaction,
            "SELECT version, account_id, saved_at, document FROM cs_plans WHERE plan_id = @plan ORDER BY version;");
        Parameter(command, "@plan", DbType.String, planId);
        using DbDataReader reader = command.ExecuteReader();
        var versions = new List<PlanVersion>();
        while (reader.Read())
        {
            versions.Add(new PlanVersion(planId, Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), new AccountId(reader.GetString(1)),
                StoreText.Instant(reader.GetString(2)), reader.GetString(3)));
        }

        return versions;
    }
}
