using System;
using System.Collections.Generic;

namespace CustomerSuccess.Behaviors;

/// <summary>The names of the registered rule sets. Filled by <c>AddBehaviorRules</c>.</summary>
public sealed class BehaviorRuleSetRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Gets the registered names.</summary>
    public IReadOnlyCollection<string> Names => new System.Collections.ObjectModel.ReadOnlyCollection<string>([.. _names]);

    internal bool Add(string name) => _names.Add(name);
}
