using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// A health model (docs/design.md section 4): signals with curves and weights in weighted groups, gates, and bands. Build one
/// with <see cref="CreateBuilder"/>; the builder validates it as a whole. Immutable and thread-safe.
/// </summary>
public sealed class HealthModel
{
    private HealthModel(string name, HealthSignalDefinition[] signals, Dictionary<string, double> groupWeights, HealthGate[] gates, HealthBands bands)
    {
        Name = name;
        // Views, not the arrays and dictionary themselves: a caller casting them back cannot change the model.
        Signals = new ReadOnlyCollection<HealthSignalDefinition>(signals);
        GroupWeights = new ReadOnlyDictionary<string, double>(groupWeights);
        Gates = new ReadOnlyCollection<HealthGate>(gates);
        Bands = bands;
    }

    /// <summary>Gets the model's name, such as "high-touch".</summary>
    public string Name { get; }

    /// <summary>Gets the signals, in the order they were added.</summary>
    public IReadOnlyList<HealthSignalDefinition> Signals { get; }

    /// <summary>Gets the weight of every group that has signals (1 unless set).</summary>
    public IReadOnlyDictionary<string, double> GroupWeights { get; }

    /// <summary>Gets the gates.</summary>
    public IReadOnlyList<HealthGate> Gates { get; }

    /// <summary>Gets the bands.</summary>
    public HealthBands Bands { get; }

    /// <summary>Starts a model.</summary>
    /// <param name="name">The model's name, used in every error message.</param>
    /// <returns>An empty builder.</returns>
    public static Builder CreateBuilder(string name) => new(name);

    /// <summary>Collects a model's parts. Not thread-safe; the model it builds is.</summary>
    public sealed class Builder
    {
        private readonly string _name;
        private readonly List<HealthSignalDefinition> _signals = [];
        private readonly Dictionary<string, double> _groupWeights = new(StringComparer.Ordinal);
        private readonly List<HealthGate> _gates = [];
        private HealthBands _bands = HealthBands.Default;

        internal Builder(string name)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            _name = name;
        }

        /// <summary>Adds a signal.</summary>
        /// <param name="signal">The signal's definition.</param>
        /// <returns>This builder.</returns>
        public Builder AddSignal(HealthSignalDefinition signal)
        {
            ArgumentNullException.ThrowIfNull(signal);
            _signals.Add(signal);
            return this;
        }

        /// <summary>Sets a group's weight (1 unless set).</summary>
        /// <param name="group">The group.</param>
        /// <param name="weight">The weight, zero or more.</param>
        /// <returns>This builder.</returns>
        public Builder WithGroupWeight(string group, double weight)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(group);
            _groupWeights[group] = weight;
            return this;
        }

        /// <summary>Adds a gate.</summary>
        /// <param name="gate">The gate.</param>
        /// <returns>This builder.</returns>
        public Builder AddGate(HealthGate gate)
        {
            ArgumentNullException.ThrowIfNull(gate);
            _gates.Add(gate);
            return this;
        }

        /// <summary>Replaces the default bands.</summary>
        /// <param name="bands">The bands.</param>
        /// <returns>This builder.</returns>
        public Builder WithBands(HealthBands bands)
        {
            _bands = bands ?? throw new ArgumentNullException(nameof(bands));
            return this;
        }

        /// <summary>Validates the model as a whole and builds it.</summary>
        /// <returns>The model.</returns>
        /// <exception cref="CustomerSuccessValidationException">
        /// The model is empty, repeats a signal id, has a negative or non-finite weight, only zero weights, a substitute score or
        /// gate limit outside 0 to 100, a gate on a signal it does not have, or a weight for a group with no signal. The exception
        /// lists every problem, each naming the model and the signal or group.
        /// </exception>
        public HealthModel Build()
        {
            string model = $"Health model '{_name}'";
            var problems = new List<string>();
            if (_signals.Count == 0)
            {
                problems.Add($"{model} has no signals.");
            }

            var ids = new HashSet<Signals.SignalId>();
            foreach (HealthSignalDefinition s in _signals)
            {
                string where = $"{model}, signal '{s.Id}'";
                if (s.Id.IsDefault)
                {
                    problems.Add($"{model} has a signal without an id.");
                }
                else if (!ids.Add(s.Id))
                {
                    problems.Add($"{where}: the model has this signal twice.");
                }

                if (!double.IsFinite(s.Weight) || s.Weight < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: weight {s.Weight} must be zero or more."));
                }

                if (!Enum.IsDefined(s.Missing))
                {
                    problems.Add($"{where}: '{s.Missing}' is not a missing-signal policy.");
                }
                else if (s.Missing == MissingSignalPolicy.Substitute && !(s.SubstituteScore is >= 0 and <= 100))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: substitute score {s.SubstituteScore} must be between 0 and 100."));
                }
            }

            var groupWeights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string group in _signals.Select(s => s.Group).Distinct(StringComparer.Ordinal))
            {
                groupWeights[group] = _groupWeights.GetValueOrDefault(group, 1);
            }

            foreach ((string group, double weight) in _groupWeights)
            {
                if (!groupWeights.ContainsKey(group))
                {
                    problems.Add($"{model}: group '{group}' has a weight but no signal.");
                }

                if (!double.IsFinite(weight) || weight < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{model}, group '{group}': weight {weight} must be zero or more."));
                }
            }

            // Only meaningful once every weight is readable: a NaN weight already has its own problem.
            if (_signals.Count > 0 && problems.Count == 0 && !_signals.Any(s => s.Weight > 0 && groupWeights[s.Group] > 0))
            {
                problems.Add($"{model}: every signal or group has weight 0, so no score could ever be computed.");
            }

            foreach (HealthGate gate in _gates)
            {
                if (!ids.Contains(gate.Signal))
                {
                    problems.Add($"{model}: the gate '{gate}' names signal '{gate.Signal}', which the model does not have.");
                }

                if (!(gate.Limit is >= 0 and <= 100) || !double.IsFinite(gate.Threshold))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{model}: the gate '{gate}' needs a limit between 0 and 100 and a finite threshold."));
                }
            }

            CustomerSuccessValidationException.ThrowIfAny(problems);
            return new HealthModel(_name, _signals.ToArray(), groupWeights, _gates.ToArray(), _bands);
        }
    }
}
