using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Signals;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.HealthScoring;

/// <summary>Validates every registered model at start: the model itself, and that a plugin measures each of its signals.</summary>
internal sealed class HealthModelOptionsValidator<TAccount>(HealthModelRegistry<TAccount> registry, IEnumerable<ISignal<TAccount>> signals) : IValidateOptions<HealthModelOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthModelOptions options)
    {
        name ??= Options.DefaultName;
        if (!registry.Names.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        HealthModel model;
        try
        {
            model = options.ToModel(name);
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }

        var provided = signals.Select(s => s.Id).ToHashSet();
        List<string> missing = model.Signals
            .Where(s => !provided.Contains(s.Id))
            .Select(s => $"Health model '{name}', signal '{s.Id}': no registered signal provides it.")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}

/// <summary>Validates model selection: a default is required and every model named must be registered.</summary>
internal sealed class HealthScoringOptionsValidator<TAccount>(HealthModelRegistry<TAccount> registry) : IValidateOptions<HealthScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthScoringOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DefaultModel))
        {
            failures.Add($"{nameof(HealthScoringOptions)}.{nameof(HealthScoringOptions.DefaultModel)} is required: name the model for accounts no rule matches.");
        }
        else if (!registry.Names.Contains(options.DefaultModel))
        {
            failures.Add($"{nameof(HealthScoringOptions)}.{nameof(HealthScoringOptions.DefaultModel)} '{options.DefaultModel}' is not a registered model.");
        }

        for (int i = 0; i < options.Rules.Count; i++)
        {
            if (!registry.Names.Contains(options.Rules[i].Model))
            {
                failures.Add($"{nameof(HealthScoringOptions)}.{nameof(HealthScoringOptions.Rules)}[{i}] names model '{options.Rules[i].Model}', which is not registered.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
