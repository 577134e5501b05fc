using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace CustomerSuccess.Behaviors;

/// <summary>The rule sets registered with <c>AddBehaviorRules</c>, built once per name (and again when their options change). Thread-safe.</summary>
public sealed class BehaviorRuleSets
{
    private readonly IOptionsMonitor<BehaviorRuleSetOptions> _options;
    private readonly ConcurrentDictionary<string, RuleSet> _built = new(StringComparer.Ordinal);

    /// <summary>Initializes the rule sets; resolved from the service provider.</summary>
    /// <param name="options">The named rule set options.</param>
    /// <param name="registry">The names of the registered rule sets.</param>
    public BehaviorRuleSets(IOptionsMonitor<BehaviorRuleSetOptions> options, BehaviorRuleSetRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _options = options;
        Names = ReadOnlyViews.Copy(registry.Names, "names");
        options.OnChange((_, name) => _built.TryRemove(name ?? Options.DefaultName, out RuleSet? _));
    }

    /// <summary>Gets the names of the registered rule sets.</summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>Returns a rule set by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="KeyNotFoundException">No rule set has that name.</exception>
    /// <exception cref="CustomerSuccessValidationException">The options are invalid; the exception lists every problem, naming the rule set and rule.</exception>
    public RuleSet Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
        {
            throw new KeyNotFoundException($"No behavior rule set is registered as '{name}'; registered: {string.Join(", ", Names.Select(n => "'" + n + "'"))}.");
        }

        return _built.GetOrAdd(name, n => _options.Get(n).ToRuleSet(n));
    }
}
