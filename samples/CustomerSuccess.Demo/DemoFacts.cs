using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Demo;

/// <summary>
/// Health facts for every account paying in the demo's last month, as of its last day: the last snapshot of
/// <see cref="DemoHistory"/>. They track the account's revenue trajectory (accounts that shrank over the last six months
/// tend to use fewer licences, open more cases, answer NPS lower and pay later, as seed 002's health factors would show)
/// and, as seed 001 says, whether it still runs its essential process.
/// </summary>
public static class DemoFacts
{
    /// <summary>Gets the instant the facts are as of: the end of the demo's last month.</summary>
    public static Instant AsOf { get; } = Instant.FromUtc(2026, 10, 31, 23, 59, 59);

    /// <summary>Generates the facts for a portfolio, from a fixed seed.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>One entry per account paying in the last month, by account id.</returns>
    public static IReadOnlyDictionary<AccountId, AccountFacts> Generate(Portfolio portfolio, ulong seed = WingtipDemo.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return DemoHistory.Generate(portfolio, seed).Latest;
    }
}
