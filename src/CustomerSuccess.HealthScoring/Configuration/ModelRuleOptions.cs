using System;
using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>Picks a model for accounts whose attributes all equal the given values (ordinal comparison).</summary>
public sealed class ModelRuleOptions
{
    /// <summary>Gets or sets the model's name.</summary>
    /// <value>Empty; required.</value>
    public string Model { get; set; } = string.Empty;

    /// <summary>Gets or sets the attributes and the values they must have, such as segment = Enterprise.</summary>
    /// <value>Empty: matches every account.</value>
    public IDictionary<string, string> When { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
