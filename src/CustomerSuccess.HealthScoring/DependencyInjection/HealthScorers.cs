using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// The scorers of the named models registered with <c>AddHealthScoring</c>, compiled once per model (and again when its
/// options change), and the rule that picks a model for an account. Thread-safe.
/// </summary>
/// <typeparam name="TAccount">The account type the signals read.</typeparam>
public sealed class HealthScorers<TAccount>
{
    private readonly IOptionsMonitor<HealthModelOptions> _models;
    private readonly IOptionsMonitor<HealthScoringOptions> _selection;
    private readonly ISignal<TAccount>[] _signals;
    private readonly ConcurrentDictionary<string, HealthScorer<TAccount>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Initializes the scorers; resolved from the service provider.</summary>
    /// <param name="models">The named model options.</param>
    /// <param name="selection">The model selection rules.</param>
    /// <param name="signals">The registered signal plugins.</param>
    /// <param name="registry">The names of the registered models.</param>
    public HealthScorers(IOptionsMonitor<HealthModelOptions> models, IOptionsMonitor<HealthScoringOptions> selection, IEnumerable<ISignal<TAccount>> signals, HealthModelRegistry<TAccount> registry)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(registry);
        _models = models;
        _selection = selection;
        _signals = signals.ToArray();
        Names = registry.Names;
        models.OnChange((_, name) => _compiled.TryRemove(name ?? Options.DefaultName, out HealthScorer<TAccount>? _));
    }

    /// <summary>Gets the names of the registered models.</summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>Returns the scorer of a named model.</summary>
    /// <param name="model">The model's name.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="KeyNotFoundException">No model has that name.</exception>
    /// <exception cref="OptionsValidationException">The model's options are invalid; the message names the model and signal.</exception>
    public HealthScorer<TAccount> Get(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Names.Contains(model))
        {
            throw new KeyNotFoundException($"No health model is registered as '{model}'; registered: {string.Join(", ", Names.Select(n => "'" + n + "'"))}.");
        }

        return _compiled.GetOrAdd(model, name => HealthScorer.Create(_models.Get(name).ToModel(name), _signals));
    }

    /// <summary>Returns the scorer for an account: the first rule whose attributes all match, else the default model.</summary>
    /// <param name="attribute">Reads an account attribute by name (such as "segment"); null when the account has none.</param>
    /// <returns>The scorer.</returns>
    public HealthScorer<TAccount> For(Func<string, string?> attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        HealthScoringOptions selection = _selection.CurrentValue;
        foreach (ModelRuleOptions rule in selection.Rules)
        {
            if (rule.When.All(condition => string.Equals(attribute(condition.Key), condition.Value, StringComparison.Ordinal)))
            {
                return Get(rule.Model);
            }
        }

        return Get(selection.DefaultModel);
    }
}

/// <summary>The names of the health models registered for an account type. Filled by <c>AddModel</c>.</summary>
/// <typeparam name="TAccount">The account type.</typeparam>
public sealed class HealthModelRegistry<TAccount>
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Gets the registered names.</summary>
    public IReadOnlyCollection<string> Names => _names;

    internal void Add(string name) => _names.Add(name);
}
