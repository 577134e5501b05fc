using System;
using CustomerSuccess.Behaviors;
using CustomerSuccess.HealthScoring;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerSuccess.Orleans;

/// <summary>The silo's parsed configuration, shared by its account grains: the rules once parsed, and what they read of old events.</summary>
internal sealed class AccountRuntime
{
    public AccountRuntime(IOptions<CustomerSuccessClusterOptions> options)
    {
        CustomerSuccessClusterOptions o = options.Value;
        Rules = RuleSet.Parse(o.Rules ?? string.Empty);
        Compactor = EventCompactor.For(Rules, DateTimeZone.Utc);
        EvaluateOnEvent = o.EvaluateOnEvent;
        Partitions = o.AlertStreamPartitions;
        PublishAlerts = o.PublishAlerts;
        Health = o.Health;
    }

    public RuleSet Rules { get; }

    /// <summary>What the rules can still read of old events (account grains evaluate in UTC).</summary>
    public EventCompactor Compactor { get; }

    public bool EvaluateOnEvent { get; }

    public int Partitions { get; }

    public bool PublishAlerts { get; }

    public Func<BehaviorEvaluator, HealthScorer<AccountId>>? Health { get; }
}
