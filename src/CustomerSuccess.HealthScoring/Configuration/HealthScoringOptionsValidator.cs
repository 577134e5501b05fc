using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Validates an account type's health scoring at start, reporting every problem at once: each model as a whole, that a
/// registered signal measures each of its signals, and that the default and the rules name models that exist.
/// </summary>
internal sealed class HealthScoringOptionsValidator<TAccount>(IEnumerable<ISignal<TAccount>> signals) : IValidateOptions<HealthScoringOptions<TAccount>>
{
    private const string Options = nameof(HealthScoringOptions<TAccount>);

    public ValidateOptionsResult Validate(string? name, HealthScoringOptions<TAccount> options)
    {
        var failures = new List<string>();
        IDictionary<string, HealthModelOptions> models = options.Models ?? new Dictionary<string, HealthModelOptions>();
        var provided = signals.Select(s => s.Id).ToHashSet();
        foreach ((string model, HealthModelOptions? definition) in models.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            failures.AddRange(Problems(model, definition, provided));
        }

        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{Options}.{nameof(options.DefaultModel)} is required: name the model for accounts no rule matches.");
        }
        else if (!models.ContainsKey(options.DefaultModel))
        {
            failures.Add($"{Options}.{nameof(options.DefaultModel)} '{options.DefaultModel}' is not one of the models ({Names(models)}).");
        }

        IList<ModelRuleOptions> rules = options.Rules ?? [];
        for (int i = 0; i < rules.Count; i++)
        {
            if (rules[i]?.Model is not { } model || !models.ContainsKey(model))
            {
                failures.Add($"{Options}.{nameof(options.Rules)}[{i}] names model '{rules[i]?.Model}', which is not one of the models ({Names(models)}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Problems(string model, HealthModelOptions? definition, HashSet<SignalId> provided)
    {
        if (definition is null)
        {
            return [$"Health model '{model}' is empty."];
        }

        try
        {
            return definition.ToModel(model).Signals
                .Where(s => !provided.Contains(s.Id))
                .Select(s => $"Health model '{model}', signal '{s.Id}': no registered signal provides it.")
                .ToList();
        }
        catch (CustomerSuccessValidationException e)
        {
            return e.Problems;
        }
    }

    private static string Names(IDictionary<string, HealthModelOptions> models) =>
        models.Count == 0 ? "none is configured" : string.Join(", ", models.Keys.Order(StringComparer.Ordinal).Select(k => "'" + k + "'"));
}
