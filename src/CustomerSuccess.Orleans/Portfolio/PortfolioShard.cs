using System;
using System.Globalization;
using Orleans;

namespace CustomerSuccess.Orleans;

/// <summary>
/// One of <see cref="Count"/> shards of a portfolio: the accounts whose id hashes to <see cref="Index"/>. The hash is
/// FNV-1a over the id's UTF-16 code units, the same on every node and every run (a string's own hash code is not).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("cs.portfolio-shard")]
public readonly struct PortfolioShard : IEquatable<PortfolioShard>
{
    /// <summary>Initializes a shard.</summary>
    /// <param name="index">The shard's number, in [0, <paramref name="count"/>).</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is less than 1 or the index is outside [0, count).</exception>
    public PortfolioShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>Gets the shard's number.</summary>
    [Id(0)]
    public int Index { get; }

    /// <summary>Gets the number of shards.</summary>
    [Id(1)]
    public int Count { get; }

    /// <summary>Returns the shard of an account among <paramref name="count"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="count">The number of shards, at least 1.</param>
    /// <returns>The shard's number.</returns>
    public static int Of(AccountId account, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        uint hash = 2166136261;
        foreach (char c in account.Value)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return (int)(hash % (uint)count);
    }

    /// <summary>Whether the account is in this shard.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when it hashes to this shard.</returns>
    public bool Holds(AccountId account) => Of(account, Count) == Index;

    /// <inheritdoc/>
    public bool Equals(PortfolioShard other) => Index == other.Index && Count == other.Count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PortfolioShard other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Index, Count);

    /// <summary>Gets "shard 3 of 12" (1-based for people).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"shard {Index + 1} of {Count}");

    /// <summary>Compares two shards.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same shard.</returns>
    public static bool operator ==(PortfolioShard left, PortfolioShard right) => left.Equals(right);

    /// <summary>Compares two shards.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PortfolioShard left, PortfolioShard right) => !left.Equals(right);
}
