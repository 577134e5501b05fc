using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// One account's health score as of a date, kept as it was computed and explained: the model it came from (by name and by
/// a hash of its definition), the score or why it is undefined, the band, each signal's part and the gates and override
/// applied. A stored snapshot is the answer as of its date; it is never recomputed (docs/storage.md).
/// </summary>
public sealed class ScoreSnapshot : IEquatable<ScoreSnapshot>
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The date it was scored as of.</param>
    /// <param name="modelName">The model's name.</param>
    /// <param name="modelHash">The hash of the model's definition (<see cref="HashOf"/>).</param>
    /// <param name="score">The score, 0 to 100; <see langword="null"/> when undefined.</param>
    /// <param name="band">The band's name; <see langword="null"/> when the score is undefined.</param>
    /// <param name="signals">Each signal's part, in the model's order.</param>
    /// <param name="adjustments">The gates and the override applied, in the order applied.</param>
    /// <exception cref="ArgumentException">The account is the default one, a name or hash is empty, the score is outside [0, 100] or not finite, or a score has no band (or an undefined one has one).</exception>
    public ScoreSnapshot(AccountId account, LocalDate asOf, string modelName, string modelHash, double? score, string? band, IReadOnlyList<SignalSnapshot> signals, IReadOnlyList<ScoreAdjustment> adjustments)
    {
        if (account.IsDefault)
        {
            throw new ArgumentException("A snapshot needs an account.", nameof(account));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelHash);
        if (score is { } s && !(s >= 0 && s <= 100))
        {
            throw new ArgumentException($"A score is from 0 to 100; {s} is not.", nameof(score));
        }

        if (score.HasValue == string.IsNullOrEmpty(band))
        {
            throw new ArgumentException(score.HasValue ? "A defined score has a band." : "An undefined score has no band.", nameof(band));
        }

        Account = account;
        AsOf = asOf;
        ModelName = modelName;
        ModelHash = modelHash;
        Score = score;
        Band = band;
        Signals = ReadOnlyViews.Copy(signals, nameof(signals));
        Adjustments = ReadOnlyViews.Copy(adjustments, nameof(adjustments));
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the date the account was scored as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the model's name.</summary>
    public string ModelName { get; }

    /// <summary>Gets the hash of the model's definition: two snapshots with one hash came from the same model.</summary>
    public string ModelHash { get; }

    /// <summary>Gets the score; <see langword="null"/> when undefined (no signal could be scored).</summary>
    public double? Score { get; }

    /// <summary>Gets the band's name; <see langword="null"/> when the score is undefined.</summary>
    public string? Band { get; }

    /// <summary>Gets each signal's part, in the model's order.</summary>
    public IReadOnlyList<SignalSnapshot> Signals { get; }

    /// <summary>Gets the gates and the override applied, in the order applied.</summary>
    public IReadOnlyList<ScoreAdjustment> Adjustments { get; }

    /// <summary>Gets whether a CSM's override set the score.</summary>
    public bool OverrideApplied => Adjustments.Any(a => a.Kind == AdjustmentKind.Override);

    /// <summary>The snapshot of an explained score.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The date it was scored as of.</param>
    /// <param name="model">The model that scored it.</param>
    /// <param name="explanation">The explanation <see cref="HealthScorer{TAccount}.Explain"/> gave.</param>
    /// <returns>The snapshot.</returns>
    public static ScoreSnapshot Of(AccountId account, LocalDate asOf, HealthModel model, HealthExplanation explanation) =>
        Of(account, asOf, model.Name, HashOf(model), explanation);

    /// <summary>The snapshot of an explained score, with the model's hash worked out once by the caller.</summary>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The date it was scored as of.</param>
    /// <param name="modelName">The model's name.</param>
    /// <param name="modelHash">The model's hash (<see cref="HashOf"/>).</param>
    /// <param name="explanation">The explanation.</param>
    /// <returns>The snapshot.</returns>
    public static ScoreSnapshot Of(AccountId account, LocalDate asOf, string modelName, string modelHash, HealthExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        HealthScore score = explanation.Score;
        return new ScoreSnapshot(account, asOf, modelName, modelHash, score.ToNullable(), score.Band?.Name,
            [.. explanation.Signals.Select(SignalSnapshot.Of)], explanation.Adjustments);
    }

    /// <summary>
    /// The hash of a model's definition: SHA-256 of its JSON form (<see cref="HealthModelJson.Serialize(HealthModel)"/>), in
    /// lowercase hex. Equal definitions give equal hashes; any change to a signal, curve, weight, gate or band changes it.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>64 hex digits.</returns>
    public static string HashOf(HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(HealthModelJson.Serialize(model)))).ToLowerInvariant();
    }

    /// <inheritdoc/>
    public bool Equals(ScoreSnapshot? other) =>
        other is not null && Account == other.Account && AsOf == other.AsOf
        && string.Equals(ModelName, other.ModelName, StringComparison.Ordinal) && string.Equals(ModelHash, other.ModelHash, StringComparison.Ordinal)
        && Nullable.Equals(Score, other.Score) && string.Equals(Band, other.Band, StringComparison.Ordinal)
        && Signals.SequenceEqual(other.Signals)
        && Adjustments.Select(a => (a.Kind, a.Reason, a.Delta)).SequenceEqual(other.Adjustments.Select(a => (a.Kind, a.Reason, a.Delta)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScoreSnapshot);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Account, AsOf, ModelName, ModelHash, Score);

    /// <inheritdoc/>
    public override string ToString() => $"{Account} {AsOf:uuuu'-'MM'-'dd} {ModelName}: {(Score is { } s ? $"{s:0.##} {Band}" : "undefined")}";
}
