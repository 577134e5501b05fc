using System;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerSuccess.Orleans;

/// <summary>The silo's parsed configuration, shared by its account grains: the rules once parsed, and their lookback.</summary>
internal sealed class AccountRuntime
{
    public AccountRuntime(IOptions<CustomerSuccessClusterOptions> options)
    {
        CustomerSuccessClusterOptions o = options.Value;
        Rules = RuleSet.Parse(o.Rules ?? string.Empty);
        Lookback = Rules.Lookback();
        EvaluateOnEvent = o.EvaluateOnEvent;
        Partitions = o.AlertStreamPartitions;
        PublishAlerts = o.PublishAlerts;
        Health = o.Health;
    }

    public RuleSet Rules { get; }

    /// <summary>How far back the rules read; <see langword="null"/> when a rule reads all history, and every event is kept.</summary>
    public Duration? Lookback { get; }

    public bool EvaluateOnEvent { get; }

    public int Partitions { get; }

    public bool PublishAlerts { get; }

    public Func<BehaviorEvaluator, HealthScorer<AccountId>>? Health { get; }
}
