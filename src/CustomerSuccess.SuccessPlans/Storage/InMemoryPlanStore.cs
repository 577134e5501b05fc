using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>Success plans and their measurements in memory: for tests and for a process that keeps nothing. Thread-safe.</summary>
public sealed class InMemoryPlanStore : IPlanStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<PlanVersion>> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Plan, string Metric), SortedDictionary<LocalDate, double>> _measurements = [];

    /// <inheritdoc/>
    public ValueTask<PlanVersion> SavePlanAsync(SuccessPlan plan, Instant savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        cancellationToken.ThrowIfCancellationRequested();
        string document = SuccessPlanJson.Serialize(plan);
        lock (_gate)
        {
            if (!_plans.TryGetValue(plan.Id, out List<PlanVersion>? versions))
            {
                _plans[plan.Id] = versions = [];
            }

            if (versions.Count > 0 && string.Equals(versions[^1].Document, document, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(versions[^1]);
            }

            var saved = new PlanVersion(plan.Id, versions.Count + 1, plan.Account, savedAt, document);
            versions.Add(saved);
            return ValueTask.FromResult(saved);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PlanVersion>> GetPlanVersionsAsync(string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<PlanVersion> versions = _plans.TryGetValue(planId, out List<PlanVersion>? all) ? [.. all] : [];
            return ValueTask.FromResult(versions);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> RecordMeasurementsAsync(string planId, string metric, IReadOnlyList<Measurement> measurements, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Any(m => !double.IsFinite(m.Value)))
        {
            throw new ArgumentException($"A measurement of '{metric}' is not a finite number.", nameof(measurements));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_measurements.TryGetValue((planId, metric), out SortedDictionary<LocalDate, double>? values))
            {
                _measurements[(planId, metric)] = values = [];
            }

            return ValueTask.FromResult(measurements.Count(m => values.TryAdd(m.On, m.Value)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Measurement>> GetMeasurementsAsync(string planId, string metric, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<Measurement> all = _measurements.TryGetValue((planId, metric), out SortedDictionary<LocalDate, double>? values)
                ? [.. values.Select(v => new Measurement(v.Key, v.Value))]
                : [];
            return ValueTask.FromResult(all);
        }
    }
}
