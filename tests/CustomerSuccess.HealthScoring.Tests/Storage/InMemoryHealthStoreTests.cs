using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Behaviors;
using CustomerSuccess.Testing;
using NodaTime;

namespace CustomerSuccess.HealthScoring.Tests;

/// <summary>
/// The store contract on the in-memory stores (snapshots and overrides here, the alert log from Behaviors). A run is
/// recorded the way a caller without a database records one: everything checked first, then written.
/// </summary>
public class InMemoryHealthStoreTests : StoreContract
{
    protected override StoreUnderTest OpenNew()
    {
        var health = new InMemoryHealthStore();
        var alerts = new InMemoryAlertLog();
        var runs = new Dictionary<LocalDate, RunRecord>();
        return new StoreUnderTest(health, health, alerts, new CustomerSuccess.SuccessPlans.InMemoryPlanStore(), new InMemoryAccountStateStore(),
            async (run, snapshots, raised, models) =>
            {
                if (snapshots.Any(s => s is null) || raised.Any(a => a is null))
                {
                    throw new ArgumentException("A run's snapshots and alerts are not null.", nameof(snapshots));
                }

                if (!runs.TryAdd(run.AsOf, run))
                {
                    return false;
                }

                foreach (HealthModel model in models)
                {
                    await health.RecordModelAsync(model);
                }

                await health.RecordSnapshotsAsync(snapshots);
                await alerts.RecordAlertsAsync(raised);
                return true;
            },
            asOf => ValueTask.FromResult(runs.TryGetValue(asOf, out RunRecord? run) ? run : null));
    }

    // In memory, the same store is the same objects.
    protected override StoreUnderTest Reopen(StoreUnderTest store) => store;
}
