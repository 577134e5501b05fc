using System;
using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Which named model scores which account: rules tried in order (first match wins), then the default. Several models
/// (high-touch, tech-touch) live side by side as named <see cref="HealthModelOptions"/>.
/// </summary>
public sealed class HealthScoringOptions
{
    /// <summary>Gets or sets the model for accounts no rule matches.</summary>
    /// <value>Empty; required.</value>
    public string DefaultModel { get; set; } = string.Empty;

    /// <summary>Gets or sets the rules, tried in order.</summary>
    /// <value>Empty.</value>
    public IList<ModelRuleOptions> Rules { get; set; } = [];
}

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
