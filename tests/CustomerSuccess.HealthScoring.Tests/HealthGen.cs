using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.HealthScoring.Tests;

/// <summary>An account for tests: one raw value per signal slot, null when missing.</summary>
public sealed record ScoredAccount(string Name, double?[] Raw)
{
    public override string ToString() => $"{Name} [{string.Join(", ", Raw.Select(r => r?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}]";
}

/// <summary>A random model with its signal definitions, and accounts to score with it.</summary>
public sealed record HealthSample(HealthSignalDefinition[] Signals, Dictionary<string, double> GroupWeights, HealthGate[] Gates, ScoredAccount[] Accounts)
{
    public static readonly SignalContext Context = new(Instant.FromUtc(2026, 9, 8, 12, 0), DateTimeZone.Utc);

    public HealthModel Model(Func<HealthSignalDefinition, HealthSignalDefinition>? change = null, IEnumerable<HealthSignalDefinition>? order = null, double groupScale = 1)
    {
        HealthModel.Builder builder = HealthModel.CreateBuilder("sample");
        foreach (HealthSignalDefinition s in order ?? Signals)
        {
            builder.AddSignal(change is null ? s : change(s));
        }

        foreach ((string group, double weight) in GroupWeights)
        {
            builder.WithGroupWeight(group, weight * groupScale);
        }

        foreach (HealthGate gate in Gates)
        {
            builder.AddGate(gate);
        }

        return builder.Build();
    }

    public HealthScorer<ScoredAccount> Scorer(HealthModel model) => HealthScorer.Create(model, Plugins(Signals.Length));

    public static IEnumerable<ISignal<ScoredAccount>> Plugins(int count) =>
        Enumerable.Range(0, count).Select(i => Signal.Create<ScoredAccount>(
            new SignalId($"s{i}"),
            i % 2 == 0 ? SignalTiming.Leading : SignalTiming.Lagging,
            (account, _) => account.Raw[i] is { } value ? SignalValue.Of(value) : SignalValue.Missing($"no data for s{i}")));

    public override string ToString() =>
        string.Join("; ", Signals.Select(s => $"{s.Id} {s.Curve} w{s.Weight} {s.Group} {s.Missing}")) + $" | groups {string.Join(",", GroupWeights.Select(g => $"{g.Key}={g.Value}"))} | gates {string.Join(",", Gates.Select(g => g.ToString()))} | {string.Join(" ", Accounts.Take(5))}";
}

public static class HealthArbitraries
{
    private static readonly string[] Groups = ["adoption", "support", "engagement"];

    public static Arbitrary<HealthSample> HealthSample() => Sample(withGates: true).ToArbitrary();

    public static Arbitrary<UngatedSample> UngatedSample() => Sample(withGates: false).Select(s => new UngatedSample(s)).ToArbitrary();

    public static Gen<IScoreCurve> Curve { get; } = Gen.OneOf(
        from a in Gen.Choose(-50, 100)
        from span in Gen.Choose(1, 100)
        from rising in Gen.Elements(true, false)
        select rising ? HealthScoring.Curve.Linear(a, a + span) : HealthScoring.Curve.Linear(a + span, a),
        from xs in Gen.ArrayOf(Gen.Choose(-50, 150), 4)
        from ys in Gen.ArrayOf(Gen.Choose(0, 100), 4)
        let raws = xs.Distinct().Order().ToArray()
        where raws.Length >= 2
        select HealthScoring.Curve.Piecewise(raws.Select((x, i) => new CurvePoint(x, ys[i])).ToArray()),
        from below in Gen.Choose(0, 100)
        from t in Gen.Choose(-20, 100)
        from s in Gen.Choose(0, 100)
        select HealthScoring.Curve.Steps(below, new CurvePoint(t, s)),
        Gen.Constant(HealthScoring.Curve.Boolean()));

    private static Gen<HealthSample> Sample(bool withGates) =>
        from count in Gen.Choose(1, 8)
        from curves in Gen.ArrayOf(Curve, count)
        from weights in Gen.ArrayOf(Gen.Elements(0.0, 0.5, 1.0, 2.0, 3.5), count)
        from groups in Gen.ArrayOf(Gen.Elements(Groups), count)
        from policies in Gen.ArrayOf(Gen.Elements(MissingSignalPolicy.Skip, MissingSignalPolicy.Skip, MissingSignalPolicy.Skip, MissingSignalPolicy.Substitute, MissingSignalPolicy.Fail), count)
        from substitutes in Gen.ArrayOf(Gen.Choose(0, 100), count)
        from groupWeights in Gen.ArrayOf(Gen.Elements(0.5, 1.0, 2.0), Groups.Length)
        from gateCount in withGates ? Gen.Choose(0, 2) : Gen.Constant(0)
        from gateSignals in Gen.ArrayOf(Gen.Choose(0, count - 1), 2)
        from gateLimits in Gen.ArrayOf(Gen.Choose(0, 100), 2)
        from accounts in Gen.ArrayOf(Account(count), 12)
        let defs = Enumerable.Range(0, count).Select(i => new HealthSignalDefinition(new SignalId($"s{i}"), curves[i], i == 0 ? Math.Max(weights[i], 1) : weights[i], groups[i], policies[i], substitutes[i])).ToArray()
        let usedGroups = defs.Select(d => d.Group).Distinct().ToArray()
        select new HealthSample(
            defs,
            usedGroups.ToDictionary(g => g, g => groupWeights[Array.IndexOf(Groups, g)]),
            Enumerable.Range(0, gateCount).Select(i => new HealthGate(new SignalId($"s{gateSignals[i]}"), (GateComparison)(i % 4), 50, i % 2 == 0 ? GateEffect.Cap : GateEffect.Floor, gateLimits[i], $"gate {i}")).ToArray(),
            accounts);

    private static Gen<ScoredAccount> Account(int count) =>
        from raws in Gen.ArrayOf(Gen.OneOf(Gen.Constant<double?>(null), Gen.Choose(-500, 1500).Select(v => (double?)(v / 10.0)), Gen.Choose(-500, 1500).Select(v => (double?)(v / 10.0))), count)
        from name in Gen.Choose(1, 9999)
        select new ScoredAccount($"acct-{name}", raws);
}

/// <summary>A sample whose model has no gates (gates may legitimately break monotonicity).</summary>
public sealed record UngatedSample(HealthSample Sample)
{
    public override string ToString() => Sample.ToString();
}
