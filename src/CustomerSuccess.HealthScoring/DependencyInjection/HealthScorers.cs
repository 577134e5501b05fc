using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The scorers of an account type's models (<see cref="HealthScoringOptions{TAccount}.Models"/>), compiled once per model
/// (and again when the options change), and the rule that picks a model for an account. Thread-safe.
/// </summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthScorers<TAccount>
{
    private readonly IOptionsMonitor<HealthScoringOptions<TAccount>> _options;
    private readonly ISignal<TAccount>[] _signals;
    private ConcurrentDictionary<string, HealthScorer<TAccount>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Initializes the scorers; resolved from the service provider.</summary>
    /// <param name="options">The account type's models and selection rules.</param>
    /// <param name="signals">The registered signal plugins.</param>
    public HealthScorers(IOptionsMonitor<HealthScoringOptions<TAccount>> options, IEnumerable<ISignal<TAccount>> signals)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signals);
        _options = options;
        _signals = signals.ToArray();
        // A change may touch any model, so every compiled scorer goes; they are compiled again on first use.
        options.OnChange((_, _) => _compiled = new ConcurrentDictionary<string, HealthScorer<TAccount>>(StringComparer.Ordinal));
    }

    /// <summary>Gets the names of the models, in ordinal order.</summary>
    public IReadOnlyCollection<string> Names =>
        new ReadOnlyCollection<string>((_options.CurrentValue.Models?.Keys ?? []).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Returns the scorer of a named model.</summary>
    /// <param name="model">The model's name.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="KeyNotFoundException">No model has that name.</exception>
    /// <exception cref="CustomerSuccessValidationException">The model is invalid; the exception lists every problem, naming the model and signal.</exception>
    public HealthScorer<TAccount> Get(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ConcurrentDictionary<string, HealthScorer<TAccount>> compiled = _compiled;
        if (compiled.TryGetValue(model, out HealthScorer<TAccount>? scorer))
        {
            return scorer; // the path of every account after the first: no lookup in the options, no closure
        }

        HealthScoringOptions<TAccount> options = _options.CurrentValue;
        if (options.Models is null || !options.Models.TryGetValue(model, out HealthModelOptions? definition) || definition is null)
        {
            throw new KeyNotFoundException($"No health model is configured as '{model}'; configured: {string.Join(", ", Names.Select(n => "'" + n + "'"))}.");
        }

        return compiled.GetOrAdd(model, HealthScorer.Create(definition.ToModel(model), _signals));
    }

    /// <summary>Returns the scorer for an account: the first rule whose attributes all match, else the default model.</summary>
    /// <param name="attribute">Reads an account attribute by name (such as "segment"); null when the account has none.</param>
    /// <returns>The scorer.</returns>
    public HealthScorer<TAccount> For(Func<string, string?> attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        HealthScoringOptions<TAccount> options = _options.CurrentValue;
        foreach (ModelRuleOptions rule in options.Rules ?? [])
        {
            if (rule.When.All(condition => string.Equals(attribute(condition.Key), condition.Value, StringComparison.Ordinal)))
            {
                return Get(rule.Model);
            }
        }

        return Get(options.DefaultModel);
    }
}
