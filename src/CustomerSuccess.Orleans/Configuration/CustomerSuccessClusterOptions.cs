using System;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;

namespace CustomerSuccess.Orleans;

/// <summary>
/// How the account grains of a silo score and alert. Bound or set in <c>siloBuilder.AddCustomerSuccess(o => ...)</c>
/// and validated when the silo starts; every silo of a cluster needs the same values.
/// </summary>
public sealed class CustomerSuccessClusterOptions
{
    /// <summary>Gets or sets the rule set the account grains evaluate, in the text form (docs/behaviors.md).</summary>
    /// <value>No rules by default: the grains keep events and score, and raise nothing.</value>
    public string Rules { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether recording events evaluates the rules as of the newest event.</summary>
    /// <value>
    /// <see langword="true"/> by default: an alert follows its event at once. With <see langword="false"/>, only the
    /// clock (<see cref="IAccountGrain.AdvanceToAsync"/>, from a reminder or a scheduler) evaluates, as the batch
    /// <c>alerts</c> command does once a day.
    /// </value>
    public bool EvaluateOnEvent { get; set; } = true;

    /// <summary>Gets or sets how many alert streams the alerts are spread over, by account (<see cref="CustomerSuccessCluster.AlertStreamOf"/>).</summary>
    /// <value>16 by default; 1 to 4,096.</value>
    public int AlertStreamPartitions { get; set; } = 16;

    /// <summary>Gets or sets a value indicating whether alerts are published on the alert streams (stream provider <see cref="CustomerSuccessCluster.StreamProviderName"/>).</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool PublishAlerts { get; set; } = true;

    /// <summary>
    /// Gets or sets the health model, as a scorer built over one account's events and facts (its evaluator), such as
    /// <c>e =&gt; HealthScorer.Create(model, [BehaviorSignals.Aggregate&lt;AccountId&gt;(id, e, aggregate, a =&gt; a, timing)])</c>.
    /// </summary>
    /// <value>None by default: the grains alert and do not score.</value>
    public Func<BehaviorEvaluator, HealthScorer<AccountId>>? Health { get; set; }
}
