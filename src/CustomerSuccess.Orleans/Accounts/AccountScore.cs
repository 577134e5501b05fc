using System.Collections.Generic;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>An account grain's last health score, as of its clock, with the explanation's signal lines. Immutable.</summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.account-score")]
public sealed class AccountScore
{
    /// <summary>Gets the score in [0, 100], or <see langword="null"/> when it is undefined.</summary>
    [Id(0)]
    public double? Value { get; init; }

    /// <summary>Gets the band's name, or <see langword="null"/> when the score is undefined.</summary>
    [Id(1)]
    public string? Band { get; init; }

    /// <summary>Gets why the score is undefined, or <see langword="null"/>.</summary>
    [Id(2)]
    public string? UndefinedBecause { get; init; }

    /// <summary>Gets the instant scored as of, in extended ISO form.</summary>
    [Id(3)]
    public required string AsOf { get; init; }

    /// <summary>Gets one line per signal: its id, raw value (or why it is missing) and contribution.</summary>
    [Id(4)]
    public IReadOnlyList<string> Explanation { get; init; } = [];
}
