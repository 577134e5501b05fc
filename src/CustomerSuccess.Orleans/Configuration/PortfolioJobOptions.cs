using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerSuccess.Orleans;

/// <summary>How a portfolio job splits and retries.</summary>
public sealed class PortfolioJobOptions
{
    /// <summary>Gets or sets the number of shards.</summary>
    /// <value>Default 16: a few per silo on a small cluster, so that a lost silo costs a few shards' time again.</value>
    public int Shards { get; set; } = 16;

    /// <summary>
    /// Gets or sets how long a shard may take before it runs again elsewhere: a call to a silo that died may otherwise
    /// wait for the messaging timeout. A late answer of the abandoned attempt is ignored.
    /// </summary>
    /// <value>Default 10 minutes.</value>
    public TimeSpan ShardTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how many times a shard is tried before the job fails.</summary>
    /// <value>Default 3.</value>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Checks the options.</summary>
    /// <exception cref="CustomerSuccessValidationException">A value is out of range; every problem is listed.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Shards is < 1 or > 1_000_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PortfolioJobOptions.Shards is {Shards}; use 1 to 1,000,000."));
        }

        if (MaxAttempts is < 1 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PortfolioJobOptions.MaxAttempts is {MaxAttempts}; use 1 to 100."));
        }

        if (ShardTimeout <= TimeSpan.Zero || ShardTimeout > TimeSpan.FromDays(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"PortfolioJobOptions.ShardTimeout is {ShardTimeout}; use more than zero and at most a day."));
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
    }
}
