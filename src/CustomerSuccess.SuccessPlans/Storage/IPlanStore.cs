using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.SuccessPlans;

/// <summary>
/// Where success plans are kept, as versioned documents, with their metrics' measurements, so that a plan is measured
/// over months (seed 001's Measure + Materialize). Implemented in memory (<see cref="InMemoryPlanStore"/>) and by the
/// storage packages.
/// </summary>
public interface IPlanStore
{
    /// <summary>
    /// Saves a plan as its next version; a plan whose document equals its latest version's is not saved again (saving is
    /// idempotent).
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="savedAt">When it is saved.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The version that holds the plan: a new one, or the latest when nothing changed.</returns>
    ValueTask<PlanVersion> SavePlanAsync(SuccessPlan plan, Instant savedAt, CancellationToken cancellationToken = default);

    /// <summary>Every saved version of a plan, oldest first.</summary>
    /// <param name="planId">The plan's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The versions; empty when the plan was never saved.</returns>
    ValueTask<IReadOnlyList<PlanVersion>> GetPlanVersionsAsync(string planId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records measurements of a plan's metric, all or none; a measurement of a date recorded already is not written
    /// again (the first one recorded stands).
    /// </summary>
    /// <param name="planId">The plan's id.</param>
    /// <param name="metric">The metric's name, as the plan names it.</param>
    /// <param name="measurements">The measurements.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were new.</returns>
    ValueTask<int> RecordMeasurementsAsync(string planId, string metric, IReadOnlyList<Measurement> measurements, CancellationToken cancellationToken = default);

    /// <summary>A metric's measurements, by date.</summary>
    /// <param name="planId">The plan's id.</param>
    /// <param name="metric">The metric's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements.</returns>
    ValueTask<IReadOnlyList<Measurement>> GetMeasurementsAsync(string planId, string metric, CancellationToken cancellationToken = default);
}
