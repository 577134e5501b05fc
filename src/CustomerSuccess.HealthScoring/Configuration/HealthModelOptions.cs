using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using CustomerSuccess.Signals;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A health model as plain data: the shape of an appsettings.json section and of a model's JSON file. Mutable, with
/// documented defaults; <see cref="ToModel"/> validates it into an immutable <see cref="HealthModel"/>.
/// </summary>
public sealed class HealthModelOptions
{
    /// <summary>Gets or sets the signals.</summary>
    /// <value>Empty; a model needs at least one.</value>
    public IList<HealthSignalOptions> Signals { get; set; } = [];

    /// <summary>Gets or sets group weights by group name; a group not listed weighs 1.</summary>
    /// <value>Empty.</value>
    public IDictionary<string, double> GroupWeights { get; set; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets or sets the gates.</summary>
    /// <value>Empty.</value>
    public IList<HealthGateOptions> Gates { get; set; } = [];

    /// <summary>Gets or sets the bands, lowest first; empty for red &lt; 40 &lt;= yellow &lt; 70 &lt;= green.</summary>
    /// <value>Empty (the default bands).</value>
    public IList<HealthBandOptions> Bands { get; set; } = [];

    /// <summary>Gets or sets where a fitted model came from; scoring never reads it.</summary>
    /// <value><see langword="null"/>: written by hand, or not recorded.</value>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ModelProvenanceOptions? Provenance { get; set; }

    /// <summary>Describes a model as options (for JSON or configuration).</summary>
    /// <param name="model">The model.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A signal uses a custom curve, which has no data form; the message names the signal.</exception>
    public static HealthModelOptions FromModel(HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new HealthModelOptions
        {
            Signals = model.Signals.Select(s => new HealthSignalOptions
            {
                Id = s.Id.Value,
                Group = s.Group,
                Weight = s.Weight,
                Missing = s.Missing,
                SubstituteScore = s.SubstituteScore,
                Curve = s.Curve is IDescribedCurve described
                    ? described.Describe()
                    : throw new ArgumentException($"Health model '{model.Name}', signal '{s.Id}': its curve ({s.Curve.GetType().Name}) is custom and has no data form.", nameof(model)),
            }).ToList(),
            GroupWeights = model.GroupWeights.Where(g => g.Value != 1).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal),
            Gates = model.Gates.Select(g => new HealthGateOptions
            {
                Signal = g.Signal.Value,
                Comparison = g.Comparison,
                Threshold = g.Threshold,
                Effect = g.Effect,
                Limit = g.Limit,
                Reason = g.Reason,
            }).ToList(),
            Bands = model.Bands.All.Select(b => new HealthBandOptions { Name = b.Name, LowerBound = b.LowerBound }).ToList(),
        };
    }

    /// <summary>Validates the options and builds the model.</summary>
    /// <param name="name">The model's name, used in every message.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CustomerSuccessValidationException">
    /// A value is invalid; the exception lists every problem, each naming the model and the signal, gate or band at fault.
    /// </exception>
    public HealthModel ToModel(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        HealthModel.Builder builder = HealthModel.CreateBuilder(name);
        var problems = new List<string>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (HealthSignalOptions s in Signals ?? [])
        {
            if (ToDefinition(name, s, problems) is { } definition)
            {
                builder.AddSignal(definition);
            }
            else if (s?.Id is { } id)
            {
                unreadable.Add(id);
            }
        }

        foreach ((string group, double weight) in GroupWeights ?? new Dictionary<string, double>())
        {
            if (string.IsNullOrWhiteSpace(group))
            {
                problems.Add($"Health model '{name}', group '{group}' in groupWeights: a group weight needs a group name.");
                continue;
            }

            builder.WithGroupWeight(group, weight);
        }

        foreach (HealthGateOptions g in Gates ?? [])
        {
            if (ToGate(name, g, problems) is { } gate && !unreadable.Contains(g.Signal))
            {
                builder.AddGate(gate);
            }
        }

        if (Bands is { Count: > 0 } bands)
        {
            try
            {
                builder.WithBands(HealthBands.Create(bands.Select(b => (b?.Name!, b?.LowerBound ?? 0)).ToArray()));
            }
            catch (ArgumentException e)
            {
                problems.Add($"Health model '{name}', bands: {ArgumentProblem.Of(e)}");
            }
        }

        // The whole-model checks run even when a part was refused, so that one pass reports everything it can; "no signals"
        // only when none was given, not when every one given was refused.
        HealthModel? model = null;
        bool partsRefused = problems.Count > 0;
        try
        {
            model = builder.Build();
        }
        catch (CustomerSuccessValidationException e)
        {
            problems.AddRange(e.Problems.Where(p => !(partsRefused && p.EndsWith(" has no signals.", StringComparison.Ordinal))));
        }

        CustomerSuccessValidationException.ThrowIfAny(problems);
        return model!;
    }

    private static HealthSignalDefinition? ToDefinition(string name, HealthSignalOptions? s, List<string> problems)
    {
        string where = $"Health model '{name}', signal '{s?.Id}'";
        if (s is null || !SignalId.TryParse(s.Id, out SignalId id))
        {
            problems.Add($"{where}: '{s?.Id}' is not a valid signal id (a-z first, then a-z, 0-9, '_', '.', '-').");
            return null;
        }

        IScoreCurve? curve = null;
        try
        {
            curve = (s.Curve ?? throw new ArgumentException("no curve is given")).ToCurve();
        }
        catch (ArgumentException e)
        {
            problems.Add($"{where}, curve: {ArgumentProblem.Of(e)}");
        }

        bool readable = curve is not null;
        if (s.Missing == MissingSignalPolicy.Substitute && s.SubstituteScore is null)
        {
            problems.Add($"{where}: missing is Substitute, so substituteScore must say what score a missing value gets.");
            readable = false;
        }

        return readable
            ? new HealthSignalDefinition(id, curve!, s.Weight, string.IsNullOrWhiteSpace(s.Group) ? "default" : s.Group, s.Missing, s.SubstituteScore ?? 0)
            : null;
    }

    private static HealthGate? ToGate(string name, HealthGateOptions? g, List<string> problems)
    {
        if (g is null || !SignalId.TryParse(g.Signal, out SignalId signal))
        {
            problems.Add($"Health model '{name}': a gate names '{g?.Signal}', which is not a valid signal id.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(g.Reason))
        {
            problems.Add($"Health model '{name}': the gate on '{g.Signal}' needs a reason.");
            return null;
        }

        try
        {
            return new HealthGate(signal, g.Comparison, g.Threshold, g.Effect, g.Limit, g.Reason);
        }
        catch (ArgumentException e)
        {
            problems.Add($"Health model '{name}', gate on '{g.Signal}': {ArgumentProblem.Of(e)}");
            return null;
        }
    }
}
