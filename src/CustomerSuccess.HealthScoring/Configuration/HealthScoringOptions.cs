using System;
using System.Collections.Generic;

namespace CustomerSuccess.HealthScoring;

/// <summary>
/// Health scoring for one account type: its named models (high-touch, tech-touch) and which of them scores which account
/// (rules tried in order, first match wins, then the default). Each account type registered with <c>AddHealthScoring</c>
/// has its own, so two account types never share a model or a default. Binds from configuration, for example with
/// <c>services.Configure&lt;HealthScoringOptions&lt;MyAccount&gt;&gt;(configuration.GetSection("HealthScoring"))</c>.
/// </summary>
/// <typeparam name="TAccount">The account type the models score.</typeparam>
public sealed class HealthScoringOptions<TAccount>
{
    /// <summary>Gets or sets the models by name; each is validated at start and must be measurable by the registered signals.</summary>
    /// <value>Empty; at least the default model is required.</value>
    public IDictionary<string, HealthModelOptions> Models { get; set; } = new Dictionary<string, HealthModelOptions>(StringComparer.Ordinal);

    /// <summary>Gets or sets the model for accounts no rule matches.</summary>
    /// <value>Empty; required.</value>
    public string DefaultModel { get; set; } = string.Empty;

    /// <summary>Gets or sets the rules, tried in order.</summary>
    /// <value>Empty.</value>
    public IList<ModelRuleOptions> Rules { get; set; } = [];
}
